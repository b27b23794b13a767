export * from './sql.js';
export * from './database.js';
export * from './migrate.js';
export * from './numbering.js';
export * from './audit.js';
export * from './prisma-client.js';
