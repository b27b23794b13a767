import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Module boundaries, checked on Nx's own project graph (`nx graph`, imports analysed from source): a service
 * depends on libs only, never on another service or the gateway; the gateway depends on libs only; libs never
 * depend on services, the gateway or the test harness (except the harness itself); contracts depend on nothing.
 */
interface Graph {
  nodes: Record<string, { data: { tags?: string[]; root: string } }>;
  dependencies: Record<string, { source: string; target: string }[]>;
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'nx-graph-'));
let graph: Graph;

beforeAll(() => {
  const file = path.join(dir, 'graph.json');
  execFileSync(process.execPath, [path.join('node_modules', 'nx', 'dist', 'bin', 'nx.js'), 'graph', `--file=${file}`], {
    cwd: process.cwd(),
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' },
    stdio: 'pipe',
  });
  graph = (JSON.parse(readFileSync(file, 'utf8')) as { graph: Graph }).graph;
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const tags = (name: string) => graph.nodes[name]!.data.tags ?? [];
const isType = (name: string, type: string) => tags(name).includes(`type:${type}`);
const deps = (name: string) => [...new Set((graph.dependencies[name] ?? []).map((d) => d.target))];

const SERVICES = ['documents', 'meetings', 'supervision', 'legal-review', 'petitions', 'secrecy', 'archives', 'foreign-affairs'];
const LIBS = ['contracts', 'messaging', 'auth', 'calendar', 'persistence', 'service-kit', 'testing', 'spec-kit'];

describe('Nx projects and their boundaries', () => {
  it('has every service, lib, the gateway and the e2e tests as tagged Nx projects', () => {
    for (const s of SERVICES) expect(tags(s)).toEqual(expect.arrayContaining(['type:service', `scope:${s}`]));
    for (const l of LIBS) expect(tags(l)).toContain('type:lib');
    expect(tags('gateway')).toContain('type:gateway');
    expect(tags('e2e')).toContain('type:e2e');
  });

  it.each(SERVICES)('service %s depends on libs only', (service) => {
    const offending = deps(service).filter((d) => !isType(d, 'lib'));
    expect(offending).toEqual([]);
    expect(deps(service)).toContain('service-kit');
  });

  it('the gateway depends on libs only (never on a service)', () => {
    expect(deps('gateway').filter((d) => !isType(d, 'lib'))).toEqual([]);
    expect(deps('gateway')).toEqual(expect.arrayContaining(['contracts', 'auth', 'messaging']));
  });

  it('libs depend on libs only, and only the harness depends on the harness', () => {
    for (const lib of LIBS) {
      expect(deps(lib).filter((d) => !isType(d, 'lib'))).toEqual([]);
      if (lib !== 'testing') expect(deps(lib)).not.toContain('testing');
    }
    expect(deps('contracts')).toEqual([]);
  });

  it('has no dependency cycle between projects', () => {
    const cycles: string[] = [];
    const done = new Set<string>();
    const visit = (name: string, path: string[]) => {
      if (path.includes(name)) {
        cycles.push([...path.slice(path.indexOf(name)), name].join(' → '));
        return;
      }
      if (done.has(name)) return;
      for (const next of deps(name)) visit(next, [...path, name]);
      done.add(name);
    };
    for (const name of Object.keys(graph.nodes)) visit(name, []);
    expect(cycles).toEqual([]);
  });
});
