import { PrismaClient, type Prisma } from './generated/prisma/client.js';

export { PrismaClient as LegalReviewDatabase };
export type LegalReviewTx = Prisma.TransactionClient;
