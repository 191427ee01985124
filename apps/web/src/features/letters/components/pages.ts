// The letter and traceability screens, loaded together on demand (see ../routes.tsx).
export { LetterPage } from './letter-page';
export { ChangeTracePage } from './change-trace-page';
