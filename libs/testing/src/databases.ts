import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { applyMigrations, dropDatabase, ensureDatabase } from '@gov/persistence';
import { testDatabaseServerUrl } from './environment.js';
import { repoRoot } from './paths.js';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh database with a service's migrations applied; unique per call so parallel runs never meet. */
export async function createTestDatabase(service: string, migrationsDir?: string): Promise<TestDatabase> {
  const name = `t_${service.replace(/-/g, '_')}_${randomBytes(5).toString('hex')}`;
  const u = new URL(testDatabaseServerUrl());
  u.pathname = `/${name}`;
  const url = u.toString();
  await ensureDatabase(url);
  await applyMigrations(url, migrationsDir ?? path.join(repoRoot(), 'services', service, 'prisma', 'migrations'));
  return { url, drop: () => dropDatabase(url) };
}
