/**
 * The parse result as JSON, in the shape of the evaluation contract (shared/eval/README.md):
 * LSP ranges, numeric severities, string codes.
 */
import type { GalleyDiagnostic } from '../core/diagnostic';
import { LSP_SEVERITY } from '../core/diagnostic';
import type { ParsedDocument } from '../core/parsePage';

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

export function toContract(doc: ParsedDocument, diagnostics: readonly GalleyDiagnostic[], locale: 'en' | 'zh') {
  const { page } = doc;
  return {
    file: page.uri,
    page: page.id,
    pageIdSource: page.idSource,
    furniture: page.furniture,
    items: page.items,
    photos: page.photos,
    jumps: page.jumps,
    figures: page.figures,
    dates: page.dates,
    diagnostics: diagnostics.map((d) => toLspDiagnostic(d, locale)),
  };
}
