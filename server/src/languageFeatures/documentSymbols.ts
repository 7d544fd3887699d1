/** The outline of a page as LSP document symbols: articles with their sections, photos. */
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import type { Page } from '../core/model';
import { outline, type OutlineKind, type OutlineNode } from './outline';

const KIND: Record<OutlineKind, SymbolKind> = {
  article: SymbolKind.Class,
  notice: SymbolKind.Interface,
  'photo-story': SymbolKind.Class,
  teaser: SymbolKind.Event,
  brief: SymbolKind.Field,
  section: SymbolKind.Method,
  photo: SymbolKind.File,
};

function toSymbol(n: OutlineNode): DocumentSymbol {
  return {
    name: n.name || '(untitled)',
    detail: n.detail,
    kind: KIND[n.kind],
    range: n.range,
    selectionRange: n.selectionRange,
    children: n.children.map(toSymbol),
  };
}

export function provideDocumentSymbols(page: Page): DocumentSymbol[] {
  return outline(page).map(toSymbol);
}
