/**
 * Document links: each jump line that names one existing page links to it, at the line of the
 * jump that answers it (`file:///…/04.news#L3`), or at the story a teaser names, or at the
 * page's first item.
 */
import type { DocumentLink } from 'vscode-languageserver-types';
import type { Issue } from '../core/issue';
import type { ParsedDocument } from '../core/parsePage';
import { itemName } from './outline';
import { entryPoint, pageLabel, teaserOf, tr, type Locale } from './locate';

export function provideDocumentLinks(doc: ParsedDocument, issue: Issue, locale: Locale): DocumentLink[] {
  const out: DocumentLink[] = [];
  for (const rj of issue.jumps(doc.page.uri)) {
    if (rj.targets.length !== 1 || rj.status === 'self') continue;
    const target = rj.targets[0];
    const label = pageLabel(target.id, locale);
    if (rj.partner) {
      out.push({ range: rj.jump.range, target: `${target.uri}#L${rj.partner.jump.range.start.line + 1}`, tooltip: tr(locale, `Go to the other end on ${label}`, `转到${label}的接续处`) });
      continue;
    }
    const { item, range } = entryPoint(target, teaserOf(doc.page, rj.jump.range)?.headline);
    const name = item ? `: ${itemName(item)}` : '';
    out.push({ range: rj.jump.range, target: `${target.uri}#L${range.start.line + 1}`, tooltip: tr(locale, `Open ${label}${name}`, `打开${label}${name}`) });
  }
  return out;
}
