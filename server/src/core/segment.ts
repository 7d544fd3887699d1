/**
 * Cuts the page's blocks into item drafts, in page order, by the page's orientation: a stack
 * after a body heads that body (headlines after), or the text that follows it (headlines before).
 */
import { type Block, type StackLine, afterTitle } from './blocks';
import { PHOTO_NEWS_LABEL, lineKind } from './classify';
import { type Draft, type Orientation, isPhotoStory, newDraft, takeOpeningTitle } from './draft';
import type { PhotoBlock } from './photos';
import { assignOrphans } from './orphans';
import type { Facing, Order } from './orientation';
import { splitOwnText } from './mixedOrder';
import { shareStacks } from './sharedStack';

/** Cuts blocks into item drafts; each may still hold hidden headlines (see splitHidden). */
export function segment(blocks: readonly Block[], order: Order): Draft[] {
  const s = new Segmenter(order);
  for (const b of blocks) s.add(b);
  s.close();
  shareStacks(s.drafts);
  return s.drafts;
}

/** Walks the blocks in page order, keeping the item being read open until something ends it. */
class Segmenter {
  readonly drafts: Draft[] = [];
  #cur: Draft | null = null;
  readonly #orient: Orientation;
  /** Photos standing after the last item, with no text of their own yet: a title may follow. */
  #loose: PhotoBlock[] = [];
  /** A briefs label was passed: untitled items from here on are briefs. */
  #briefs = false;
  /**
   * Under a photo news label (`图片新闻`) the column sets each photo's title on one side of it,
   * whatever the page does elsewhere: before it when a title comes first under the label, after
   * it when a photo does (`titlesAfter`, decided by the first of them).
   */
  #photoNews = false;
  #titlesAfter: boolean | null = null;

  /** Stacks whose words decide their side (or cut them in two), whatever the page's orientation. */
  readonly #order: Order;

  constructor(order: Order) {
    this.#orient = order.orient;
    this.#order = order;
  }

  close(): void {
    const d = this.#cur;
    if (d && (d.body.length > 0 || d.stack)) {
      takeOpeningTitle(d);
      d.brief = this.#briefs && !d.stack;
      this.drafts.push(d);
    }
    this.#cur = null;
  }

  #open(): Draft {
    this.#cur ??= newDraft();
    return this.#cur;
  }

  /** The open draft, or a fresh one when the open draft's text has ended. */
  #openForText(): Draft {
    const d = this.#open();
    if (!d.ended && !(isPhotoStory(d) && this.#orient === 'headline-after')) return d;
    this.close();
    return this.#open();
  }

  add(b: Block): void {
    const cur = this.#cur;
    // Photos are loose only until the next thing that is not a photo or page furniture.
    if (b.type !== 'photo' && b.type !== 'furniture' && b.type !== 'stack') {
      this.#loose = [];
      this.#photoNews = false;
      this.#titlesAfter = null;
    }
    switch (b.type) {
      case 'furniture':
        // A photo news label may stand where a section's name would (at the page's top).
        if (PHOTO_NEWS_LABEL.test(b.line.flat)) this.#openPhotoNews();
        if (b.briefs) {
          this.close();
          this.#briefs = true;
        }
        return;
      case 'teaser':
        this.close();
        this.drafts.push({ ...newDraft(), teaser: { title: b.title, titleEnd: b.titleEnd, last: b.last, lead: b.lead } });
        return;
      case 'dateline': {
        // A dateline right under a headline opens that headline's body: on a page that sets
        // headlines first, and under a headline that had no text before it to head (the lead
        // story's banner over a page that otherwise sets headlines after their text).
        const awaitingBody =
          cur !== null && cur.body.length === 0 && (this.#orient === 'headline-before' || (cur.stack !== null && cur.photos.length === 0));
        if (!awaitingBody) this.close();
        const d = this.#open();
        d.dateline = b.line;
        d.body.push(b.line);
        return;
      }
      case 'text':
      case 'jump': {
        // A continuation (`（上接1版）`) opens an item of its own: the text above it is another story's.
        const continues = b.type === 'jump' ? b.direction === 'from' : b.startsWithFrom;
        if (continues && cur !== null && cur.body.length > 0) this.close();
        // A brief titled on its own first line (`【标题】正文…`) starts afresh, unless a headline
        // above is still waiting for its text.
        if (b.type === 'text' && b.title && !(cur?.stack && cur.body.length === 0)) {
          this.close();
          const d = this.#open();
          d.stack = [{ line: b.line, role: 'headline', span: b.title }];
          d.body.push(b.line);
          const rest = afterTitle(b.line, b.title);
          if (lineKind(rest) === 'dateline') d.dateline = rest;
          return;
        }
        const d = this.#openForText();
        if (continues && d.body.length === 0) d.continued = true;
        d.body.push(b.line);
        // A jump onward (at the line's end or on a line of its own) or a signature closes the
        // text: what follows is another item's.
        if (b.type === 'text' ? b.endsWithJump || b.signsOff === true : b.direction === 'to') d.ended = true;
        return;
      }
      case 'source': {
        const d = this.#open();
        d.source = b.line;
        d.ended = true;
        return;
      }
      case 'signature': {
        // A notice ends with the date it is signed on: more text starts a new item.
        const d = this.#open();
        d.body.push(...b.lines);
        d.ended = true;
        return;
      }
      case 'byline':
        this.#open().bylines.push(b.line);
        return;
      case 'photo':
        // Photos after text may belong to it (a photo story); whether they do is decided once
        // the text is cut into items. Photos under a title of their own are its story (图片
        //新闻); elsewhere photos stand on their own until a title after them claims them.
        if (this.#photoNews) this.#titlesAfter ??= true;
        const titled = cur?.stack?.some((s) => s.role === 'headline') === true;
        const takes = this.#photoNews ? titled && this.#titlesAfter === false : cur?.stack && this.#orient === 'headline-before';
        if (cur && (cur.body.length > 0 || takes)) cur.photos.push(b.photo);
        else this.#loose.push(b.photo);
        return;
      case 'stack':
        if (b.inner) this.#addInner(b.lines);
        else {
          const parts = this.#order.split.get(b);
          if (parts) {
            this.#addStack(parts[0], 'preceding');
            this.#addStack(parts[1], 'following');
          } else this.#addStack(b.lines, this.#order.facing.get(b));
        }
        return;
    }
  }

  #addStack(lines: readonly StackLine[], facing?: Facing): void {
    if (this.#photoNews) this.#titlesAfter ??= false;
    const cur = this.#cur;
    const loose = this.#loose;
    this.#loose = [];
    // A continuation's headline with its jump after it (`…突破九成（上接第1版）`) heads the text
    // under it, on any page: that text is the rest of the story.
    if (lines[0].span !== undefined) {
      this.close();
      const d = this.#open();
      d.stack = [...lines];
      d.continued = true;
      return;
    }
    // On a page that mixes both orders, a stack whose words all come from one side heads it.
    if (facing === 'following' && this.#orient === 'headline-after') {
      this.close();
      this.#open().stack = [...lines];
      return;
    }
    if (facing === 'preceding' && this.#orient === 'headline-before' && cur && cur.body.length > 0 && !cur.stack) {
      cur.stack = [...lines];
      this.close();
      return;
    }
    // Headlines after: photos with no text, then a title, are a photo story (图片新闻).
    if ((this.#orient === 'headline-after' || this.#titlesAfter === true) && loose.length > 0 && (!cur || cur.body.length === 0)) {
      this.close();
      const d = this.#open();
      d.stack = [...lines];
      d.photos.push(...loose);
      this.close();
      return;
    }
    if (this.#orient === 'headline-after' && cur && cur.body.length > 0 && !cur.stack) {
      cur.stack = [...lines];
      this.close();
      assignOrphans(this.drafts);
      return;
    }
    // Headlines after, but the open text is headed by a headline set before it: the text may
    // hold this headline's own text at its end.
    if (this.#orient === 'headline-after' && cur && cur.stack && cur.body.length > 0) {
      const own = splitOwnText(cur, lines);
      if (own) {
        this.close();
        own.stack = [...lines];
        this.#cur = own;
        this.close();
        return;
      }
    }
    // An editor's note (编者按) set before a headline introduces that article.
    if (this.#orient === 'headline-before' && cur && !cur.stack && cur.body.length > 0 && /^编者按/.test(cur.body[0].flat)) {
      cur.stack = [...lines];
      return;
    }
    // Headlines first, or nothing open to take it: it heads what follows.
    this.close();
    this.#open().stack = [...lines];
  }

  #openPhotoNews(): void {
    this.close();
    this.#photoNews = true;
    this.#titlesAfter = null;
  }

  #addInner(lines: readonly StackLine[]): void {
    const cur = this.#cur;
    // Headlines after: right after text that has ended (signed off, or sent on to another page)
    // a headline-like line is that text's headline, whatever follows it.
    if (this.#orient === 'headline-after' && cur && cur.ended && cur.body.length > 0 && !cur.stack) {
      this.#addStack(lines);
      return;
    }
    if (cur && cur.stack && cur.body.length === 0) {
      // The first line under a headline is body text.
      for (const s of lines) cur.body.push(s.line);
      return;
    }
    const untitledStart = cur === null || (cur.body.length === 0 && !cur.stack) || cur.ended;
    if (untitledStart && this.#orient === 'headline-before') {
      // Headlines first: a headline-like line before running text heads it.
      this.close();
      this.#open().stack = [...lines];
      return;
    }
    const d = untitledStart ? this.#openForText() : this.#open();
    // Headlines after: a short line opening the text is that text's first line; inside the
    // text it may be a section head or a hidden headline, weighed by splitHidden.
    if (!untitledStart) d.inner.push({ at: d.body.length, lines });
    for (const s of lines) d.body.push(s.line);
  }
}
