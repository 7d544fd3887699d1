/**
 * Go to definition on a jump line: its other end. A matched jump leads to its partner on the
 * other page; a jump whose page exists but has no partner (a `（见2版）` pointer, or a `下转`
 * nothing answers) leads to the top of that page: the story a teaser names, else its first item.
 */
import type { LocationLink } from 'vscode-languageserver-types';
import type { Position } from '../core/model';
import type { Issue } from '../core/issue';
import type { ParsedDocument } from '../core/parsePage';
import { entryPoint, itemRange, jumpAt, teaserOf } from './locate';

export function provideDefinition(doc: ParsedDocument, issue: Issue, position: Position): LocationLink[] {
  const rj = jumpAt(issue, doc.page.uri, position, true);
  if (!rj) return [];
  const origin = rj.jump.range;
  if (rj.partner) {
    const r = rj.partner.jump.range;
    return [{ originSelectionRange: origin, targetUri: rj.partner.uri, targetRange: r, targetSelectionRange: r }];
  }
  if (rj.status === 'self' || rj.status === 'missing-page') return [];
  const teaser = teaserOf(doc.page, origin);
  return rj.targets.map((target) => {
    const { item, range } = entryPoint(target, teaser?.headline);
    return { originSelectionRange: origin, targetUri: target.uri, targetRange: item ? itemRange(item) : range, targetSelectionRange: range };
  });
}
