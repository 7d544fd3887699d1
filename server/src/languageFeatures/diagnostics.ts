/**
 * Diagnostics for one page of an issue: broken jump lines and page pointers, teasers whose
 * page lacks the story, articles without a headline, unbalanced brackets, extraction damage.
 * Each has a stable code; severities can be overridden per code and codes ignored.
 */
import type { DiagnosticCode, GalleyDiagnostic, LocalizedMessage, RelatedLocation, Severity } from '../core/diagnostic';
import type { Item, Range } from '../core/model';
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

export function computeDiagnostics(doc: ParsedDocument, issue: Issue, options: DiagnosticOptions = {}): GalleyDiagnostic[] {
  const { page } = doc;
  const out: GalleyDiagnostic[] = [];
  const emit = (code: DiagnosticCode, r: Range, message: LocalizedMessage, related: RelatedLocation[] = []): void => {
    const severity = options.severity?.[code] ?? DEFAULT_SEVERITY[code];
    if (severity !== 'ignore') out.push({ uri: page.uri, range: r, code, severity, message, related });
  };

  for (const rj of issue.jumps(page.uri)) jumpDiagnostic(rj, emit);
  for (const item of page.items) {
    if (item.kind === 'teaser') teaserDiagnostic(item, page.jumps, issue, emit);
    const continues = page.jumps.some((j) => j.direction === 'from' && j.range.start.line <= item.bodyRange.start.line + 1 && j.range.end.line >= item.bodyRange.start.line);
    if (item.kind === 'article' && item.headline === null && !continues) {
      const first = item.bodyRange.start.line;
      emit('headline-missing', range(first, item.bodyRange.start.character, first, doc.lines[first].raw.trimEnd().length), {
        en: 'Article has no headline',
        zh: '稿件缺少标题',
      });
    }
    const ranges = [item.headlineRange, item.subtitleRange, item.bodyRange].filter((r): r is Range => r !== null);
    for (const u of findUnbalanced(doc.index, ranges)) {
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

type Emit = (code: DiagnosticCode, r: Range, message: LocalizedMessage, related?: RelatedLocation[]) => void;

function jumpDiagnostic(rj: ResolvedJump, emit: Emit): void {
  const { jump } = rj;
  const target = pageName(jump.page);
  const related = rj.targets.map((t) => ({ uri: t.uri, range: range(0, 0, 0, 0), message: { en: `Page ${target}`, zh: `第${target}版` } }));
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
      emit('jump-ambiguous', jump.range, { en: `Several pages of this issue are page ${target}`, zh: `本期有多个第${target}版` }, related);
      break;
    case 'unmatched':
      emit(
        'jump-unmatched',
        jump.range,
        jump.direction === 'to'
          ? { en: `Nothing on page ${target} continues from here`, zh: `第${target}版没有对应的“上接”标记` }
          : { en: `Nothing on page ${target} continues onto this page`, zh: `第${target}版没有对应的“下转”标记` },
        related,
      );
      break;
    case 'ok':
    case 'unverified':
      break;
  }
}

function teaserDiagnostic(item: Item, jumps: Issue['pages'][number]['jumps'], issue: Issue, emit: Emit): void {
  const pointer = jumps.find((j) => j.direction === 'see' && j.range.start.line >= item.bodyRange.start.line && j.range.start.line <= item.bodyRange.end.line);
  if (!pointer || pointer.page === null || !item.headline || !item.headlineRange) return;
  const targets = issue.pagesWithId(pointer.page);
  if (targets.length !== 1) return;
  const found = targets[0].items.some((it) => it.kind !== 'teaser' && it.headline !== null && overlap(item.headline!, bigrams(`${it.kicker ?? ''}${it.headline}${it.subtitle ?? ''}`)) >= TEASER_MATCH);
  if (!found) {
    emit('teaser-target-missing', item.headlineRange, {
      en: `No headline on page ${pageName(pointer.page)} matches this teaser`,
      zh: `第${pageName(pointer.page)}版没有与此导读相符的标题`,
    }, [{ uri: targets[0].uri, range: range(0, 0, 0, 0), message: { en: `Page ${pageName(pointer.page)}`, zh: `第${pageName(pointer.page)}版` } }]);
  }
}
