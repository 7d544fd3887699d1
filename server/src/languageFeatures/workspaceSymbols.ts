/** Workspace symbols: the headlines of every page Galley knows, filtered by the query. */
import { SymbolKind, type WorkspaceSymbol } from 'vscode-languageserver-types';
import type { Page } from '../core/model';
import { itemName } from './outline';

/** The most symbols one query returns; a newsroom workspace holds years of pages. */
const LIMIT = 500;

/** True when every character of the query occurs in the name in order (whitespace ignored). */
function matches(name: string, query: string): boolean {
  let i = 0;
  const q = query.replace(/\s+/g, '').toLowerCase();
  const n = name.toLowerCase();
  for (const ch of n) if (i < q.length && ch === q[i]) i++;
  return i === q.length;
}

export function provideWorkspaceSymbols(pages: Iterable<Page>, query: string): WorkspaceSymbol[] {
  const out: WorkspaceSymbol[] = [];
  for (const page of pages) {
    for (const item of page.items) {
      const name = itemName(item);
      if (!matches(name, query)) continue;
      out.push({
        name,
        kind: item.kind === 'teaser' ? SymbolKind.Event : SymbolKind.Class,
        containerName: page.id !== null ? `page ${page.id}` : page.uri.split('/').pop(),
        location: { uri: page.uri, range: item.headlineRange ?? item.bodyRange },
      });
      if (out.length >= LIMIT) return out;
    }
  }
  return out;
}
