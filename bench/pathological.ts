// Scaling of the parser on pathological pages: each case is timed at size N and 4N and the
// ratio printed. Linear work gives a ratio near 4; a ratio over 6 points at super-linear work.
//
//   node --expose-gc --import tsx bench/pathological.ts     # every case (--expose-gc: collect between runs)
//   node --import tsx bench/pathological.ts digits-line     # some cases, by name
//   node --import tsx bench/pathological.ts --scale 0.25    # smaller sizes (quick look)
//   node --import tsx --cpu-prof --cpu-prof-dir=/tmp/prof bench/pathological.ts CASE   # the hot function
//
// The unit test test/unit/pathological.test.ts checks the same inputs complete and give a
// well-formed model; wall time is only ever measured here.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseDocument } from '../server/src/core/parsePage';
import { Issue } from '../server/src/core/issue';
import { computeDiagnostics } from '../server/src/languageFeatures/diagnostics';

const HAN = '张稳科强调企业要牢固树立安全绿色发展理念注重环境保护重视生产以市场为导向全面提升技术水平和管理';
const han = (n: number): string => HAN.repeat(Math.ceil(n / HAN.length)).slice(0, n);
const sample = readFileSync(path.join(__dirname, '../samples/000_2600d985db85e4f0.news.txt'), 'utf8');
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩';

type Case = readonly [make: (n: number) => string, base: number, unit: string];

/** name → [make(n), base n, what n counts]. 4 × base is about the unit test's size. */
const CASES: Record<string, Case> = {
  'open-brackets-line': [(n: number) => '（'.repeat(n), 25_000, '（ on one line'],
  'open-brackets-lines': [(n: number) => '（\n'.repeat(n), 25_000, 'lines of （'],
  'han-line': [(n: number) => han(n), 1_000_000, 'Han characters on one line'],
  'blank-lines': [(n: number) => '\n'.repeat(n), 250_000, 'blank lines'],
  'digits-line': [(n: number) => '7'.repeat(n), 250_000, 'digits on one line'],
  'digits-lines': [(n: number) => ('1234567890'.repeat(4) + '\n').repeat(Math.ceil(n / 41)).slice(0, n), 250_000, 'characters of digit lines'],
  'datelines': [(n: number) => '本报讯\n'.repeat(n), 50_000, 'lines of 本报讯'],
  'datelines-bracket': [(n: number) => '本报讯（记者 王涛）\n'.repeat(n), 25_000, 'lines of 本报讯（记者 王涛）'],
  'heading-lines': [(n: number) => Array.from({ length: n }, (_, i: number) => HAN.slice(i % 20, (i % 20) + 6 + (i % 5))).join('\n'), 25_000, 'short heading-like lines'],
  'heading-lines-blank': [(n: number) => Array.from({ length: n }, (_, i: number) => HAN.slice(i % 20, (i % 20) + 6 + (i % 5))).join('\n\n'), 25_000, 'short heading-like lines, blank between'],
  'photo-captions': [(n: number) => Array.from({ length: n }, (_, i: number) => `图${CIRCLED[i % 10]}　张稳科在企业调研。`).join('\n'), 12_500, '图① captions'],
  'photo-captions-credit': [(n: number) => Array.from({ length: n }, (_, i: number) => `图${CIRCLED[i % 10]}　张稳科在企业调研。（新华社记者 曹阳 摄）`).join('\n'), 12_500, '图① captions with credits'],
  'jumps': [(n: number) => Array.from({ length: n }, (_, i: number) => `正文正文。（下转${(i % 8) + 1}版）`).join('\n'), 12_500, 'jump lines'],
  // Adversarial shapes for the per-line scanners (regexes, gap checks).
  'spaced-pairs-line': [(n: number) => '中中 '.repeat(Math.ceil(n / 3)).slice(0, n), 25_000, 'characters of `中中 ` on one line'],
  'spaced-pairs-lines': [(n: number) => ('中中 '.repeat(10) + '\n').repeat(Math.ceil(n / 31)).slice(0, n), 250_000, 'characters of `中中 ` lines'],
  'whitespace-line': [(n: number) => `中${' '.repeat(n)}中`, 25_000, 'spaces between two Han characters'],
  'ascii-whitespace-line': [(n: number) => `a${' '.repeat(n)}a`, 25_000, 'spaces between two ASCII letters'],
  'jump-prefixes': [(n: number) => '（ 见 '.repeat(Math.ceil(n / 4)).slice(0, n), 250_000, 'characters of `（ 见 ` on one line'],
  'dates-line': [(n: number) => '2024年6月 18日，'.repeat(Math.ceil(n / 11)).slice(0, n), 250_000, 'characters of dates on one line'],
  'bare-pointers-line': [(n: number) => '会议（2版） 4版'.repeat(Math.ceil(n / 10)).slice(0, n), 250_000, 'characters of `会议（2版） 4版` on one line'],
  'bare-pointers-lines': [(n: number) => '我市召开安全生产会议（2版）\n'.repeat(Math.ceil(n / 15)).slice(0, n), 250_000, 'characters of digest lines'],
  'figure-prefixes-line': [(n: number) => ['1万', '一', '1—', '《', '1 万 人 '].map((s) => s.repeat(Math.ceil(n / 5 / s.length))).join('').slice(0, n), 250_000, 'characters of `1万`, `一`, `1—`, `《`, `1 万 人 ` runs on one line'],
  'spaced-digits-line': [(n: number) => '1 '.repeat(Math.ceil(n / 2)).slice(0, n), 250_000, 'characters of a letter-spaced run of digits'],
  'list-entries-lines': [(n: number) => ('1.做好准备工作。\n' + '2.60岁以上。\n'.repeat(50)).repeat(Math.ceil(n / 408)).slice(0, n), 250_000, 'characters of list entries run into numbers'],
  'figures-line': [(n: number) => '2.242 亿 元、83.7%、16—60 周岁，'.repeat(Math.ceil(n / 24)).slice(0, n), 250_000, 'characters of figures on one line'],
  'continued-line': [(n: number) => 'Continued on Page '.repeat(Math.ceil(n / 18)).slice(0, n), 250_000, 'characters of `Continued on Page ` on one line'],
  'see-line': [(n: number) => 'See BUDGET ON CAMPUS '.repeat(Math.ceil(n / 21)).slice(0, n), 250_000, 'characters of `See BUDGET ON CAMPUS ` on one line'],
  'bracket-author-line': [(n: number) => '。（记者 王涛 '.repeat(Math.ceil(n / 8)).slice(0, n), 25_000, 'characters of `。（记者 王涛 ` on one line'],
  'sample-repeated': [(n: number) => sample.repeat(n), 10, 'copies of a real page'],
};

/**
 * The process's CPU time (user + system) for one parse and its diagnostics, in ms. CPU time,
 * not wall time: the machines this runs on are shared, and a busy neighbour stretches wall
 * time far more than it stretches the CPU time of a single-threaded parse.
 */
function time(text: string): number {
  (globalThis as { gc?: () => void }).gc?.();
  const t0 = process.cpuUsage();
  const doc = parseDocument(text, 'bench/page.news.txt');
  computeDiagnostics(doc, new Issue([doc.page]));
  const t = process.cpuUsage(t0);
  return (t.user + t.system) / 1000;
}

/**
 * The fastest of `tries` interleaved runs at each size, after one warm-up run of each. A slow
 * case (over 2 s at 4N: super-linear ones are sized so that they still finish) is run once.
 */
function measure(small: string, large: string, tries: number): [number, number] {
  time(small);
  if (time(large) > 2000) return [time(small), time(large)];
  let a = Infinity;
  let b = Infinity;
  for (let i = 0; i < tries; i++) {
    a = Math.min(a, time(small));
    b = Math.min(b, time(large));
  }
  return [a, b];
}

const args = process.argv.slice(2);
const scaleAt = args.indexOf('--scale');
const scale = scaleAt >= 0 ? Number(args.splice(scaleAt, 2)[1]) : 1;
const names = args.length ? args : Object.keys(CASES);
const rows: { name: string; n: number; unit: string; a: number; b: number; ratio: number }[] = [];
for (const name of names) {
  const entry = CASES[name];
  if (!entry) throw new Error(`no case ${name}; cases: ${Object.keys(CASES).join(', ')}`);
  const [make, base, unit] = entry;
  const n = Math.max(1, Math.round(base * scale));
  const small = make(n);
  const large = make(4 * n);
  const [a, b] = measure(small, large, 3);
  const ratio = b / a;
  rows.push({ name, n, unit, a, b, ratio });
  console.log(`${name.padEnd(22)} N=${String(n).padStart(9)}  ${a.toFixed(1).padStart(9)} ms CPU   4N ${b.toFixed(1).padStart(9)} ms   ratio ${ratio.toFixed(2).padStart(6)}${ratio > 6 ? '   <-- super-linear' : ''}   (${unit})`);
}
const bad = rows.filter((r) => r.ratio > 6);
if (bad.length) console.log(`\nsuper-linear (ratio > 6): ${bad.map((r) => r.name).join(', ')}`);
process.exitCode = bad.length ? 1 : 0;
