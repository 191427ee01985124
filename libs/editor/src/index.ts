export * from './document';
export * from './schema';
export * from './section-kind';
export * from './section-commands';
export * from './compare';
export * from './suggestions';
