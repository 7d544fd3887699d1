/**
 * Photo captions and their credits: `图①…`, `拼版照片：左图为…`, `右图为…`, and credits such as
 * `（新华社记者 曹阳 摄）` or `记者 张文慧 摄`. A group of numbered captions may share one credit,
 * printed once after the last caption.
 */
import { type PageLine, endsSentence } from './lines';
import type { JumpLine } from './model';
import { readCreditPeople } from './people';
import { hasCode, isLatinCapital } from './text';
import { isHeadingLike, lineKind } from './classify';
import { clearlyShorter } from './columns';

/** How a caption starts: a photo marker at the start of the line. */
const CAPTION_START =
  /^(?:拼版照片|组图|图?\s*[①-⑳]|图\s*\d{1,2}(?=\s*[：:\s\u4e00-\u9fff])(?![年月日])|图[一二三四五六七八九十](?=[：:\s])|[左右上下中]图(?:为|：|:)?|图为|▲|△)/;

/** A credit at the end of a line, bracketed or not. Group 1 is the credit without brackets. */
const CREDIT_BRACKETED = /[（(]\s*([^（）()]{0,30}?(?:摄影?|新华社发|供图))\s*[）)]\s*$/;
/**
 * An agency that sent the photo, set right before the bracket that names its photographer:
 * `新华社发（王伟 摄）`. It is part of the credit.
 */
const AGENCY_BEFORE_BRACKET = /[\u4e00-\u9fff]{1,4}社发\s{0,2}$/;
/**
 * The title a credit names its photographer by, the paper's or agency's name and the grade
 * kept with it: `本报记者`, `新华社记者`, `本报见习记者`, `本报全媒体记者`, `通讯员`, `本报实习生`.
 */
const CREDIT_TITLE =
  '(?:(?:新华社|中新社|本报)?(?:全媒体|融媒体|首席|特约|见习|驻站)?(?:摄影)?记者|(?:本报)?(?:特约)?通讯员|(?:本报)?实习生)';
/**
 * One name in a credit: up to four characters (a letter-spaced name's characters are names each
 * here), or a transliterated name, longer but joined by its dots (`约翰·奥凯约`).
 */
const CREDIT_NAME = '(?:[\\u4e00-\\u9fff]{1,8}(?:[·•・‧][\\u4e00-\\u9fff]{1,8}){1,3}|[\\u4e00-\\u9fff·]{1,4})';
/** Whom a credit names: a title (or none), then up to four names. */
const CREDIT_NAMES = `(?:${CREDIT_TITLE})?\\s{0,4}${CREDIT_NAME}(?:\\s{1,4}${CREDIT_NAME}){0,3}`;
/** A credit that ends in its verb: `记者 张文慧 摄`, `本报记者 李明 摄影`, `通讯员 刘芳 供图` (provided the photo). */
const CREDIT_PLAIN = new RegExp(`(?:^|[\\s。！？”])(${CREDIT_NAMES}\\s{0,4}(?:摄影?|供图))\\s{0,8}$`);
/** A plain credit that names its photographer by a title rather than by a space before its verb. */
const NAMES_BY_TITLE = /\s(?:摄影?|供图)$|记者|通讯员|实习生/;
/** A credit line that is an agency's name and 供图 alone: `视觉中国供图`, `东方IC供图`. */
const AGENCY_CREDIT = /^\s*[\u4e00-\u9fffA-Za-z]{2,10}\s?供图$/;
const AGENCY_CREDIT_MAX = 24;
/** A plain credit's last word: 摄 (photographed), 摄影 or 供图. */
const SHE = '摄'.charCodeAt(0);
const YING = '影'.charCodeAt(0);
const GONG = '供'.charCodeAt(0);
const TU = '图'.charCodeAt(0);

/** The line ends in 摄, 摄影 or 供图: asked of every line, by its last characters. */
function endsInPhotoVerb(s: string): boolean {
  const last = s.charCodeAt(s.length - 1);
  const before = s.charCodeAt(s.length - 2);
  return last === SHE || (last === YING && before === SHE) || (last === TU && before === GONG);
}
/**
 * A short photo news signed by who wrote its text and took its photo: `图/文 记者 李明`,
 * `文/图 本报记者 李明`. Group 1 is the credit.
 */
const TEXT_AND_PHOTO_CREDIT = new RegExp(`(?:^|[\\s。！？”])((?:图\\s*[/／]\\s*文|文\\s*[/／]\\s*图|图(?=\\s*[/／]))\\s{0,4}[：:/／]?\\s{0,4}${CREDIT_NAMES})\\s{0,8}$`);
/** How a text-and-photo credit starts. */
export const TEXT_AND_PHOTO = /^(?:图\s*[/／]\s*文|文\s*[/／]\s*图)/;
/**
 * A credit that names its photographer after the word, alone on its line: `摄影：李明`,
 * `摄影 李明`. A line of prose that starts with 摄影 runs on past a few names.
 */
const PHOTO_BY_CREDIT = new RegExp(`^\\s*(摄影\\s{0,4}[：:\\s]\\s{0,4}${CREDIT_NAMES})\\s{0,8}$`);
/**
 * An English credit at the end of a caption: in round brackets, `(Photo: Jane Roe/AP)`, `(AP
 * Photo/Charles Krupa)`, or square ones as China Daily sets them, `[Photo/Xinhua]`, `[Photo by
 * SUN ZHIPENG / HEYANG DAILY]`; or bare, `Photo by Jane Roe`, `PHOTO / XINHUA`.
 */
const CREDIT_ENGLISH =
  /[([]\s*((?:[A-Z][\w.'-]*\s?){1,4}\/\s*[A-Z][\w ]{1,30}|(?:Photo|Photograph|Image)\s*:?\s*[^)\]]{2,40})\s*[)\]]\s*$|(?:^|\s)((?:Photo|Photograph)s? by [A-Z][\w .'-]{2,40}|(?:PHOTO|Photo)S?\s*\/\s*[A-Z][\w .'-]{1,30})\s*$/;

export interface CaptionCredit {
  readonly credit: string;
  /** Offset in the line where the credit (with its bracket) begins. */
  readonly start: number;
}

export function findCredit(raw: string): CaptionCredit | null {
  const trimmed = raw.trimEnd();
  // Every line of a page is asked; the patterns run only where their last character allows.
  const closes = trimmed.endsWith('）') || trimmed.endsWith(')');
  let m = closes ? CREDIT_BRACKETED.exec(trimmed) : null;
  if (m) return bracketedCredit(trimmed, m[1].trim(), m.index);
  // Only a line that ends in 摄 can carry a plain credit; the test keeps the regex off the rest.
  m = endsInPhotoVerb(trimmed) ? CREDIT_PLAIN.exec(trimmed) : null;
  if (m) {
    const credit = m[1].trim();
    // `记者 张文慧 摄` needs a name; a bare verb ending a sentence (`拍摄`) is no credit.
    if (NAMES_BY_TITLE.test(credit) && readCreditPeople(credit).length > 0) {
      return { credit, start: m.index + m[0].indexOf(m[1]) };
    }
  }
  // A picture agency's or library's credit alone on its line names no one: `视觉中国供图`.
  if (trimmed.length <= AGENCY_CREDIT_MAX && trimmed.endsWith('供图') && AGENCY_CREDIT.test(trimmed)) {
    const start = trimmed.length - trimmed.trimStart().length;
    return { credit: trimmed.slice(start), start };
  }
  // Credits that name after their word: only a line with a slash, or one that opens with 摄影,
  // can hold one.
  m = hasSlash(trimmed) ? TEXT_AND_PHOTO_CREDIT.exec(trimmed) : null;
  m ??= trimmed.trimStart().startsWith('摄影') ? PHOTO_BY_CREDIT.exec(trimmed) : null;
  if (m && readCreditPeople(m[1]).length > 0) return { credit: m[1].trim(), start: m.index + m[0].indexOf(m[1]) };
  // An English credit ends in an ASCII character: a line of Han text ends otherwise, and pays no search.
  m = endsInAscii(trimmed) && (trimmed.endsWith(')') || trimmed.includes('Photo') || trimmed.includes('PHOTO')) ? CREDIT_ENGLISH.exec(trimmed) : null;
  if (m) {
    const credit = (m[1] ?? m[2]).trim();
    // A bracketed credit starts at its bracket.
    return { credit, start: m[1] !== undefined ? m.index : m.index + m[0].indexOf(credit) };
  }
  return null;
}

/** A slash, half or full width, anywhere in the line: one pass for both. */
function hasSlash(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x2f || c === 0xff0f) return true;
  }
  return false;
}

function endsInAscii(s: string): boolean {
  return s.length > 0 && s.charCodeAt(s.length - 1) < 0x80;
}

/** A bracketed credit, with the agency set right before its bracket when there is one. */
function bracketedCredit(line: string, inside: string, bracketAt: number): CaptionCredit {
  const agency = AGENCY_BEFORE_BRACKET.exec(line.slice(0, bracketAt));
  if (!agency) return { credit: inside, start: bracketAt };
  return { credit: line.slice(agency.index, bracketAt).trim() + line.slice(bracketAt), start: agency.index };
}

/** A photo verb alone on its line: a credit wrapped before its last word. */
const LONE_VERB = /^摄影?$/;

/**
 * A credit whose verb wrapped onto a line of its own (`…带动村集体年增收 40余万元。 通讯员 司 琪` /
 * `摄`), read at the verb's line as a credit alone there. Not kept on the line: it depends on the
 * line above, which an edit may change alone.
 */
function wrappedVerbCredit(nonBlank: readonly PageLine[], i: number, step: number): CaptionCredit | null {
  const l = nonBlank[i];
  const above = nonBlank[i - 1];
  if (!LONE_VERB.test(l.flat) || above === undefined || l.n - above.n > step) return null;
  const joined = findCredit(`${above.raw.trimEnd()} ${l.flat}`);
  return joined && joined.start > 0 ? { credit: joined.credit, start: l.indent } : null;
}

/** A line's credit, kept on the line: every line of a page is asked, some more than once. */
function lineCredit(l: PageLine): CaptionCredit | null {
  if (l.credit === undefined) l.credit = findCredit(l.raw);
  return l.credit;
}

function lineMarker(l: PageLine): string | null {
  if (l.captionMarker === undefined) l.captionMarker = captionMarker(l.flat);
  return l.captionMarker;
}

/** Whether `next` holds a credit that closes the caption above it (for a bare number, one alone on its line). */
function creditBelow(next: PageLine, bare: boolean): boolean {
  const credit = lineCredit(next);
  return credit !== null && (!bare || credit.start <= next.indent);
}

/** Every character CAPTION_START can start with. */
const CAPTION_FIRSTS = '拼组图左右上下中▲△①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
/**
 * A bare circled number (`①村民将香椿分拣装箱。`), without 图 before it. Running text numbers
 * its points so too: such a caption stands only with a credit, its own or its group's.
 */
const BARE_CIRCLED = /^[①-⑳]$/;

function captionMarker(flat: string): string | null {
  if (flat.length === 0 || !hasCode(CAPTION_FIRSTS, flat.charCodeAt(0))) return null;
  const m = CAPTION_START.exec(flat);
  return m ? m[0].replace(/[为：:\s]+$/, '') || m[0] : null;
}

/**
 * A credit that says who took, gave or released the photo (an agency releases it: `新华社发`),
 * which alone closes a caption without a marker.
 */
const PHOTOGRAPHER_CREDIT = /摄|供图|社发|Photo|\//i;

/** Longest caption we follow before giving up on finding its credit. */
const MAX_CAPTION_LINES = 6;

/** How many lines an unmarked caption may run back from its credit. */
const MAX_UNMARKED_LINES = 3;
const SENTENCE_END = /[。！？.!?”]$/;

/**
 * Captions without a marker, known by a photographer's credit at their end:
 * `…在村里走访。（新华社记者 曹阳 摄）`, `… on Thursday. (Photo: Jane Roe/AP)`, or on a line of
 * its own under the caption (`记者 张文慧 摄`). `step` is how far apart two lines of one text
 * stand: 1, or 2 where the extraction sets a blank line after every line.
 */
function unmarkedCaptions(
  nonBlank: readonly PageLine[],
  marked: readonly { first: number; last: number }[],
  step: number,
  textEnds: ReadonlySet<number>,
): { first: number; last: number; marker: null; credit: string }[] {
  const out: { first: number; last: number; marker: null; credit: string }[] = [];
  const inCaption = new Set<number>();
  for (const b of marked) for (let n = b.first; n <= b.last; n++) inCaption.add(n);
  const taken = (n: number) => inCaption.has(n);
  for (let i = 0; i < nonBlank.length; i++) {
    const credit = lineCredit(nonBlank[i]) ?? wrappedVerbCredit(nonBlank, i, step);
    if (!credit || taken(nonBlank[i].n) || !PHOTOGRAPHER_CREDIT.test(credit.credit)) continue;
    let k = i;
    // A credit alone on its line closes the caption above it, whose last line ends a sentence.
    const alone = credit.start <= nonBlank[i].indent;
    // `文/图 记者 李明` signs the text of a short photo news, which runs longer than a caption.
    // Under a headline rather than under the end of a text, it is an article's byline.
    const story = TEXT_AND_PHOTO.test(credit.credit);
    if (alone && story && (i === 0 || !endsSentence(nonBlank[i - 1].flat))) continue;
    // Only lines set directly above it (no blank line between) continue the caption.
    const continues = (k: number): boolean =>
      k > 0 &&
      nonBlank[k].n - nonBlank[k - 1].n <= step &&
      !taken(nonBlank[k - 1].n) &&
      !textEnds.has(nonBlank[k - 1].n) &&
      ((alone && k === i) || !SENTENCE_END.test(nonBlank[k - 1].flat)) &&
      !closesAboveCaption(nonBlank[k - 1], nonBlank[k]);
    const longest = story ? MAX_CAPTION_LINES : MAX_UNMARKED_LINES;
    while (i - k < longest && continues(k)) k--;
    // A credit alone under text that runs on past the longest caption closes no caption of its
    // own: the lines above are an article's, and the photo has the credit alone.
    if (alone && continues(k)) k = i;
    out.push({ first: nonBlank[k].n, last: nonBlank[i].n, marker: null, credit: credit.credit });
    for (let n = nonBlank[k].n; n <= nonBlank[i].n; n++) inCaption.add(n);
  }
  return out;
}

/**
 * The lines a jump ends (`…更大贡献。 （下转2版）`, or `（下转2版）` alone): the text above
 * stops there, and a caption under it does not run back over it.
 */
function linesEndingInJump(lines: readonly PageLine[], jumps: readonly JumpLine[]): Set<number> {
  const out = new Set<number>();
  for (const j of jumps) {
    const end = j.range.end;
    if (lines[end.line]?.raw.slice(end.character).trim() === '') out.add(end.line);
  }
  return out;
}

/**
 * A title over a caption (`春耕正当时` over `5月6日，孝义市…`): heading-like and clearly shorter
 * than the caption's first line under it.
 */
function headsCaption(line: PageLine, below: PageLine): boolean {
  return isHeadingLike(line) && (clearlyShorter(line.width, below.width) || headsEnglishSentence(line, below) || CAPTION_OPENING.test(below.flat));
}

/**
 * How a caption's first sentence opens: with the day the photo was taken (`9月15日，游客在…`) or
 * by pointing at the photo (`图为…`, `上图：`). A headline-like line above such a line is no part
 * of its caption.
 */
const CAPTION_OPENING = /^(?:\d{1,2}月\d{1,2}日[，,]|图为|[上下左右中]图[：:])/;

/**
 * An English head over a caption's first sentence (`Railways Log 68.7m Trips Over Holiday` over
 * `A girl carries a rabbit lantern at a`): a head is set larger, so its characters tell nothing
 * of its width, but a caption's wrapped line in Title Case seldom runs on into a capital.
 */
function headsEnglishSentence(line: PageLine, below: PageLine): boolean {
  return isLatinCapital(line.flat.charCodeAt(0)) && isLatinCapital(below.flat.charCodeAt(0));
}

/**
 * A line a caption running back from its credit never takes: a title over it, whether it heads
 * the photo or the text set above (a headline after its body), and a byline (`□ 陈晓岚`) or a
 * source line (`XINHUA`), which sign the text above. None ends a sentence, so only their kind
 * stops the caption there.
 */
function closesAboveCaption(line: PageLine, below: PageLine): boolean {
  if (headsCaption(line, below)) return true;
  const kind = lineKind(line);
  return kind === 'byline' || kind === 'source';
}

export interface PhotoBlock {
  /** Line numbers of the caption, first to last (blank lines inside are not counted). */
  readonly first: number;
  readonly last: number;
  readonly marker: string | null;
  readonly credit: string | null;
  /** True when the credit was printed on this caption rather than shared from the group. */
  readonly ownCredit: boolean;
}

/**
 * Finds photo captions. A caption runs from its marker to the line that carries its credit,
 * or to the line before the next marker. Numbered captions with no credit of their own take
 * the credit printed after the last caption of their group.
 */
export function findPhotoBlocks(lines: readonly PageLine[], jumps: readonly JumpLine[]): PhotoBlock[] {
  const nonBlank = lines.filter((l) => !l.blank);
  const blocks: { first: number; last: number; marker: string | null; credit: string | null }[] = [];
  for (let i = 0; i < nonBlank.length; i++) {
    const marker = lineMarker(nonBlank[i]);
    if (!marker) continue;
    let j = i;
    let credit = lineCredit(nonBlank[j]);
    const bare = BARE_CIRCLED.test(marker);
    while (!credit && j + 1 < nonBlank.length && j - i + 1 < MAX_CAPTION_LINES && !lineMarker(nonBlank[j + 1])) {
      // A caption ends at its credit; a sentence end followed by another marker also ends it.
      // After a bare number's sentence, only a credit alone on its line is the caption's: a
      // credited caption there follows a numbered point of running text.
      if (/[。！？]["”’]*\s*$/.test(nonBlank[j].flat) && !creditBelow(nonBlank[j + 1], bare)) break;
      j++;
      credit = lineCredit(nonBlank[j]);
    }
    if (!credit && !/[。！？]["”’]*$/.test(nonBlank[j].flat) && j > i) j = i;
    blocks.push({ first: nonBlank[i].n, last: nonBlank[j].n, marker, credit: credit?.credit ?? null });
    i = j;
  }
  // Extraction that sets a blank line after every line: two lines of one text stand two apart.
  const step = nonBlank.length > 0 && lines.length - nonBlank.length >= nonBlank.length * 0.8 ? 2 : 1;
  blocks.push(...unmarkedCaptions(nonBlank, blocks, step, linesEndingInJump(lines, jumps)));
  blocks.sort((a, b) => a.first - b.first);
  // Share a group's credit backwards over the captions that have none.
  const out: PhotoBlock[] = [];
  let shared: string | null = null;
  // A bare number shares only the credit of its group's last caption, a bare number too.
  let sharedByBare = false;
  for (let k = blocks.length - 1; k >= 0; k--) {
    const b = blocks[k];
    const next = blocks[k + 1];
    const adjacent = next !== undefined && next.first - b.last <= 3;
    const bare = b.marker !== null && BARE_CIRCLED.test(b.marker);
    if (b.credit) {
      shared = b.credit;
      sharedByBare = bare;
    } else if (!adjacent) shared = null;
    const credit = b.credit ?? (bare && !sharedByBare ? null : shared);
    if (credit === null && bare) continue;
    out.push({ ...b, credit, ownCredit: b.credit !== null });
  }
  return out.reverse();
}
