// `npm test`: every test (unit, integration, end-to-end) against real PostgreSQL and NATS.
// Generates the Prisma clients when missing, then runs jest in ESM mode (NestJS 12 ships ES modules).
// Extra arguments go to jest: `npm test -- --selectProjects unit`, `npm test -- services/documents`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const services = readdirSync(path.join(root, 'services'));
const missing = services.filter((s) => !existsSync(path.join(root, 'services', s, 'src', 'generated', 'prisma', 'client.ts')));
if (missing.length) {
  console.log(`[tests] generating Prisma clients (${missing.join(', ')})`);
  const gen = spawnSync(process.execPath, [path.join(root, 'infra', 'scripts', 'db-generate.mjs')], { stdio: 'inherit', cwd: root });
  if (gen.status !== 0) process.exit(gen.status ?? 1);
}
const jest = path.join(root, 'node_modules', 'jest', 'bin', 'jest.js');
const result = spawnSync(process.execPath, [jest, '--maxWorkers=2', ...process.argv.slice(2)], {
  stdio: 'inherit',
  cwd: root,
  env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules --no-warnings=ExperimentalWarning`.trim() },
});
process.exit(result.status ?? 1);
