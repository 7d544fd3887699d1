/**
 * References of a jump line: the jumps on other pages of the issue that point back at it (the
 * `（上接1版）` on page 4 that answers a `（下转4版）` on page 1), and the jump itself when the
 * declaration is asked for.
 */
import type { Location } from 'vscode-languageserver-types';
import type { Position } from '../core/model';
import type { Issue } from '../core/issue';
import type { ParsedDocument } from '../core/parsePage';
import { jumpAt } from './locate';

export function provideReferences(doc: ParsedDocument, issue: Issue, position: Position, includeDeclaration: boolean): Location[] {
  const uri = doc.page.uri;
  const rj = jumpAt(issue, uri, position, true);
  if (!rj) return [];
  const out: Location[] = includeDeclaration ? [{ uri, range: rj.jump.range }] : [];
  for (const other of issue.pages) {
    if (other.uri === uri) continue;
    for (const theirs of issue.jumps(other.uri)) {
      if (theirs.partner?.uri === uri && theirs.partner.jump === rj.jump) out.push({ uri: other.uri, range: theirs.jump.range });
    }
  }
  return out;
}
