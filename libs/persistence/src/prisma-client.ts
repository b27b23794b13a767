import { PrismaPg } from '@prisma/adapter-pg';

/**
 * Builds a service's generated PrismaClient on the pg driver adapter (the recipe of TOOLCHAIN.md).
 * The class is passed in because each service generates its own client from its own schema.
 */
export function createPrismaClient<T>(
  PrismaClient: new (options: { adapter: PrismaPg }) => T,
  connectionString: string,
  pool: { max?: number } = {},
): T {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max: pool.max ?? 10 }) });
}
