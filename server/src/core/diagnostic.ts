/**
 * Diagnostics as the core reports them: a stable string code, a severity, a message in
 * English and Chinese, and related locations at the other end of a jump.
 */
import type { Range } from './model';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export type DiagnosticCode =
  | 'jump-missing-page'
  | 'jump-target-missing'
  | 'jump-unmatched'
  | 'jump-ambiguous'
  | 'jump-self'
  | 'teaser-target-missing'
  | 'headline-missing'
  | 'bracket-unbalanced'
  | 'text-spaced'
  | 'glyph-gap';

export interface LocalizedMessage {
  readonly en: string;
  readonly zh: string;
}

export interface RelatedLocation {
  readonly uri: string;
  readonly range: Range;
  readonly message: LocalizedMessage;
}

export interface GalleyDiagnostic {
  readonly uri: string;
  readonly range: Range;
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly message: LocalizedMessage;
  readonly related: readonly RelatedLocation[];
}

/** LSP's numeric severities. */
export const LSP_SEVERITY: Record<Severity, 1 | 2 | 3 | 4> = { error: 1, warning: 2, information: 3, hint: 4 };

/** A diagnostic in LSP's shape, its message in the reader's language. */
export function toLspDiagnostic(d: GalleyDiagnostic, locale: 'en' | 'zh') {
  return {
    range: d.range,
    severity: LSP_SEVERITY[d.severity],
    code: d.code,
    source: 'galley',
    message: d.message[locale],
    relatedInformation: d.related.map((r) => ({ location: { uri: r.uri, range: r.range }, message: r.message[locale] })),
  };
}
