/** Workspace symbols: the headlines of every page Galley knows, filtered by the query. */
import { SymbolKind, type WorkspaceSymbol } from 'vscode-languageserver-types';
import type { Item, Page } from '../core/model';
import { itemName } from './outline';

/** The most symbols one query returns; a newsroom workspace holds years of pages. */
const LIMIT = 500;

interface Named {
  readonly item: Item;
  readonly name: string;
  readonly folded: string;
}

/**
 * Each page's names, made once per model: a query over 10,000 pages then only compares
 * characters.
 */
const namesOf = new WeakMap<Page, readonly Named[]>();

function names(page: Page): readonly Named[] {
  let list = namesOf.get(page);
  if (!list) {
    list = page.items.map((item) => {
      const name = itemName(item);
      return { item, name, folded: name.toLowerCase() };
    });
    namesOf.set(page, list);
  }
  return list;
}

/** True when every character of the query occurs in the name in order. */
function matches(folded: string, query: string): boolean {
  let i = 0;
  for (let k = 0; k < folded.length && i < query.length; k++) if (folded[k] === query[i]) i++;
  return i === query.length;
}

export function provideWorkspaceSymbols(pages: Iterable<Page>, query: string): WorkspaceSymbol[] {
  const q = query.replace(/\s+/g, '').toLowerCase();
  const out: WorkspaceSymbol[] = [];
  for (const page of pages) {
    for (const { item, name, folded } of names(page)) {
      if (!matches(folded, q)) continue;
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
