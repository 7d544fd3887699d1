// An edited page parsed with its version before must read exactly as a fresh parse of the
// edited text: the items taken over are only those the edit could not have changed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import * as fc from 'fast-check';
import { parseDocument, type ParsedDocument } from '../../server/src/core/parsePage';

const SAMPLES = join(__dirname, '../../samples');
const CONVENTIONS = join(__dirname, '../fixtures/conventions');
const pages = [
  ...readdirSync(SAMPLES).map((f) => join(SAMPLES, f)),
  ...readdirSync(CONVENTIONS).map((f) => join(CONVENTIONS, f)),
].map((file) => readFileSync(file, 'utf8'));

const URI = 'file:///issue/01.news';

/** The model as JSON, figures and dates read: what a client sees. */
const seen = (d: ParsedDocument): string => JSON.stringify({ ...d.page, figures: d.page.figures, dates: d.page.dates });

type Edit = { at: number; kind: 'type' | 'delete-line' | 'blank' | 'join' | 'headline' | 'bracket'; text: string };

/** Applies an edit to line `at % lines`, the way a user might: typing, deleting, breaking or joining lines. */
function apply(text: string, e: Edit): string {
  const lines = text.split('\n');
  const n = e.at % lines.length;
  switch (e.kind) {
    case 'type':
      lines[n] = e.text + lines[n];
      break;
    case 'delete-line':
      lines.splice(n, 1);
      break;
    case 'blank':
      lines.splice(n, 0, '');
      break;
    case 'join':
      if (n + 1 < lines.length) lines.splice(n, 2, lines[n] + lines[n + 1]);
      break;
    case 'headline':
      lines.splice(n, 0, '', e.text, '');
      break;
    case 'bracket':
      lines[n] = `${lines[n]}（`;
      break;
  }
  return lines.join('\n');
}

const edit = fc.record({
  at: fc.nat(5000),
  kind: fc.constantFrom<Edit['kind']>('type', 'delete-line', 'blank', 'join', 'headline', 'bracket'),
  text: fc.constantFrom('的', '本报讯（记者 张三', '乡村振兴战略全面推进', '图①', '（下转4版）', '。', '一、总体要求'),
});

test('a page parsed with its version before reads as a fresh parse, edit after edit', () => {
  fc.assert(
    fc.property(fc.nat(pages.length - 1), fc.array(edit, { minLength: 1, maxLength: 6 }), (p, edits) => {
      let text = pages[p];
      let doc = parseDocument(text, URI);
      for (const e of edits) {
        text = apply(text, e);
        doc = parseDocument(text, URI, undefined, doc);
        assert.equal(seen(doc), seen(parseDocument(text, URI)));
      }
    }),
    { numRuns: 60, seed: 20261201 },
  );
});

test('typing in one article leaves the other articles’ items as they were', () => {
  const text = pages[0];
  const opened = parseDocument(text, URI);
  const target = [...opened.page.items].reverse().find((i) => i.paragraphs.length > 2 && i.headline !== null)!;
  const line = target.paragraphs[1].range.start.line;
  const typed = (s: string): string => {
    const lines = text.split('\n');
    lines[line] = s + lines[line];
    return lines.join('\n');
  };
  // A page's first parse keeps nothing to take over (a page indexed from disk is parsed once);
  // from the first keystroke on, each parse keeps what the next may take over.
  const first = parseDocument(typed('的'), URI, undefined, opened);
  assert.equal(first.page.items.filter((i) => opened.page.items.includes(i)).length, 0);
  const second = parseDocument(typed('的的'), URI, undefined, first);
  const kept = second.page.items.filter((i) => first.page.items.includes(i));
  // Every item but the edited one is the very object made before; the edited one is new.
  assert.equal(kept.length, first.page.items.length - 1);
  const edited = second.page.items.find((i) => i.headline === target.headline)!;
  assert.ok(!first.page.items.includes(edited));
  assert.ok(edited.paragraphs[1].text.startsWith('的的'));
});

test('a long session of edits and line breaks keeps no copy of each version’s text', () => {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  // About 200 KB, typed into line after line: each version's text is as long as the page.
  const lines = Array.from({ length: 10 }, () => pages[0]).join('\n').split('\n');
  let doc = parseDocument(lines.join('\n'), URI);
  const heapAfter = (): number => {
    gc();
    return process.memoryUsage().heapUsed;
  };
  const start = heapAfter();
  for (let k = 0; k < 200; k++) {
    const n = (k * 97) % lines.length;
    // Typing, and every other time a line break: the lines below it move down.
    if (k % 2 === 0) lines[n] = `的${lines[n]}`;
    else lines.splice(n, 0, '');
    doc = parseDocument(lines.join('\n'), URI, undefined, doc);
  }
  // A line read again after an edit used to keep its version’s whole text alive: 200 versions
  // of 70,000 characters held about 12 MB (some lines were typed into twice).
  const grown = heapAfter() - start;
  assert.ok(grown < 3_000_000, `the heap grew by ${(grown / 1e6).toFixed(1)} MB over 200 edits`);
});
