import { PrismaClient, type Prisma } from './generated/prisma/client.js';

export { PrismaClient as PetitionsDatabase };
export type PetitionsTx = Prisma.TransactionClient;
