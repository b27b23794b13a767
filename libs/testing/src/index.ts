export * from './environment.js';
export * from './paths.js';
export * from './databases.js';
export * from './nats.js';
export * from './private-nats.js';
export * from './services.js';
export * from './actors.js';
export * from './pg-database.js';
