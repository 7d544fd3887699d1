// Pathological pages: each must parse, and the model must be well formed (every range inside
// the document, no surrogate pair split, item bodies disjoint, diagnostics in range). No wall
// time is asserted here: scaling is measured by bench/pathological.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument, type ParsedDocument } from '../../server/src/core/parsePage';
import { Issue } from '../../server/src/core/issue';
import { computeDiagnostics } from '../../server/src/languageFeatures/diagnostics';
import type { GalleyDiagnostic } from '../../server/src/core/diagnostic';
import type { Position, Range } from '../../server/src/core/model';

const URI = 'pathological/page.news.txt';

const isPosition = (v: unknown): v is Position =>
  typeof v === 'object' && v !== null && typeof (v as Position).line === 'number' && typeof (v as Position).character === 'number';
const isRange = (v: unknown): v is Range => typeof v === 'object' && v !== null && isPosition((v as Range).start) && isPosition((v as Range).end);
const before = (a: Position, b: Position): boolean => a.line < b.line || (a.line === b.line && a.character < b.character);

/** Line lengths and surrogate-pair boundaries, measured without splitting a 10 MB text twice. */
function lineTable(text: string): { lengths: number[]; starts: number[] } {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  const lengths = starts.map((s, n) => {
    let end = n + 1 < starts.length ? starts[n + 1] : text.length;
    while (end > s && (text.charCodeAt(end - 1) === 10 || text.charCodeAt(end - 1) === 13)) end--;
    return end - s;
  });
  return { lengths, starts };
}

/** Asserts the parse result and the one-page diagnostics are well formed; returns them. */
function wellFormed(text: string): { doc: ParsedDocument; diagnostics: GalleyDiagnostic[] } {
  const doc = parseDocument(text, URI);
  const { page } = doc;
  const { lengths, starts } = lineTable(text);
  assert.equal(page.lineCount, lengths.length, 'lineCount');

  // The path to a range is only spelled out when it is wrong: these models have 10^5 items.
  const keys: (string | number)[] = [];
  const where = (): string => keys.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join('');
  const checkPosition = (p: Position, end: string): void => {
    const line = p.line;
    const c = p.character;
    if (Number.isInteger(line) && line >= 0 && line < lengths.length && Number.isInteger(c) && c >= 0 && c <= lengths[line]) {
      const o = starts[line] + c;
      const high = text.charCodeAt(o - 1);
      const low = text.charCodeAt(o);
      if (!(c > 0 && c < lengths[line] && high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff)) return;
      assert.fail(`${where()}.${end}: ${line}:${c} splits a surrogate pair`);
    }
    assert.fail(`${where()}.${end}: ${line}:${c} lies outside the document (${lengths.length} lines, line length ${lengths[line]})`);
  };
  const checkRange = (r: Range): void => {
    checkPosition(r.start, 'start');
    checkPosition(r.end, 'end');
    if (before(r.end, r.start)) assert.fail(`${where()}: end before start`);
  };
  const walk = (v: unknown): void => {
    if (typeof v !== 'object' || v === null) return;
    if (isRange(v)) return checkRange(v);
    const entries: [string | number, unknown][] = Array.isArray(v) ? v.map((x, i) => [i, x]) : Object.entries(v);
    for (const [k, x] of entries) {
      if (typeof x !== 'object' || x === null) continue;
      keys.push(k);
      walk(x);
      keys.pop();
    }
  };
  walk(page);

  const bodies = page.items.map((it) => it.bodyRange).sort((a, b) => (before(a.start, b.start) ? -1 : before(b.start, a.start) ? 1 : 0));
  for (let k = 1; k < bodies.length; k++) assert.ok(!before(bodies[k].start, bodies[k - 1].end), `item bodies overlap at line ${bodies[k].start.line}`);

  const diagnostics = computeDiagnostics(doc, new Issue([page]));
  keys.push('diagnostics');
  diagnostics.forEach((d, i) => {
    keys.push(i, d.code);
    checkRange(d.range);
    keys.length = 1;
  });
  assert.equal(typeof JSON.stringify(page), 'string');
  return { doc, diagnostics };
}

const HAN = '张稳科强调企业要牢固树立安全绿色发展理念注重环境保护重视生产以市场为导向全面提升技术水平和管理';
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩';

test('100,000 （ with no ）', () => {
  const { doc, diagnostics } = wellFormed('（'.repeat(100_000));
  assert.equal(doc.page.lineCount, 1);
  assert.equal(doc.page.jumps.length, 0);
  // Whatever is reported for them lies on the one line.
  assert.ok(diagnostics.every((d) => d.range.start.line === 0));
});

test('100,000 lines of （', () => {
  const { doc } = wellFormed('（\n'.repeat(100_000));
  assert.equal(doc.page.lineCount, 100_001);
});

test('one 10 MB line of Han text', () => {
  // 3.5 M Han characters: 10 MB in UTF-8.
  const text = HAN.repeat(Math.ceil(3_500_000 / HAN.length)).slice(0, 3_500_000);
  const { doc } = wellFormed(text);
  assert.equal(doc.page.lineCount, 1);
  assert.ok(doc.page.items.length <= 1);
});

test('1,000,000 blank lines', () => {
  const { doc, diagnostics } = wellFormed('\n'.repeat(1_000_000));
  assert.equal(doc.page.lineCount, 1_000_001);
  assert.equal(doc.page.items.length, 0);
  assert.equal(doc.page.photos.length, 0);
  assert.equal(diagnostics.length, 0);
});

test('a page that is all digits (1 MB)', () => {
  const oneLine = wellFormed('7'.repeat(1_000_000));
  assert.equal(oneLine.doc.page.lineCount, 1);
  const lines = ('1234567890'.repeat(4) + '\n').repeat(Math.ceil(1_000_000 / 41)).slice(0, 1_000_000);
  const many = wellFormed(lines);
  assert.equal(many.doc.page.lineCount, lines.split('\n').length);
  assert.equal(many.doc.page.jumps.length, 0);
});

test('200,000 lines of 本报讯 (datelines)', () => {
  const { doc } = wellFormed('本报讯\n'.repeat(200_000));
  assert.equal(doc.page.lineCount, 200_001);
});

test('100,000 heading-like short lines', () => {
  const text = Array.from({ length: 100_000 }, (_, i) => HAN.slice(i % 20, (i % 20) + 6 + (i % 5))).join('\n');
  const { doc } = wellFormed(text);
  assert.equal(doc.page.lineCount, 100_000);
  for (const it of doc.page.items) if (it.headline !== null) assert.ok(it.headline.length <= 60, `a headline of ${it.headline.length} characters`);
});

test('a page of 50,000 图① captions', () => {
  const text = Array.from({ length: 50_000 }, (_, i) => `图${CIRCLED[i % 10]}　张稳科在企业调研。（新华社记者 曹阳 摄）`).join('\n');
  const { doc } = wellFormed(text);
  assert.equal(doc.page.lineCount, 50_000);
  assert.ok(doc.page.photos.length > 0);
  assert.ok(doc.page.photos.every((p) => p.marker === null || /^图[①-⑩]$/.test(p.marker)));
});
