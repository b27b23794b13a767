export * from './source-documents.js';
export * from './items.js';
export * from './workflow.js';
export * from './npc-cppcc.js';
export * from './scoring.js';
export * from './statistics.js';
