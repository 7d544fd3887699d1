/**
 * The parse result as JSON, in the shape of the evaluation contract (shared/eval/README.md):
 * LSP ranges, numeric severities, string codes.
 */
import type { GalleyDiagnostic } from '../core/diagnostic';
import { toLspDiagnostic } from '../core/diagnostic';
import type { ParsedDocument } from '../core/parsePage';

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
