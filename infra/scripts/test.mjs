// `npm test`: every test (unit, integration, end-to-end) against real PostgreSQL and NATS.
// Generates the Prisma clients when missing, then runs jest in ESM mode (NestJS 12 ships ES modules).
// Extra arguments go to jest: `npm test -- --selectProjects unit`, `npm test -- services/documents`.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
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
const resultsFile = path.join(os.tmpdir(), `gov-jest-${process.pid}.json`);
const result = spawnSync(process.execPath, [jest, '--maxWorkers=2', '--json', `--outputFile=${resultsFile}`, ...process.argv.slice(2)], {
  stdio: 'inherit',
  cwd: root,
  env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules --no-warnings=ExperimentalWarning`.trim() },
});
// A plain closing line, the same in every runner's terms: "tests: N passed, N failed, N skipped".
if (existsSync(resultsFile)) {
  const r = JSON.parse(readFileSync(resultsFile, 'utf8'));
  rmSync(resultsFile, { force: true });
  console.log(`\ntests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`);
}
process.exit(result.status ?? 1);
