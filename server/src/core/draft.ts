/**
 * An item in the making: the lines the segmenter gathered for it, before its headline, people
 * and sections are read. Shared by the passes that cut the page into items.
 */
import type { StackLine } from './blocks';
import type { PageLine } from './lines';
import type { PhotoBlock } from './photos';
import { isHeadingLike } from './classify';
import { clearlyShorter } from './columns';
import { bigrams } from './similarity';

export interface Draft {
  readonly body: PageLine[];
  /** The headline stack, when one was found. */
  stack: StackLine[] | null;
  dateline: PageLine | null;
  readonly photos: PhotoBlock[];
  source: PageLine | null;
  readonly bylines: PageLine[];
  /** Heading-like runs inside the body that were not taken as headlines: section head candidates. */
  readonly inner: { at: number; lines: readonly StackLine[] }[];
  teaser: { title: PageLine; titleEnd: number; last: number; lead: PageLine | null } | null;
  /** The text has ended (a `to` jump or a source line): more text starts a new item. */
  ended: boolean;
  /** Set under a column of briefs (`简讯`): without a headline it is a brief, not a headless article. */
  brief: boolean;
  /** Opened by a continuation (`（上接1版）`, `Continued from A1`): the rest of a story, never a photo story. */
  continued: boolean;
}

export const newDraft = (): Draft => ({ body: [], stack: null, dateline: null, photos: [], source: null, bylines: [], inner: [], teaser: null, ended: false, brief: false, continued: false });

/** The text of lines, joined as read. */
export const textOf = (lines: readonly PageLine[]): string => lines.map((l) => l.flat).join('');
/** The headline lines of a stack as one text: what its words are weighed by. */
export const stackText = (lines: readonly StackLine[]): string =>
  lines.filter((s) => s.role === 'headline').map(partText).join('');

/** A stack line's own words: a title sharing its line with text (`【标题】正文…`) is only the title. */
const partText = (s: StackLine): string => (s.span ? s.line.raw.slice(s.span.start, s.span.end).replace(/\s+/g, '') : s.line.flat);

/** A stack's words, as headlines are placed by them: its headline's and its subtitle's bigrams. */
export const stackWords = (lines: readonly StackLine[]): Set<number> =>
  bigrams(lines.map((s) => (s.role === 'headline' || s.role === 'subtitle' ? partText(s) : '')).join(''));

/** Where a page sets its headlines: after their text (PDF e-paper) or before it (clean exports). */
export type Orientation = 'headline-after' | 'headline-before';

/** The longest introduction, in characters, a photo story sets before the photos it introduces. */
const PHOTO_STORY_MAX_CHARS = 600;

/**
 * Photos right after a short text with neither dateline nor byline belong to it: a photo story.
 * They must all follow its text, or the story's range would reach over other items.
 */
export function isPhotoStory(d: Draft): boolean {
  // A dateline or a byline makes a report: its photos illustrate it.
  if (d.photos.length === 0 || d.dateline || d.continued || d.bylines.length > 0 || d.stack?.some((s) => s.role === 'byline')) return false;
  // Photos under a title and no text: the captions tell the story.
  if (d.body.length === 0) return d.stack !== null;
  // Every line holds a character, so a body of more lines than the limit is no introduction.
  if (d.body.length > PHOTO_STORY_MAX_CHARS) return false;
  const lastLine = d.body[d.body.length - 1].n; // the body is in page order
  return d.photos.every((p) => p.first > lastLine) && textOf(d.body).length <= PHOTO_STORY_MAX_CHARS;
}

/** How many lines of the intro measure the column its title stands short of. */
const INTRO_LINES = 3;

/**
 * A photo story set title first: a short headline-like line opening its text (`龙舟竞渡闹端午`
 * over the intro and 图①–③) is its title, not the intro's first line.
 */
export function takeOpeningTitle(d: Draft): void {
  if (d.stack || d.body.length < 2 || !isPhotoStory(d)) return;
  const [first, ...rest] = d.body;
  const column = Math.max(...rest.slice(0, INTRO_LINES).map((l) => l.width));
  if (!isHeadingLike(first) || !clearlyShorter(first.width, column)) return;
  d.stack = [{ line: first, role: 'headline' }];
  d.body.shift();
  const inner = d.inner.filter((c) => c.at > 0).map((c) => ({ at: c.at - 1, lines: c.lines }));
  d.inner.splice(0, d.inner.length, ...inner);
}
