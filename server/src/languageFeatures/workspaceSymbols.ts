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

interface PageNames {
  readonly names: readonly Named[];
  /** Every name of the page in one string: a page lacking a character of the query is passed over. */
  readonly all: string;
}

/**
 * Each page's names, made once per model: a query over 10,000 pages then only compares
 * characters.
 */
const namesOf = new WeakMap<Page, PageNames>();

function pageNames(page: Page): PageNames {
  let entry = namesOf.get(page);
  if (!entry) {
    const names = page.items.map((item) => {
      const name = itemName(item);
      return { item, name, folded: name.toLowerCase() };
    });
    entry = { names, all: names.map((n) => n.folded).join('\n') };
    namesOf.set(page, entry);
  }
  return entry;
}

/** True when every character of the query occurs in the name in order. */
function matches(folded: string, query: string): boolean {
  let i = 0;
  for (let k = 0; k < folded.length && i < query.length; k++) if (folded[k] === query[i]) i++;
  return i === query.length;
}

/** Makes the names of every page ahead of the first query (after a workspace is indexed). */
export function prepareWorkspaceSymbols(pages: Iterable<Page>): void {
  for (const page of pages) pageNames(page);
}

export function provideWorkspaceSymbols(pages: Iterable<Page>, query: string): WorkspaceSymbol[] {
  const q = query.replace(/\s+/g, '').toLowerCase();
  const chars = [...new Set(q)];
  const out: WorkspaceSymbol[] = [];
  for (const page of pages) {
    const { names, all } = pageNames(page);
    if (!chars.every((c) => all.includes(c))) continue;
    for (const { item, name, folded } of names) {
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
