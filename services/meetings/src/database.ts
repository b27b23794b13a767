import { PrismaClient, type Prisma } from './generated/prisma/client.js';

export { PrismaClient as MeetingsDatabase };
export type MeetingsTx = Prisma.TransactionClient;
