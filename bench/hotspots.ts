/**
 * Summarises a V8 CPU profile (`node --cpu-prof`): the functions with the most self time and
 * the most total (inclusive) time, with their files and lines. Frames in a bundle that has a
 * `.map` beside it (dist/server.js, dist/cli.js, an esbuild bundle of the bench) are mapped
 * back to their TypeScript source.
 *
 *   node --import tsx bench/hotspots.ts PROFILE.cpuprofile [--top 20] [--filter server/src]
 */
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap, type SourceMapPayload } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT } from './corpus';

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
  readonly lineNumber: number;
  readonly columnNumber: number;
}
interface ProfileNode {
  readonly id: number;
  readonly callFrame: CallFrame;
  readonly children?: readonly number[];
}
interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface Hotspot {
  readonly name: string;
  readonly where: string;
  readonly selfMs: number;
  readonly totalMs: number;
}

const maps = new Map<string, SourceMap | null>();

function sourceMapOf(file: string): SourceMap | null {
  if (!maps.has(file)) {
    let map: SourceMap | null = null;
    try {
      if (existsSync(`${file}.map`)) map = new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8')) as SourceMapPayload);
    } catch {
      map = null;
    }
    maps.set(file, map);
  }
  return maps.get(file)!;
}

function where(f: CallFrame): string {
  if (!f.url) return '(native)';
  let file = f.url.startsWith('file:') ? fileURLToPath(f.url) : f.url;
  let line = f.lineNumber;
  const entry = (path.isAbsolute(file) ? sourceMapOf(file)?.findEntry(f.lineNumber, f.columnNumber) : undefined) as
    | { originalSource?: string; originalLine: number }
    | undefined;
  if (entry?.originalSource) {
    const src = entry.originalSource;
    file = path.resolve(path.dirname(file), src.startsWith('file:') ? fileURLToPath(src) : src);
    line = entry.originalLine;
  }
  if (file.startsWith(ROOT)) file = path.relative(ROOT, file);
  return `${file}:${line + 1}`;
}

export function hotspots(profile: Profile): { self: Hotspot[]; total: Hotspot[]; totalMs: number } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const key = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'}\u0000${where(n.callFrame)}`;
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let all = 0;
  for (const [id, us] of selfUs) {
    all += us;
    const n = byId.get(id)!;
    self.set(key(n), (self.get(key(n)) ?? 0) + us);
    // Inclusive: each function on the stack once, however deep the recursion.
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const k = key(byId.get(cur)!);
      if (seen.has(k)) continue;
      seen.add(k);
      total.set(k, (total.get(k) ?? 0) + us);
    }
  }
  const list = (m: Map<string, number>, other: Map<string, number>, bySelf: boolean): Hotspot[] =>
    [...m.entries()]
      .map(([k, us]) => {
        const [name, at] = k.split('\u0000');
        const o = other.get(k) ?? 0;
        return { name, where: at, selfMs: (bySelf ? us : o) / 1000, totalMs: (bySelf ? o : us) / 1000 };
      })
      .sort((a, b) => (bySelf ? b.selfMs - a.selfMs : b.totalMs - a.totalMs));
  return { self: list(self, total, true), total: list(total, self, false), totalMs: all / 1000 };
}

function main(): void {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a));
  if (!file) {
    console.error('usage: bench/hotspots.ts PROFILE.cpuprofile [--top N] [--filter TEXT]');
    process.exit(2);
  }
  const top = Number(args[args.indexOf('--top') + 1]) || 20;
  const filter = args.includes('--filter') ? args[args.indexOf('--filter') + 1] : '';
  const h = hotspots(JSON.parse(readFileSync(file, 'utf8')) as Profile);
  const keep = (x: Hotspot) => !filter || x.where.includes(filter);
  const row = (x: Hotspot) => `${x.selfMs.toFixed(0).padStart(8)} ${x.totalMs.toFixed(0).padStart(8)}  ${x.name}  ${x.where}`;
  console.log(`profile: ${h.totalMs.toFixed(0)} ms sampled\n\nby self time:\n    self    total  function  file:line`);
  for (const x of h.self.filter(keep).slice(0, top)) console.log(row(x));
  console.log(`\nby total time:\n    self    total  function  file:line`);
  for (const x of h.total.filter(keep).slice(0, top)) console.log(row(x));
}

if (require.main === module) main();
