/** Folding: each item folds from its first to its last line, each section within it. */
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver-types';
import type { Page } from '../core/model';
import { outline, type OutlineNode } from './outline';

export function provideFoldingRanges(page: Page): FoldingRange[] {
  const out: FoldingRange[] = [];
  const walk = (nodes: readonly OutlineNode[]): void => {
    for (const n of nodes) {
      if (n.range.end.line > n.range.start.line) out.push({ startLine: n.range.start.line, endLine: n.range.end.line, kind: FoldingRangeKind.Region });
      walk(n.children);
    }
  };
  walk(outline(page).filter((n) => n.kind !== 'photo'));
  // A section folds until the next section of its item.
  for (const item of page.items) {
    item.sections.forEach((s, i) => {
      const end = (item.sections[i + 1]?.range.start.line ?? item.bodyRange.end.line + 1) - 1;
      const last = out.findIndex((f) => f.startLine === s.range.start.line);
      if (last >= 0) out.splice(last, 1);
      if (end > s.range.start.line) out.push({ startLine: s.range.start.line, endLine: end, kind: FoldingRangeKind.Region });
    });
  }
  return out.sort((a, b) => a.startLine - b.startLine);
}
