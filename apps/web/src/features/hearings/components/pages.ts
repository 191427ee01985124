// The hearing screens, loaded together on demand (see ../routes.tsx).
export { HearingsPage } from './hearings-page';
export { HearingResponsePage } from './response-page';
export { HearingProcessingPage } from './processing-page';
export { InvitationPage } from './invitation-page';
export { PublicHearingPage } from './public-hearing-page';
