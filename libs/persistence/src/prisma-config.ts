import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';

/**
 * The Prisma recipe verified on the CI machine (TOOLCHAIN.md): Prisma 6.19 with the JS engine and the pg
 * adapter, so no engine binary is ever downloaded. Each service's prisma.config.ts is one call to this.
 */
export function servicePrismaConfig(serviceDir: string) {
  return {
    earlyAccess: true,
    engine: 'js',
    experimental: { adapter: true },
    schema: path.join(serviceDir, 'prisma'),
    migrations: { path: path.join(serviceDir, 'prisma', 'migrations') },
    adapter: async () => // A short idle timeout lets the CLI exit as soon as it is done instead of holding the pool open for 10 s.
      new PrismaPg({ connectionString: requireDatabaseUrl(), idleTimeoutMillis: 50 }),
  } as const;
}

function requireDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: the Prisma CLI needs the database of this service');
  return url;
}
