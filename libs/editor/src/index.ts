export * from './document';
export * from './schema';
export * from './section-kind';
export * from './compare';
