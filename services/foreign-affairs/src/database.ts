import { PrismaClient, type Prisma } from './generated/prisma/client.js';

export { PrismaClient as ForeignAffairsDatabase };
export type ForeignAffairsTx = Prisma.TransactionClient;
