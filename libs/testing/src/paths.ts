import { existsSync } from 'node:fs';
import path from 'node:path';

/** The repository root: the nearest folder above the working directory holding nx.json. */
export function repoRoot(): string {
  let dir = process.cwd();
  while (!existsSync(path.join(dir, 'nx.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('cannot find the repository root (nx.json)');
    dir = up;
  }
  return dir;
}
