/**
 * The outline of a page: articles (named by headline, or by their first words when they have
 * none) with their sections, then photos. The document-symbol provider and `galley outline`
 * share it.
 */
import type { Item, Page, Range } from '../core/model';

export type OutlineKind = 'article' | 'notice' | 'photo-story' | 'teaser' | 'brief' | 'section' | 'photo';

export interface OutlineNode {
  readonly name: string;
  readonly detail: string;
  readonly kind: OutlineKind;
  /** The whole extent: headline and body. */
  readonly range: Range;
  /** What to select when the node is chosen: the headline, or the first line. */
  readonly selectionRange: Range;
  readonly children: readonly OutlineNode[];
}

const FIRST_WORDS = 16;

/** An item's name: its headline, else its first words. */
export function itemName(item: Item): string {
  if (item.headline) return item.headline;
  const text = item.paragraphs[0]?.text ?? '';
  return text.length > FIRST_WORDS ? `${text.slice(0, FIRST_WORDS)}…` : text || '(untitled)';
}

function union(a: Range, b: Range | null): Range {
  if (!b) return a;
  const before = (x: Range['start'], y: Range['start']) => x.line < y.line || (x.line === y.line && x.character < y.character);
  return { start: before(b.start, a.start) ? b.start : a.start, end: before(a.end, b.end) ? b.end : a.end };
}

export function outline(page: Page): OutlineNode[] {
  const items: OutlineNode[] = page.items.map((item) => {
    const r = union(union(item.bodyRange, item.headlineRange), item.subtitleRange);
    const detail = [item.kicker, item.subtitle, item.people.map((p) => p.name).join(' ')].filter(Boolean).join(' · ');
    return {
      name: itemName(item),
      detail,
      kind: item.kind,
      range: r,
      selectionRange: item.headlineRange ?? { start: item.bodyRange.start, end: { line: item.bodyRange.start.line, character: item.bodyRange.start.character + 1 } },
      children: item.sections.map((s) => ({ name: s.title, detail: '', kind: 'section' as const, range: s.range, selectionRange: s.range, children: [] })),
    };
  });
  const photos: OutlineNode[] = page.photos.map((p) => ({
    name: p.caption.length > FIRST_WORDS ? `${p.caption.slice(0, FIRST_WORDS)}…` : p.caption || (p.marker ?? '图'),
    detail: p.credit ?? '',
    kind: 'photo',
    range: p.range,
    selectionRange: p.range,
    children: [],
  }));
  return [...items, ...photos].sort((a, b) => a.range.start.line - b.range.start.line);
}

/** The outline as indented text, for the CLI. */
export function outlineText(page: Page): string {
  const lines = [`${page.uri}${page.id !== null ? ` (page ${page.id})` : ''}`];
  const walk = (nodes: readonly OutlineNode[], depth: number): void => {
    for (const n of nodes) {
      lines.push(`${'  '.repeat(depth)}${n.range.start.line + 1}: [${n.kind}] ${n.name}${n.detail ? ` — ${n.detail}` : ''}`);
      walk(n.children, depth + 1);
    }
  };
  walk(outline(page), 1);
  return lines.join('\n');
}
