/**
 * The Galley language service: the pure facade the LSP server (and any other host) calls.
 * Text in, LSP-shaped results out; no I/O and no connection. Every feature reads the one parse
 * the page store caches per document version.
 */
import type { Diagnostic, DocumentSymbol, FoldingRange, WorkspaceSymbol } from 'vscode-languageserver-types';
import type { DiagnosticCode, Severity } from './core/diagnostic';
import { toLspDiagnostic } from './core/diagnostic';
import { PageStore } from './workspace/pageStore';
import { computeDiagnostics } from './languageFeatures/diagnostics';
import { provideDocumentSymbols } from './languageFeatures/documentSymbols';
import { provideFoldingRanges } from './languageFeatures/folding';
import { provideWorkspaceSymbols } from './languageFeatures/workspaceSymbols';

export type Locale = 'en' | 'zh';

export interface DiagnosticSettings {
  readonly enable: boolean;
  readonly severity: Partial<Record<DiagnosticCode, Severity | 'ignore'>>;
  readonly ignore: readonly DiagnosticCode[];
}

export const DEFAULT_DIAGNOSTIC_SETTINGS: DiagnosticSettings = { enable: true, severity: {}, ignore: [] };

export class GalleyLanguageService {
  readonly pages = new PageStore();

  getDiagnostics(uri: string, settings: DiagnosticSettings = DEFAULT_DIAGNOSTIC_SETTINGS, locale: Locale = 'en'): Diagnostic[] {
    const doc = this.pages.get(uri);
    if (!doc || !settings.enable) return [];
    const severity = { ...settings.severity };
    for (const code of settings.ignore) severity[code] = 'ignore';
    return computeDiagnostics(doc, this.pages.issue(uri), { severity }).map((d) => toLspDiagnostic(d, locale));
  }

  getDocumentSymbols(uri: string): DocumentSymbol[] {
    const doc = this.pages.get(uri);
    return doc ? provideDocumentSymbols(doc.page) : [];
  }

  getFoldingRanges(uri: string): FoldingRange[] {
    const doc = this.pages.get(uri);
    return doc ? provideFoldingRanges(doc.page) : [];
  }

  getWorkspaceSymbols(query: string): WorkspaceSymbol[] {
    const pages = this.pages.uris.map((u) => this.pages.get(u)!.page);
    return provideWorkspaceSymbols(pages, query);
  }

  /** The parse result of a page, for developers (`galley/parseResult`). */
  getParseResult(uri: string) {
    return this.pages.get(uri)?.page ?? null;
  }
}
