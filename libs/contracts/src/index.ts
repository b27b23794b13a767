export * from './errors.js';
export * from './subjects.js';
export * from './envelope.js';
export * from './define.js';
export * from './common.js';
export * from './catalog.js';
export * from './platform/health.js';
export * as documents from './documents/incoming.js';
export * as supervision from './supervision/source-documents.js';
