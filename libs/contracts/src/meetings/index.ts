export * from './minutes.js';
export * from './legal-review.js';
export * from './meetings.js';
export * from './topics.js';
export * from './office-meetings.js';
export * from './requests.js';
export * from './schedule.js';
export * from './receptions.js';
