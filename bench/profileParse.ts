/**
 * Profiles the core parse on the throughput corpus: writes the pages once to a temp folder
 * and parses them in a loop, so `node --cpu-prof` sees the parser alone.
 *
 *   node --import tsx bench/profileParse.ts [--rounds 20] [--workspace]
 *
 * `--workspace` parses the pages the workspace phase writes (14–22 KB, seeds from 100,000)
 * instead of the throughput corpus.
 */
import { Corpus } from './corpus';
import { parseDocument } from '../server/src/core/parsePage';

const args = process.argv.slice(2);
const rounds = Number(args[args.indexOf('--rounds') + 1] ?? 20) || 20;

async function main(): Promise<void> {
  const corpus = await Corpus.load();
  const pages = args.includes('--workspace')
    ? Array.from({ length: 60 }, (_, i) => corpus.page(100_000 + i, 14_000 + (i % 9) * 1000))
    : corpus.pages(48, 20_000, 1000);
  const bytes = pages.reduce((n, p) => n + Buffer.byteLength(p.text), 0);
  let sink = 0;
  for (let w = 0; w < 3; w++) for (const p of pages) sink += parseDocument(p.text, 'file:///p/01.news').page.items.length;
  const t0 = performance.now();
  for (let r = 0; r < rounds; r++) for (const p of pages) sink += parseDocument(p.text, 'file:///p/01.news').page.items.length;
  const ms = (performance.now() - t0) / rounds;
  console.log(`${(bytes / 1e6).toFixed(2)} MB per round, ${ms.toFixed(1)} ms, ${(bytes / 1e6 / (ms / 1000)).toFixed(2)} MB/s (sink ${sink})`);
}
void main();
