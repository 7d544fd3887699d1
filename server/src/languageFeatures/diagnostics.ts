/**
 * Diagnostics for one page of an issue: broken jump lines and page pointers, teasers whose
 * page lacks the story, articles without a headline, unbalanced brackets, extraction damage.
 * Each has a stable code; severities can be overridden per code and codes ignored.
 */
import type { DiagnosticCode, GalleyDiagnostic, LocalizedMessage, RelatedLocation, Severity } from '../core/diagnostic';
import type { Item, JumpLine, Page, Range } from '../core/model';
import type { Issue, ResolvedJump } from '../core/issue';
import type { ParsedDocument } from '../core/parsePage';
import { findUnbalanced } from '../core/brackets';
import { findDamage } from '../core/damage';
import { bigrams, overlap } from '../core/similarity';
import { range } from '../core/text';

export const DEFAULT_SEVERITY: Record<DiagnosticCode, Severity> = {
  'jump-missing-page': 'error',
  'jump-target-missing': 'warning',
  'jump-unmatched': 'error',
  'jump-ambiguous': 'warning',
  'jump-self': 'warning',
  'teaser-target-missing': 'warning',
  'headline-missing': 'warning',
  'bracket-unbalanced': 'warning',
  'text-spaced': 'hint',
  'glyph-gap': 'hint',
};

export interface DiagnosticOptions {
  /** Per-code severity, or 'ignore' to drop the code. */
  readonly severity?: Partial<Record<DiagnosticCode, Severity | 'ignore'>>;
}

/** A teaser's title must share this much of its words with a headline on the page it names. */
const TEASER_MATCH = 0.6;

const pageName = (id: unknown): string => (id === null || id === undefined ? '?' : String(id));

/** The file name at the end of a path or URI, for telling apart pages that share an id. */
function fileName(uri: string): string {
  const base = uri.split(/[\\/]/).pop() ?? uri;
  try {
    return decodeURIComponent(base);
  } catch {
    return base;
  }
}

export function computeDiagnostics(doc: ParsedDocument, issue: Issue, options: DiagnosticOptions = {}): GalleyDiagnostic[] {
  const { page } = doc;
  const out: GalleyDiagnostic[] = [];
  const seen = new Set<string>();
  const emit = (code: DiagnosticCode, r: Range, message: LocalizedMessage, related: RelatedLocation[] = []): void => {
    const severity = options.severity?.[code] ?? DEFAULT_SEVERITY[code];
    if (severity === 'ignore') return;
    // Items may share a line (a teaser's title is also its body): report a finding once.
    const key = `${code}:${r.start.line}:${r.start.character}:${r.end.line}:${r.end.character}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ uri: page.uri, range: r, code, severity, message, related });
  };

  for (const rj of issue.jumps(page.uri)) jumpDiagnostic(rj, issue, emit);
  for (const item of page.items) {
    if (item.kind === 'teaser') teaserDiagnostic(item, page, issue, emit);
    if (item.kind === 'article' && item.headline === null && !continues(doc, item)) {
      const first = item.bodyRange.start.line;
      emit('headline-missing', range(first, item.bodyRange.start.character, first, doc.lines[first].raw.trimEnd().length), {
        en: 'Article has no headline',
        zh: '稿件缺少标题',
      });
    }
    for (const u of findUnbalanced(doc.index, itemRanges(item))) {
      emit('bracket-unbalanced', u.range, u.problem === 'unclosed'
        ? { en: `'${u.char}' is never closed in this item`, zh: `“${u.char}”在本稿内没有闭合` }
        : { en: `'${u.char}' closes nothing in this item`, zh: `“${u.char}”在本稿内没有对应的开括号` });
    }
    for (const p of item.paragraphs) {
      for (let n = p.range.start.line; n <= p.range.end.line; n++) {
        for (const d of findDamage(doc.lines[n])) {
          emit(d.kind, d.range, d.kind === 'text-spaced'
            ? { en: 'Letter-spaced text from justification', zh: '两端对齐造成的字间空格' }
            : { en: 'Gap between characters: a character may be lost', zh: '字间空缺：可能丢失了一个字' });
        }
      }
    }
  }
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/** The most lines a jump marker spans (one character per line, blank lines between). */
const MAX_JUMP_LINES = 12;

/** The jumps (in document order) that start on lines from..to, found by binary search. */
function jumpsStartingIn(jumps: readonly JumpLine[], from: number, to: number): JumpLine[] {
  let lo = 0;
  let hi = jumps.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (jumps[mid].range.start.line < from) lo = mid + 1;
    else hi = mid;
  }
  const out: JumpLine[] = [];
  for (let i = lo; i < jumps.length && jumps[i].range.start.line <= to; i++) out.push(jumps[i]);
  return out;
}

/** How many non-blank lines at the top of an item a `上接` / `Continued from` may sit in. */
const CONTINUATION_LINES = 2;

/**
 * True when a headless item is the continuation of a story from another page: a `from` jump
 * stands just above its body (only blank lines between) or in its first lines
 * (`（上接1版）市住建局…`, or a jump head the segmenter left in the body above
 * `Continued from Page A1`).
 */
function continues(doc: ParsedDocument, item: Item): boolean {
  const start = item.bodyRange.start.line;
  let before = start;
  while (before > 0 && doc.lines[before - 1]?.blank) before--;
  if (before > 0) before--;
  let after = start;
  for (let seen = 0, n = start; n <= item.bodyRange.end.line && n < doc.lines.length; n++) {
    if (doc.lines[n].blank) continue;
    after = n;
    if (++seen >= CONTINUATION_LINES) break;
  }
  return jumpsStartingIn(doc.page.jumps, before - MAX_JUMP_LINES, after).some((j) => j.direction === 'from' && j.range.end.line >= before);
}

/**
 * The ranges of an item in reading order, for the bracket check: kicker, headline, subtitle,
 * body. A part lying inside the body (a teaser's title) is scanned once, as body.
 */
function itemRanges(item: Item): Range[] {
  const inside = (r: Range, outer: Range): boolean => !before(r.start, outer.start) && !before(outer.end, r.end);
  const stack = [item.kickerRange, item.headlineRange, item.subtitleRange].filter((r): r is Range => r !== null && !inside(r, item.bodyRange));
  return [...stack, item.bodyRange];
}

const before = (a: Range['start'], b: Range['start']): boolean => a.line < b.line || (a.line === b.line && a.character < b.character);

type Emit = (code: DiagnosticCode, r: Range, message: LocalizedMessage, related?: RelatedLocation[]) => void;

/** Where a page starts for a reader: its first item's headline (or first line), else its header. */
function pageStart(page: Page): Range {
  const starts = page.items.map((it) => it.headlineRange ?? it.bodyRange);
  const first = starts.reduce<Range | null>((a, r) => (a === null || before(r.start, a.start) ? r : a), null);
  return first ?? page.furniture.header?.range ?? range(0, 0, 0, 0);
}

const pageLocation = (page: Page, label: LocalizedMessage): RelatedLocation => ({ uri: page.uri, range: pageStart(page), message: label });

const flatText = (s: string): string => s.replace(/\s+/g, ' ').trim();

/**
 * Where to look on the page an unmatched jump names: the jump lines there that run the other
 * way and found no partner either (the likely other end, its page number mistyped), else the
 * top of that page.
 */
function unmatchedRelated(rj: ResolvedJump, target: Page, issue: Issue): RelatedLocation[] {
  const answer = rj.jump.direction === 'to' ? 'from' : 'to';
  const here = pageName(target.id);
  const loose = issue.jumps(target.uri).filter((o) => o.jump.direction === answer && o.status !== 'ok');
  if (loose.length > 0) {
    return loose.map((o) => ({
      uri: target.uri,
      range: o.jump.range,
      message: {
        en: `Unanswered jump line on page ${here}: ${flatText(o.jump.text)}`,
        zh: `第${here}版未对应的转版标记：${flatText(o.jump.text)}`,
      },
    }));
  }
  return [pageLocation(target, { en: `Page ${here}`, zh: `第${here}版` })];
}

function jumpDiagnostic(rj: ResolvedJump, issue: Issue, emit: Emit): void {
  const { jump } = rj;
  const target = pageName(jump.page);
  switch (rj.status) {
    case 'missing-page':
      emit('jump-missing-page', jump.range, { en: 'Page pointer has no page number', zh: '转版标记缺少版次' });
      break;
    case 'target-missing':
      emit('jump-target-missing', jump.range, { en: `Page ${target} is not among this issue's pages`, zh: `本期版面中没有第${target}版` });
      break;
    case 'self':
      emit('jump-self', jump.range, { en: `Jump line points to its own page ${target}`, zh: `转版标记指向本版（第${target}版）` });
      break;
    case 'ambiguous':
      emit(
        'jump-ambiguous',
        jump.range,
        { en: `Several pages of this issue are page ${target}`, zh: `本期有多个第${target}版` },
        rj.targets.map((t) => pageLocation(t, { en: `Page ${target}: ${fileName(t.uri)}`, zh: `第${target}版：${fileName(t.uri)}` })),
      );
      break;
    case 'unmatched':
      emit(
        'jump-unmatched',
        jump.range,
        jump.direction === 'to'
          ? { en: `Nothing on page ${target} continues from here`, zh: `第${target}版没有对应的“上接”标记` }
          : { en: `Nothing on page ${target} continues onto this page`, zh: `第${target}版没有对应的“下转”标记` },
        rj.targets.flatMap((t) => unmatchedRelated(rj, t, issue)),
      );
      break;
    case 'ok':
    case 'unverified':
      break;
  }
}

function teaserDiagnostic(item: Item, page: Page, issue: Issue, emit: Emit): void {
  const pointer = jumpsStartingIn(page.jumps, item.bodyRange.start.line, item.bodyRange.end.line).find((j) => j.direction === 'see');
  if (!pointer || pointer.page === null || !item.headline || !item.headlineRange) return;
  // A missing, ambiguous or own page is the jump check's to report.
  const targets = issue.pagesWithId(pointer.page);
  if (targets.length !== 1 || targets[0].uri === page.uri) return;
  const target = targets[0];
  const title = item.headline;
  // `|` keeps the parts apart: no bigram spans the kicker and the headline.
  const matches = (it: Item): boolean =>
    it.kind !== 'teaser' && it.headline !== null && overlap(title, bigrams([it.kicker ?? '', it.headline, it.subtitle ?? ''].join('|'))) >= TEASER_MATCH;
  if (!target.items.some(matches)) {
    const here = pageName(pointer.page);
    emit('teaser-target-missing', item.headlineRange, {
      en: `No headline on page ${here} matches this teaser`,
      zh: `第${here}版没有与此导读相符的标题`,
    }, [pageLocation(target, { en: `Page ${here}`, zh: `第${here}版` })]);
  }
}
