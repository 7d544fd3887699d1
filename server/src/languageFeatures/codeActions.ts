/**
 * Code actions. Quick fixes: give a `（见 版）` pointer that lost its number one of the issue's
 * pages; collapse the justification spaces of a letter-spaced line. Refactor: join a
 * hard-wrapped body paragraph into one line.
 *
 * Every edit only removes whitespace, except the page number a fix inserts: the characters of
 * the page are never changed, dropped or reordered.
 */
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import type { Paragraph, Range } from '../core/model';
import type { Issue } from '../core/issue';
import type { ParsedDocument } from '../core/parsePage';
import { isLetterSpaced } from '../core/damage';
import { joinWrapped } from '../core/paragraphs';
import { HAN } from '../core/text';
import { contains, headlines, issuePageIds, likelyPages, matchTeaser, pageLabel, rangesOverlap, teaserOf, tr, type Locale } from './locate';

export interface CodeActionRequest {
  /** The selection or cursor the actions are for. */
  readonly range: Range;
  /** The diagnostics the client shows there. */
  readonly diagnostics: readonly Diagnostic[];
  /** The kinds the client asks for; all when absent. */
  readonly only?: readonly string[];
}

export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite];

/** Characters between which a space is justification, not a word break: Han and CJK punctuation. */
const CJK = `${HAN}\\u3001-\\u303f\\uff01-\\uff0f\\uff1a-\\uff20\\uff3b-\\uff40\\uff5b-\\uff65“”‘’…—·`;
const CJK_GAP = new RegExp(`(?<=[${CJK}])[ \\t\\u3000\\u00a0]+(?=[${CJK}])`, 'g');

/** Removes the spaces between CJK characters (Han and full-width punctuation) and nothing else. */
export function collapseCjkGaps(s: string): string {
  return s.replace(CJK_GAP, '');
}

/**
 * A hard-wrapped paragraph as one line: line breaks and blank lines go, and so do the spaces
 * of letter-spaced lines (`劳 动 力 和`). The single spaces of ordinary lines stay: they may set
 * names apart (`记者 王涛`) or mark a lost character (`乡村振兴上 出`).
 */
export function joinParagraphText(source: string): string {
  const parts = source
    .split(/\r\n|\r|\n/)
    .map((l, i) => {
      const collapsed = isLetterSpaced(l) ? collapseCjkGaps(l) : l;
      return i === 0 ? collapsed.trimEnd() : collapsed.trim();
    })
    .filter((l) => l.length > 0);
  return joinWrapped(parts);
}

const wanted = (only: readonly string[] | undefined, kind: string): boolean => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
const nonWhitespace = (s: string): string => s.replace(/\s+/g, '');

export function provideCodeActions(doc: ParsedDocument, issue: Issue, request: CodeActionRequest, locale: Locale): CodeAction[] {
  const out: CodeAction[] = [];
  if (wanted(request.only, CodeActionKind.QuickFix)) {
    for (const d of request.diagnostics) {
      if (d.source !== undefined && d.source !== 'galley') continue;
      if (d.code === 'jump-missing-page') out.push(...missingPageFixes(doc, issue, d, locale));
      if (d.code === 'text-spaced') {
        const fix = spacedFix(doc, d, locale);
        if (fix) out.push(fix);
      }
    }
  }
  if (wanted(request.only, CodeActionKind.RefactorRewrite)) {
    const join = joinAction(doc, request.range, locale);
    if (join) out.push(join);
  }
  return out;
}

const edit = (uri: string, edits: TextEdit[]) => ({ changes: { [uri]: edits } });

/** Where the number of a `（见 版）` pointer goes: the gap on 版's line before 版, or just before 版. */
export function pageNumberSlot(doc: ParsedDocument, jump: { range: Range; text: string }): Range | null {
  const at = jump.text.lastIndexOf('版');
  if (at < 0) return null;
  const { text } = doc.index;
  const start = doc.index.offsetAt(jump.range.start);
  const ban = start + at;
  let gap = ban;
  while (gap > start && /[ \t\u3000]/.test(text[gap - 1])) gap--;
  return doc.index.rangeOf(gap, ban);
}

function missingPageFixes(doc: ParsedDocument, issue: Issue, d: Diagnostic, locale: Locale): CodeAction[] {
  const { page } = doc;
  const rj = issue.jumps(page.uri).find((j) => j.status === 'missing-page' && rangesOverlap(j.jump.range, d.range));
  if (!rj) return [];
  const slot = pageNumberSlot(doc, rj.jump);
  if (!slot) return [];
  const teaser = teaserOf(page, rj.jump.range);
  const likely = likelyPages(issue, page, rj.jump.direction, teaser?.headline);
  const fixes = issuePageIds(issue, page.id).map(({ id, pages }): CodeAction => {
    const story = teaser?.headline ? pages.map((p) => matchTeaser(p, teaser.headline!)).find(Boolean)?.headline : undefined;
    const name = story ?? pages.flatMap(headlines)[0];
    const label = pageLabel(id, locale);
    return {
      title: name ? tr(locale, `Insert page ${id} (${name})`, `补上版次：${label}（${name}）`) : tr(locale, `Insert page ${id}`, `补上版次：${label}`),
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      isPreferred: likely.length === 1 && pages.includes(likely[0]) ? true : undefined,
      edit: edit(page.uri, [{ range: slot, newText: String(id) }]),
    };
  });
  // The likely page first; the rest in page order.
  return [...fixes.filter((f) => f.isPreferred), ...fixes.filter((f) => !f.isPreferred)];
}

/** The deletions that collapse the justification spaces inside a range. */
export function cjkGapEdits(doc: ParsedDocument, r: Range): TextEdit[] {
  const { index } = doc;
  const start = index.offsetAt(r.start);
  const end = index.offsetAt(r.end);
  const edits: TextEdit[] = [];
  CJK_GAP.lastIndex = 0;
  for (const m of index.text.slice(start, end).matchAll(CJK_GAP)) {
    edits.push({ range: index.rangeOf(start + m.index, start + m.index + m[0].length), newText: '' });
  }
  return edits;
}

function spacedFix(doc: ParsedDocument, d: Diagnostic, locale: Locale): CodeAction | null {
  const edits = cjkGapEdits(doc, d.range);
  if (edits.length === 0) return null;
  return {
    title: tr(locale, 'Collapse justification spaces', '去掉两端对齐造成的字间空格'),
    kind: CodeActionKind.QuickFix,
    diagnostics: [d],
    isPreferred: true,
    edit: edit(doc.page.uri, edits),
  };
}

/** The body paragraph under the cursor, when its source range holds only its own lines. */
export function paragraphAt(doc: ParsedDocument, r: Range): Paragraph | undefined {
  for (const item of doc.page.items) {
    for (const p of item.paragraphs) {
      if (!contains(p.range, r.start, true)) continue;
      const source = doc.index.text.slice(doc.index.offsetAt(p.range.start), doc.index.offsetAt(p.range.end));
      // A caption or jump line set inside the paragraph's span is not the paragraph's to join.
      if (nonWhitespace(source) === nonWhitespace(p.text)) return p;
    }
  }
  return undefined;
}

function joinAction(doc: ParsedDocument, r: Range, locale: Locale): CodeAction | null {
  const p = paragraphAt(doc, r);
  if (!p || p.range.start.line === p.range.end.line) return null;
  const source = doc.index.text.slice(doc.index.offsetAt(p.range.start), doc.index.offsetAt(p.range.end));
  const joined = joinParagraphText(source);
  if (joined === source) return null;
  return {
    title: tr(locale, 'Join hard-wrapped paragraph', '合并硬换行的段落'),
    kind: CodeActionKind.RefactorRewrite,
    edit: edit(doc.page.uri, [{ range: p.range, newText: joined }]),
  };
}
