/**
 * The Galley language service: the pure facade the LSP server (and any other host) calls.
 * Text in, LSP-shaped results out; no I/O and no connection. Every feature reads the one parse
 * the page store caches per document version.
 */
import type {
  CodeAction,
  CompletionList,
  Diagnostic,
  DocumentLink,
  DocumentSymbol,
  FoldingRange,
  Hover,
  Location,
  LocationLink,
  Position,
  Range,
  WorkspaceSymbol,
} from 'vscode-languageserver-types';
import type { DiagnosticCode, Severity } from './core/diagnostic';
import type { Page } from './core/model';
import { toLspDiagnostic } from './core/diagnostic';
import { PageStore } from './workspace/pageStore';
import { computeDiagnostics } from './languageFeatures/diagnostics';
import { provideDocumentSymbols } from './languageFeatures/documentSymbols';
import { provideFoldingRanges } from './languageFeatures/folding';
import { prepareWorkspaceSymbols, provideWorkspaceSymbols } from './languageFeatures/workspaceSymbols';
import { provideHover } from './languageFeatures/hover';
import { provideDefinition } from './languageFeatures/definition';
import { provideReferences } from './languageFeatures/references';
import { provideDocumentLinks } from './languageFeatures/documentLinks';
import { COMPLETION_TRIGGERS, provideCompletion } from './languageFeatures/completion';
import { CODE_ACTION_KINDS, provideCodeActions } from './languageFeatures/codeActions';
import type { Locale } from './languageFeatures/locate';

export type { Locale };
export { CODE_ACTION_KINDS, COMPLETION_TRIGGERS };

/** A request's cancellation as any host gives it (LSP's CancellationToken fits). */
export interface Cancellation {
  readonly isCancellationRequested: boolean;
}

/** The code actions asked for at a range: the diagnostics shown there and the kinds wanted. */
export interface CodeActionContext {
  readonly diagnostics: readonly Diagnostic[];
  readonly only?: readonly string[];
}

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
    return provideWorkspaceSymbols(this.#allPages(), query);
  }

  /**
   * Readies workspace symbols for every known page, so that the first query, which would
   * otherwise name 10,000 pages' items, is as quick as the next.
   */
  prepareWorkspaceSymbols(): void {
    prepareWorkspaceSymbols(this.#allPages());
  }

  #allPages(): Page[] {
    return this.pages.uris.map((u) => this.pages.page(u)!);
  }

  /** Hover on a figure, photo, photo marker, jump line or person. */
  getHover(uri: string, position: Position, locale: Locale = 'en', token?: Cancellation): Hover | null {
    const doc = this.pages.get(uri);
    if (!doc || token?.isCancellationRequested) return null;
    const issue = this.pages.issue(uri);
    if (token?.isCancellationRequested) return null;
    return provideHover(doc, issue, position, locale, (u) => this.pages.get(u));
  }

  /** From a jump line to its other end: the partner jump, else the top of the page it names. */
  getDefinition(uri: string, position: Position, token?: Cancellation): LocationLink[] {
    const doc = this.pages.get(uri);
    if (!doc || token?.isCancellationRequested) return [];
    return provideDefinition(doc, this.pages.issue(uri), position);
  }

  /** The jumps on other pages that point back at the jump line under the position. */
  getReferences(uri: string, position: Position, includeDeclaration = true, token?: Cancellation): Location[] {
    const doc = this.pages.get(uri);
    if (!doc || token?.isCancellationRequested) return [];
    return provideReferences(doc, this.pages.issue(uri), position, includeDeclaration);
  }

  /** A link on each jump line that names one existing page. */
  getDocumentLinks(uri: string, locale: Locale = 'en', token?: Cancellation): DocumentLink[] {
    const doc = this.pages.get(uri);
    if (!doc || token?.isCancellationRequested) return [];
    return provideDocumentLinks(doc, this.pages.issue(uri), locale);
  }

  /** Page numbers inside an opened jump line (`（下转`, `（见第`…). */
  getCompletions(uri: string, position: Position, locale: Locale = 'en', token?: Cancellation): CompletionList | null {
    const doc = this.pages.get(uri);
    if (!doc || token?.isCancellationRequested) return null;
    return provideCompletion(doc, this.pages.issue(uri), position, locale);
  }

  /** Quick fixes for the diagnostics in `context` and the join-paragraph refactor at `range`. */
  getCodeActions(uri: string, range: Range, context: CodeActionContext, locale: Locale = 'en', token?: Cancellation): CodeAction[] {
    const doc = this.pages.get(uri);
    if (!doc || token?.isCancellationRequested) return [];
    return provideCodeActions(doc, this.pages.issue(uri), { range, diagnostics: context.diagnostics, only: context.only }, locale);
  }

  /** The parse result of a page, for developers (`galley/parseResult`). */
  getParseResult(uri: string) {
    return this.pages.page(uri) ?? null;
  }
}
