export * from './incoming.js';
export * from './instructions.js';
export * from './legal-review.js';
