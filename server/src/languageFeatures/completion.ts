/**
 * Completion of page numbers in jump lines: after `（下转`, `（上接`, `（见`, `（转`, `（接` (with or
 * without `第`) it offers the pages of the issue, each with its headlines, and inserts the
 * number and, unless already typed, `版）`. A page whose own jump answers this one and waits
 * for its partner is preselected.
 */
import { CompletionItemKind, MarkupKind, type CompletionItem, type CompletionList } from 'vscode-languageserver-types';
import type { JumpDirection, Position } from '../core/model';
import type { Issue } from '../core/issue';
import type { ParsedDocument } from '../core/parsePage';
import { headlines, issuePageIds, likelyPages, md, pageLabel, tr, type Locale } from './locate';

/** The characters that may complete a keyword or start a page number. */
export const COMPLETION_TRIGGERS = ['转', '见', '接', '第', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** An opened jump line up to the cursor: bracket, keyword, optional 第, the page typed so far. */
const OPENED = /(?<open>[（(])[ \t\u3000]{0,4}(?<kw>下[ \t\u3000]{0,2}转|上[ \t\u3000]{0,2}接|紧[ \t\u3000]{0,2}接|详[ \t\u3000]{0,2}见|参[ \t\u3000]{0,2}见|转|接|见)[ \t\u3000]{0,4}(?:第[ \t\u3000]{0,2})?(?<typed>[0-9０-９A-Za-zＡ-Ｚａ-ｚ]{0,4})$/;

/** How many headlines a page's documentation lists. */
const LIST = 8;

export function provideCompletion(doc: ParsedDocument, issue: Issue, position: Position, locale: Locale): CompletionList | null {
  const line = doc.index.line(position.line);
  const head = line.slice(0, position.character);
  const m = OPENED.exec(head);
  if (!m?.groups) return null;
  const { open, kw, typed } = m.groups;
  const last = kw.charAt(kw.length - 1);
  const direction: JumpDirection = last === '转' ? 'to' : last === '接' ? 'from' : 'see';
  const after = line.slice(position.character);
  const close = open === '(' ? ')' : '）';
  const suffix = /^[ \t\u3000]*版/.test(after) ? '' : /^[ \t\u3000]*[）)]/.test(after) ? '版' : `版${close}`;
  const title = head.slice(0, m.index).trim();
  const likely = likelyPages(issue, doc.page, direction, direction === 'see' ? title : null);
  const replace = { start: { line: position.line, character: position.character - typed.length }, end: position };

  const items = issuePageIds(issue, doc.page.id).map(({ id, pages }, i): CompletionItem => {
    const names = pages.flatMap(headlines);
    const list = names.slice(0, LIST).map((n) => `- ${md(n)}`);
    if (names.length > LIST) list.push(tr(locale, `- … ${names.length - LIST} more`, `- …… 另有 ${names.length - LIST} 篇`));
    const label = String(id);
    const title = pageLabel(id, locale, true);
    return {
      label,
      kind: CompletionItemKind.Reference,
      detail: names.length ? `${title} · ${names[0]}` : title,
      documentation: {
        kind: MarkupKind.Markdown,
        value: [`**${title}**`, pages.length > 1 ? tr(locale, `⚠ ${pages.length} pages carry this id`, `⚠ 有 ${pages.length} 个版面是这个版次`) : '', list.join('\n')].filter(Boolean).join('\n\n'),
      },
      filterText: label,
      sortText: String(i).padStart(4, '0'),
      preselect: likely.some((p) => pages.includes(p)) || undefined,
      textEdit: { range: replace, newText: `${label}${suffix}` },
    };
  });
  return { isIncomplete: false, items };
}
