import { PrismaClient, type Prisma } from './generated/prisma/client.js';

/** The documents section's database and its transaction type, as the service kit injects them. */
export { PrismaClient as DocumentsDatabase };
export type DocumentsTx = Prisma.TransactionClient;
