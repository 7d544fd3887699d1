/**
 * The typed model of a newspaper page, as Galley reads it.
 *
 * Every range is an LSP range (0-based lines, UTF-16 characters, end exclusive) into the
 * page text exactly as it was given: the model never alters the document.
 */

export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/** A page number (4), a page id such as "A04", or null when the page cannot be identified. */
export type PageId = number | string | null;

export type JumpDirection = 'to' | 'from' | 'see';

/** A jump line or page pointer: `（下转4版）`, `（上接1版）`, `（见2版）`, `Continued on Page A4`. */
export interface JumpLine {
  readonly range: Range;
  readonly direction: JumpDirection;
  /** The page it names, or null when the number is missing (`（见 版）`). */
  readonly page: PageId;
  /** The source text of the marker, as written. */
  readonly text: string;
  /** The slug of an English `See BUDGET, Page 5` pointer, when present. */
  readonly slug?: string;
}

export type FigureKind = 'quantity' | 'percent' | 'range';

/** A number with a unit, normalised: `2.242 亿 元` is 224,200,000 元; `83.7%` is 0.837 %. */
export interface Figure {
  readonly range: Range;
  readonly text: string;
  readonly value: number;
  readonly unit: string;
  readonly kind: FigureKind;
  /** The upper bound of a range such as `16—60 周岁` (value is the lower bound). */
  readonly upper?: number;
  /** True for approximate quantities: `二十多个`, `近 18 万`, `2000余个`. */
  readonly approximate?: boolean;
}

/** A calendar date mentioned in the text (`6月 18日`, `2020 年 10` + break + `月 31日`). */
export interface DateMention {
  readonly range: Range;
  readonly text: string;
  readonly year?: number;
  readonly month?: number;
  readonly day?: number;
}

export type PersonRole = 'reporter' | 'correspondent' | 'intern' | 'author' | 'photographer' | 'editor';

export interface Person {
  readonly name: string;
  readonly role: PersonRole;
  readonly range: Range;
}

export interface Section {
  readonly title: string;
  readonly range: Range;
}

/** A paragraph of body text repaired for reading, with the exact source range it came from. */
export interface Paragraph {
  readonly range: Range;
  /** Hard wraps joined, justification spaces between Han characters removed. */
  readonly text: string;
}

export interface Dateline {
  readonly range: Range;
  readonly text: string;
}

/** A brief is a short item under a column label (`简讯`), without a headline by design. */
export type ItemKind = 'article' | 'notice' | 'photo-story' | 'teaser' | 'brief';

export interface Item {
  readonly kind: ItemKind;
  readonly kicker: string | null;
  readonly kickerRange: Range | null;
  readonly headline: string | null;
  readonly headlineRange: Range | null;
  readonly subtitle: string | null;
  readonly subtitleRange: Range | null;
  /** First to last line of the body, dateline included. */
  readonly bodyRange: Range;
  readonly dateline: Dateline | null;
  /** The byline as printed (`□ 本报记者 穆佳妮`, `By Associated Press`), when the item has one. */
  readonly byline: Dateline | null;
  readonly people: readonly Person[];
  readonly sections: readonly Section[];
  /** The agency or source line of a reprint, e.g. `新华社发`. */
  readonly source: string | null;
  readonly sourceRange: Range | null;
  readonly paragraphs: readonly Paragraph[];
}

export interface Photo {
  readonly range: Range;
  /** `图①`, `左图`, `拼版照片`… or null for an unmarked caption. */
  readonly marker: string | null;
  readonly caption: string;
  /** The credit as printed without its brackets: `新华社记者 曹阳 摄`. */
  readonly credit: string | null;
  readonly people: readonly Person[];
}

/** Page furniture: the header (`第04版：要闻`), the issue date, editor lines. */
export interface Furniture {
  readonly header: { readonly text: string; readonly range: Range } | null;
  /** The issue date printed on the page: `2024年5月8日 星期三`. */
  readonly date: { readonly text: string; readonly range: Range } | null;
  readonly editors: readonly Person[];
}

export interface Page {
  /** The document's identity as the caller gave it (a path or URI). */
  readonly uri: string;
  readonly id: PageId;
  /** Where the page id came from. */
  readonly idSource: 'header' | 'file-name' | null;
  readonly furniture: Furniture;
  readonly items: readonly Item[];
  readonly photos: readonly Photo[];
  readonly jumps: readonly JumpLine[];
  readonly figures: readonly Figure[];
  readonly dates: readonly DateMention[];
  readonly lineCount: number;
}
