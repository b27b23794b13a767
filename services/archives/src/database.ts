import { PrismaClient, type Prisma } from './generated/prisma/client.js';

export { PrismaClient as ArchivesDatabase };
export type ArchivesTx = Prisma.TransactionClient;
