import { PrismaClient, type Prisma } from './generated/prisma/client.js';

export { PrismaClient as SecrecyDatabase };
export type SecrecyTx = Prisma.TransactionClient;
