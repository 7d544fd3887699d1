// Property-based fuzzing of the parser and the diagnostics: hostile Unicode and damaged real
// pages must parse, and every range the model or a diagnostic reports must lie inside the
// document without splitting a surrogate pair.
//
//   GALLEY_FUZZ_RUNS=5000 node --import tsx --test test/unit/fuzz.test.ts   # long local mode
//   GALLEY_FUZZ_SEED=123 …                                                  # another seed
//
// A failure prints the seed and the counterexample path; rerun that one test with the same
// GALLEY_FUZZ_SEED (and GALLEY_FUZZ_PATH for the shrunk case) to replay it:
//
//   GALLEY_FUZZ_SEED=… GALLEY_FUZZ_PATH=… node --import tsx --test --test-name-pattern='mutated sample' test/unit/fuzz.test.ts
//
// No wall time is asserted (speed lives in bench/pathological.ts); an input that takes over
// SLOW_MS is only named on stderr, to be looked at there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as fc from 'fast-check';
import { parseDocument } from '../../server/src/core/parsePage';
import { Issue } from '../../server/src/core/issue';
import { computeDiagnostics } from '../../server/src/languageFeatures/diagnostics';
import type { Page, Position, Range } from '../../server/src/core/model';

const SEED = Number(process.env.GALLEY_FUZZ_SEED ?? 20240618);
const RUNS = Number(process.env.GALLEY_FUZZ_RUNS ?? 250);
/** The long mode (GALLEY_FUZZ_RUNS set) also sweeps every line of the samples, not every 7th. */
const LONG = process.env.GALLEY_FUZZ_RUNS !== undefined;
const PATH = process.env.GALLEY_FUZZ_PATH;
/** No input here is over ~100 KB: one that takes this long is worth a look in the bench. */
const SLOW_MS = 2_000;

const SAMPLE_FILES = readdirSync('samples')
  .filter((n) => n.endsWith('.news.txt'))
  .sort()
  .map((n) => `samples/${n}`);
const SAMPLES = SAMPLE_FILES.map((f) => readFileSync(f, 'utf8'));

// ---------------------------------------------------------------------------------------------
// The checks

const splitLines = (text: string): string[] => text.split(/\r\n|\r|\n/);

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

const isPosition = (v: unknown): v is Position =>
  typeof v === 'object' && v !== null && typeof (v as Position).line === 'number' && typeof (v as Position).character === 'number';
const isRange = (v: unknown): v is Range => typeof v === 'object' && v !== null && isPosition((v as Range).start) && isPosition((v as Range).end);

/** Every range in a value, found by walking it, with the property path that leads there. */
function collectRanges(value: unknown, path = '', out: { path: string; range: Range }[] = []): { path: string; range: Range }[] {
  if (typeof value !== 'object' || value === null) return out;
  if (isRange(value)) {
    out.push({ path, range: value });
    return out;
  }
  if (Array.isArray(value)) value.forEach((v, i) => collectRanges(v, `${path}[${i}]`, out));
  else for (const [k, v] of Object.entries(value)) collectRanges(v, path ? `${path}.${k}` : k, out);
  return out;
}

const before = (a: Position, b: Position): boolean => a.line < b.line || (a.line === b.line && a.character < b.character);

function checkPosition(lines: readonly string[], p: Position, where: string): void {
  assert.ok(Number.isInteger(p.line) && Number.isInteger(p.character), `${where}: non-integer position ${JSON.stringify(p)}`);
  assert.ok(p.line >= 0 && p.line < lines.length, `${where}: line ${p.line} outside 0..${lines.length - 1}`);
  const line = lines[p.line];
  assert.ok(p.character >= 0 && p.character <= line.length, `${where}: character ${p.character} outside 0..${line.length} on line ${p.line}`);
  const c = p.character;
  assert.ok(
    !(c > 0 && c < line.length && isHigh(line.charCodeAt(c - 1)) && isLow(line.charCodeAt(c))),
    `${where}: character ${c} on line ${p.line} splits a surrogate pair`,
  );
}

function checkRange(lines: readonly string[], r: Range, where: string): void {
  checkPosition(lines, r.start, `${where}.start`);
  checkPosition(lines, r.end, `${where}.end`);
  assert.ok(!before(r.end, r.start), `${where}: end ${JSON.stringify(r.end)} before start ${JSON.stringify(r.start)}`);
}

const show = (r: Range): string => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;

/** The item bodies in document order: each ends before the next one starts. */
function checkBodiesDisjoint(page: Page): void {
  const bodies = page.items.map((it, i) => ({ i, r: it.bodyRange })).sort((a, b) => (before(a.r.start, b.r.start) ? -1 : before(b.r.start, a.r.start) ? 1 : 0));
  for (let k = 1; k < bodies.length; k++) {
    const prev = bodies[k - 1];
    const next = bodies[k];
    assert.ok(
      !before(next.r.start, prev.r.end),
      `items[${prev.i}].bodyRange ${show(prev.r)} overlaps items[${next.i}].bodyRange ${show(next.r)}`,
    );
  }
}

/** Everything the fuzzers assert about one input. */
function checkDocument(text: string, uri = 'fuzz/page.news.txt'): void {
  const started = performance.now();
  const doc = parseDocument(text, uri);
  const { page } = doc;
  const lines = splitLines(text);
  assert.equal(page.lineCount, lines.length, 'lineCount');
  for (const { path, range } of collectRanges(page)) checkRange(lines, range, path);
  checkBodiesDisjoint(page);

  const diagnostics = computeDiagnostics(doc, new Issue([page]));
  diagnostics.forEach((d, i) => {
    checkRange(lines, d.range, `diagnostics[${i}] (${d.code})`);
    d.related.forEach((r, k) => {
      if (r.uri === uri) checkRange(lines, r.range, `diagnostics[${i}].related[${k}]`);
    });
  });

  const json = JSON.stringify(page);
  assert.equal(typeof json, 'string');
  JSON.parse(json);
  const ms = performance.now() - started;
  if (ms > SLOW_MS) process.stderr.write(`[fuzz] slow input: ${Math.round(ms)} ms on ${text.length} UTF-16 units: ${JSON.stringify(text.slice(0, 200))}…\n`);
}

/** Runs a property with the fixed seed; on failure, says how to replay it. */
function run<T>(name: string, arb: fc.Arbitrary<T>, check: (v: T) => void, runs = RUNS): void {
  const params: fc.Parameters<[T]> = { seed: SEED, numRuns: runs, includeErrorInReport: true, ...(PATH ? { path: PATH } : {}) };
  try {
    fc.assert(fc.property(arb, check), params);
  } catch (error) {
    process.stderr.write(`\n[fuzz] "${name}" failed with GALLEY_FUZZ_SEED=${SEED} numRuns=${runs}; replay with GALLEY_FUZZ_SEED=${SEED} (and the path below as GALLEY_FUZZ_PATH)\n`);
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Arbitrary Unicode

/** Pieces of hostile text: what breaks position arithmetic, and what newspaper text is made of. */
const PIECES = [
  // surrogate pairs: emoji, an emoji ZWJ sequence, a flag, a Han extension-B character
  '😀', '👨‍👩‍👧', '🇨🇳', '𠀀', '𪚥',
  // lone surrogates
  '\ud800', '\udfff',
  // combining marks
  'e\u0301', '\u0301', '\u20dd', '\u3099',
  // control characters and line ends
  '\0', '\r', '\r\n', '\n', '\n\n', '\t', '\f', '\v', '\u2028', '\u0085', '\ufeff',
  // RTL text and bidi controls
  'שלום', 'مرحبا', '\u202e', '\u200f',
  // fullwidth punctuation and spaces
  '（', '）', '“', '”', '《', '》', '【', '】', '「', '」', '(', ')', '。', '，', '、', '：', '；', '！', '？', '…', '——', '\u3000', ' ', '  ',
  // Han text and digits
  '张稳科', '深入包联企业调研', '记者', '王涛', '的', '版', '第', '年', '月', '日', '万', '亿元', '%', '１２', '2024', '6', '18', '０', '.', '—', '-',
  // things the parser looks for
  '本报讯', '（记者 王涛）', '新华社北京6月18日电', '（下转4版）', '（上接1版）', '（见 版）', '（下转', '（见', '下转4', 'Continued on Page A4',
  'See BUDGET, Page 5', '图①', '图②', '（新华社记者 曹阳 摄）', '新华社发', '第04版：要闻', '2024年5月8日 星期三', '责任编辑：李明',
  '□ 本报记者 穆佳妮', '——我市民生保障工作发展综述', '一、', '（一）', '编者按：', '启事', '6月 18日', '83.7%', '2.242 亿 元',
];

const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...PIECES) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCharCode(c)) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) },
);

const unicodeText = fc.array(piece, { maxLength: 400, size: 'max' }).map((ps) => ps.join(''));

/** Lines of a page: short lines of pieces separated by a mix of line ends and blank lines. */
const unicodePage = fc
  .array(fc.tuple(fc.array(piece, { maxLength: 20, size: 'max' }), fc.constantFrom('\n', '\n\n', '\r\n', '\r', '\r\n\r\n', '\n\r')), { maxLength: 120, size: 'max' })
  .map((ls) => ls.map(([ps, end]) => ps.join('') + end).join(''));

test('fuzz: arbitrary Unicode strings', () => {
  run('arbitrary Unicode strings', unicodeText, (t) => checkDocument(t));
});

test('fuzz: arbitrary Unicode pages (many short lines)', () => {
  run('arbitrary Unicode pages', unicodePage, (t) => checkDocument(t));
});

test('fuzz: fully random code points', () => {
  run('fully random code points', fc.string({ unit: 'binary', maxLength: 2000, size: 'max' }), (t) => checkDocument(t));
});

// ---------------------------------------------------------------------------------------------
// Mutations of the real samples

type Mutation =
  | { op: 'insert'; at: number; text: string }
  | { op: 'delete-bracket'; nth: number }
  | { op: 'split'; at: number }
  | { op: 'join'; line: number }
  | { op: 'remove-blank-lines' }
  | { op: 'remove-blank'; line: number }
  | { op: 'add-blank'; line: number }
  | { op: 'remove-headline'; nth: number }
  | { op: 'crlf' }
  | { op: 'cr' }
  | { op: 'delete-line'; line: number }
  | { op: 'duplicate-line'; line: number }
  | { op: 'insert-line'; line: number; text: string }
  | { op: 'move-line'; from: number; to: number };

const BRACKETS = ['（', '）', '“', '”', '《', '》', '(', ')', '【', '】', '「', '」'];
const HALF_TYPED_JUMPS = ['（下转', '（见 ', '下转4', '（上接', '上接第', '（下转4', '（下转4版', '（见2版', '版）', '（转', '（ 见 版 ）', '（下 转 第', '详见', 'Continued on', 'Continued on Page', 'See ', '（下转A', '（下转第十', '（上接第一版）'];

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom(...BRACKETS) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom(...HALF_TYPED_JUMPS) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: piece }),
  fc.record({ op: fc.constant('delete-bracket' as const), nth: fc.nat() }),
  fc.record({ op: fc.constant('split' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('join' as const), line: fc.nat() }),
  fc.constant({ op: 'remove-blank-lines' as const }),
  fc.record({ op: fc.constant('remove-blank' as const), line: fc.nat() }),
  fc.record({ op: fc.constant('add-blank' as const), line: fc.nat() }),
  fc.record({ op: fc.constant('remove-headline' as const), nth: fc.nat() }),
  fc.constant({ op: 'crlf' as const }),
  fc.constant({ op: 'cr' as const }),
  fc.record({ op: fc.constant('delete-line' as const), line: fc.nat() }),
  fc.record({ op: fc.constant('duplicate-line' as const), line: fc.nat() }),
  fc.record({ op: fc.constant('insert-line' as const), line: fc.nat(), text: fc.constantFrom(...PIECES, ...HALF_TYPED_JUMPS) }),
  fc.record({ op: fc.constant('move-line' as const), from: fc.nat(), to: fc.nat() }),
);

function mutate(text: string, m: Mutation): string {
  const lines = () => text.split('\n');
  switch (m.op) {
    case 'insert': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'delete-bracket': {
      const at = [...text.matchAll(/[（）“”《》()【】「」]/g)].map((x) => x.index);
      if (at.length === 0) return text;
      const o = at[m.nth % at.length];
      return text.slice(0, o) + text.slice(o + 1);
    }
    case 'split': {
      const at = m.at % (text.length + 1);
      return `${text.slice(0, at)}\n${text.slice(at)}`;
    }
    case 'join': {
      const ls = lines();
      if (ls.length < 2) return text;
      const n = m.line % (ls.length - 1);
      ls.splice(n, 2, ls[n] + ls[n + 1]);
      return ls.join('\n');
    }
    case 'remove-blank-lines':
      return lines()
        .filter((l) => l.trim() !== '')
        .join('\n');
    case 'remove-blank': {
      const ls = lines();
      const blanks = ls.map((l, i) => (l.trim() === '' ? i : -1)).filter((i) => i >= 0);
      if (blanks.length === 0) return text;
      ls.splice(blanks[m.line % blanks.length], 1);
      return ls.join('\n');
    }
    case 'add-blank': {
      const ls = lines();
      ls.splice(m.line % (ls.length + 1), 0, '');
      return ls.join('\n');
    }
    case 'remove-headline': {
      const page = parseDocument(text, 'm.news.txt').page;
      const heads = page.items.map((it) => it.headlineRange).filter((r): r is Range => r !== null);
      if (heads.length === 0) return text;
      const r = heads[m.nth % heads.length];
      const ls = splitLines(text);
      ls.splice(r.start.line, r.end.line - r.start.line + 1);
      return ls.join('\n');
    }
    case 'crlf':
      return text.replace(/\r?\n/g, '\r\n');
    case 'cr':
      return text.replace(/\r?\n/g, '\r');
    case 'delete-line': {
      const ls = lines();
      ls.splice(m.line % ls.length, 1);
      return ls.join('\n');
    }
    case 'duplicate-line': {
      const ls = lines();
      const n = m.line % ls.length;
      ls.splice(n, 0, ls[n]);
      return ls.join('\n');
    }
    case 'insert-line': {
      const ls = lines();
      ls.splice(m.line % (ls.length + 1), 0, m.text);
      return ls.join('\n');
    }
    case 'move-line': {
      const ls = lines();
      const [l] = ls.splice(m.from % ls.length, 1);
      ls.splice(m.to % (ls.length + 1), 0, l);
      return ls.join('\n');
    }
  }
}

const sample = fc.nat({ max: SAMPLES.length - 1 }).map((i) => SAMPLES[i]);

test('fuzz: mutated sample pages', () => {
  run('mutated sample pages', fc.tuple(sample, fc.array(mutation, { minLength: 1, maxLength: 12 })), ([text, ms]) => {
    checkDocument(ms.reduce(mutate, text));
  });
});

test('fuzz: heavily mutated sample pages', () => {
  run(
    'heavily mutated sample pages',
    fc.tuple(sample, fc.array(mutation, { minLength: 20, maxLength: 80 })),
    ([text, ms]) => checkDocument(ms.reduce(mutate, text)),
    Math.max(10, Math.round(RUNS / 3)),
  );
});

test('fuzz: concatenated pages', () => {
  const sep = fc.constantFrom('', '\n', '\n\n', '\r\n', '\f', '\n\f\n');
  run(
    'concatenated pages',
    fc.tuple(fc.array(fc.tuple(sample, sep), { minLength: 2, maxLength: 4 }), fc.array(mutation, { maxLength: 4 })),
    ([parts, ms]) => checkDocument(ms.reduce(mutate, parts.map(([t, s]) => t + s).join(''))),
    Math.max(10, Math.round(RUNS / 3)),
  );
});

test('fuzz: random slices of the samples', () => {
  run(
    'random slices',
    fc.tuple(sample, fc.nat(), fc.nat()),
    ([text, a, b]) => {
      const [x, y] = [a % (text.length + 1), b % (text.length + 1)].sort((p, q) => p - q);
      checkDocument(text.slice(x, y));
    },
  );
});

test('fuzz: every sample line truncated (half-typed lines)', () => {
  // Deterministic sweep: each line of each sample cut at a few points, as when typing.
  for (const text of SAMPLES) {
    const ls = text.split('\n');
    for (let n = 0; n < ls.length; n += LONG ? 1 : 7) {
      const l = ls[n];
      for (const cut of [1, Math.floor(l.length / 2), l.length - 1]) {
        if (cut <= 0 || cut >= l.length) continue;
        const copy = ls.slice();
        copy[n] = l.slice(0, cut);
        checkDocument(copy.join('\n'));
      }
    }
  }
});

// Inputs the fuzzers found, minimised: they stay as fixed cases.
const FOUND: Record<string, string> = {
  // segment() made a draft of a lone photo (no body, no headline stack): toItem read body[-1].
  'a photo left alone between a headline and its body': '一二三四五\na\n图①\n一二三四五\na',
  'the same, found with emoji lines': '深入包联企业调研\n😀\n图①\n深入包联企业调研\n😀\n',
  // A photo story whose caption and credit sit below another article: its bodyRange ran from
  // its headline (line 2) to the credit (line 9), over the article's body (lines 4-6).
  'a photo story body spans another article': 'a\n一一（见版）\n稳科\n图②\n业调研\n!\nb\nc\nd\n（摄）\n联企业调研\ne',
  // Two byline lines, one in the headline stack and one in the body: byline.range ran from
  // line 2 back to line 1 (the lines were joined stack first, not in document order).
  'a byline range that ends before it starts': 'x\n□\n□\n标题',
};

for (const [name, text] of Object.entries(FOUND)) {
  test(`found by fuzzing: ${name}`, () => checkDocument(text));
}

test('the checks hold on the unmodified samples', () => {
  for (const [i, text] of SAMPLES.entries()) checkDocument(text, SAMPLE_FILES[i]);
});
