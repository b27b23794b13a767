export * from './source-documents.js';
export * from './items.js';
