export * from './config.js';
export * from './tokens.js';
export * from './command.js';
export * from './unit-of-work.js';
export * from './nats-server.js';
export * from './metrics.js';
export * from './runtime.js';
export * from './record-change.js';
