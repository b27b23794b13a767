export * from './nats.js';
export * from './trace.js';
export * from './logger.js';
export * from './rpc-client.js';
export * from './outbox.js';
export * from './stream.js';
export * from './relay.js';
export * from './consumer.js';
