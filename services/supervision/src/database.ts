import { PrismaClient, type Prisma } from './generated/prisma/client.js';

export { PrismaClient as SupervisionDatabase };
export type SupervisionTx = Prisma.TransactionClient;
