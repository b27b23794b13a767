export * from './minutes.js';
export * from './legal-review.js';
