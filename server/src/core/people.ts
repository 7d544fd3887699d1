/**
 * People named by datelines, bylines, trailing author brackets and photo credits.
 *
 * Names are read from the raw text, not the de-spaced one: the space between `王富贵 苏凤凤`
 * separates two people, while the spaces of justified text (`刘 丽 霞`) or a padded two
 * character name (`王 群`) sit inside one name.
 */
import type { Person, PersonRole, Range } from './model';
import { isWhitespace, type LineIndex } from './text';

const ROLE_WORDS: readonly [RegExp, PersonRole][] = [
  [/^(?:本报|新华社|中新社|人民日报)?(?:全媒体|融媒体|首席|特约|见习|驻站)?摄影记者$/, 'photographer'],
  [/^(?:本报|新华社|中新社|人民日报|央视)?(?:全媒体|融媒体|首席|特约|见习|驻站|通讯)?记者$/, 'reporter'],
  [/^(?:本报)?(?:特约)?通讯员$/, 'correspondent'],
  [/^实习生$/, 'intern'],
  [/^(?:本版)?(?:(?:责任|图片|美术|版面)?编辑|责编|校对|美编|主编|审(?:核|校)|版式(?:设计)?|组版|排版|值班(?:编委|主任))$/, 'editor'],
  [/^摄影?$/, 'photographer'],
  // The author by a label (`作者：桑榆`), and the expert who answers a reader's question (`解答律师：邵振华`).
  [/^(?:解答|答疑|释法|讲解)(?:律师|法官|专家|医生|嘉宾)$|^作者$/, 'author'],
];

/** Matches a role word anywhere in de-spaced text, longest spellings first. */
const ROLE_IN_TEXT =
  /(?:本报|新华社|中新社|人民日报|央视)?(?:全媒体|融媒体|首席|特约|见习|驻站)?(?:摄影记者|记者|通讯员)|实习生|(?:本版)?(?:(?:责任|图片|美术|版面)?编辑|责编|校对|美编|主编|版式(?:设计)?|组版|排版|值班(?:编委|主任))/g;

/** A credit's closing verb: 摄 or 摄影 (photographed), 摄影报道 (photographs and report by). */
const PHOTO_VERB_AT_END = /摄(?:影(?:报道)?)?\s*[）)]?\s*$/;
/**
 * The verb a credit ends in, photo or report (`记者 张晓东 报道`, `记者张晓东报道：`) or what the
 * named did to the text (`本报记者 周敏 整理`): no name, and set close to the name as often as
 * apart from it.
 */
const CREDIT_VERB_AT_END = /\s*(?:摄(?:影(?:报道)?)?|报道|整理|编译|撰文|执笔)\s*[：:]?\s*$/;

/**
 * A Chinese name, or a transliterated foreign one whose parts a middle dot separates
 * (`拉赫尔·帕特拉索`, `阿依古丽·买买提`): longer than any Chinese name, but only with its dots.
 */
const HAN_NAME = /^[\u4e00-\u9fff·•]{2,5}$|^[\u4e00-\u9fff]{1,8}(?:[·•・‧][\u4e00-\u9fff]{1,8}){1,3}$/;
const LATIN_NAME = /^[A-Z][A-Za-z.'-]+(?: [A-Z][A-Za-z.'-]+){0,3}$/;

function roleOf(word: string): PersonRole | null {
  for (const [re, role] of ROLE_WORDS) if (re.test(word)) return role;
  return null;
}

const HAN_CHAR = /[\u4e00-\u9fff]/;
/** The title an official signs by: `县委书记`, `市长`, `局长`. */
export const OFFICIAL_TITLE = '(?:书记|县长|市长|区长|镇长|乡长|主任|局长|部长|厅长|主席|校长|院长|所长|站长|董事长|总经理|经理)';
/**
 * Words no name holds: a run that holds one is a source, a title (`县委书记`) or a contact's label
 * beside the names (`新闻热线`), never two padded names.
 */
const NOT_A_NAME = new RegExp(`本报|新华|记者|${OFFICIAL_TITLE}$|(?:热线|电话|邮箱|地址|邮编|传真)$`);
/** A body that signs a story (`（市疾控中心）`): four characters or more, ending as bodies are named. */
const ORGANISATION = /^(?:[\u4e00-\u9fff]{3,}[局委厅办院所站队]|[\u4e00-\u9fff]{2,}(?:中心|协会|学会|公司|银行|集团|政府|大学|学校|医院))$/;

/**
 * Splits whitespace-separated tokens into names. Runs of single Han characters are one name:
 * they are the letters of justified text or a padded two-character name.
 */
function mergeSingles(tokens: string[]): string[] {
  const out: string[] = [];
  let run = '';
  for (const t of tokens) {
    if ([...t].length === 1 && HAN_CHAR.test(t)) run += t;
    else {
      if (run) out.push(...splitRun(run));
      run = '';
      out.push(t);
    }
  }
  if (run) out.push(...splitRun(run));
  return out;
}

/**
 * The words of a run of single characters: a letter-spaced credit runs its role words and names
 * together (`记 者 任 丽 娟 通 讯 员` is `记者` `任丽娟` `通讯员`), so each role word ends a name.
 */
function splitRun(run: string): string[] {
  const out: string[] = [];
  let from = 0;
  ROLE_IN_TEXT.lastIndex = 0;
  for (let m = ROLE_IN_TEXT.exec(run); m; m = ROLE_IN_TEXT.exec(run)) {
    if (m.index > from) out.push(...paddedPair(run.slice(from, m.index)));
    out.push(m[0]);
    from = m.index + m[0].length;
  }
  if (from < run.length) out.push(...paddedPair(run.slice(from)));
  return out;
}

/**
 * Four single characters are two padded two-character names side by side (`王 琳 李 浩`):
 * four-character personal names are rare, while `王 琳` is how a two-character name is set.
 */
function paddedPair(name: string): string[] {
  const chars = [...name];
  if (chars.length !== 4 || NOT_A_NAME.test(name)) return [name];
  return [chars.slice(0, 2).join(''), chars.slice(2).join('')];
}

export interface NamedPerson {
  readonly name: string;
  readonly role: PersonRole;
}

/** A bracket right after a name, without spaces inside: the person's workplace, not more names. */
const AFFILIATION = /(?<=[\u4e00-\u9fff])[（(][^（）()\s]{2,24}[）)]/g;

/**
 * Reads the people in a credit text such as `记者 罗丽 通讯员 安豪`, `本报记者 穆佳妮`,
 * `王富贵 苏凤凤 董艳婷`, `新华社记者 曹阳 摄`. Names without a role word take `defaultRole`.
 */
export function readPeople(text: string, defaultRole: PersonRole): NamedPerson[] {
  // In a photo credit (`记者 张文慧 摄`, `本报记者 任杰 摄影报道`) everyone named took the
  // photo, whatever their title.
  const credit = PHOTO_VERB_AT_END.test(text);
  const cleaned = text
    .replace(/[□■◎●]/g, ' ')
    // Where a named person works, in brackets after the name: `邵振华（澜江市法律援助中心）`.
    .replace(AFFILIATION, ' ')
    .replace(/[（(]\s*$|^\s*[）)]/g, ' ')
    .replace(CREDIT_VERB_AT_END, ' ')
    .replace(/新华社发|新华网发|人民图片|视觉中国|供图|图片由.*提供/g, ' ')
    .replace(WRITER_PHOTOGRAPHER_MARK, ' ')
    .replace(/[：:，,、／/|]/g, ' ');
  const tokens = mergeSingles(cleaned.split(/\s+/).filter(Boolean));
  const people: NamedPerson[] = [];
  let role = defaultRole;
  // A single character left after a role word starts a name the next token ends: justified
  // text re-wrapped as `记 者 刘 丽霞` reads `记者刘` + `丽霞`.
  let pending = '';
  for (const raw of tokens) {
    const token = pending + raw;
    pending = '';
    // A merged token may still start with a role word: `记者刘丽霞` from justified text.
    ROLE_IN_TEXT.lastIndex = 0;
    let rest = token;
    let m: RegExpExecArray | null;
    while ((m = ROLE_IN_TEXT.exec(rest)) && m.index === 0) {
      role = roleOf(m[0]) ?? role;
      rest = rest.slice(m[0].length);
      ROLE_IN_TEXT.lastIndex = 0;
    }
    if (!rest) continue;
    if ([...rest].length === 1 && HAN_CHAR.test(rest)) {
      pending = rest;
      continue;
    }
    const whole = roleOf(rest);
    if (whole) {
      role = whole;
      continue;
    }
    if (HAN_NAME.test(rest) && !NOT_A_NAME.test(rest) && !ORGANISATION.test(rest)) people.push({ name: rest, role: credit ? 'photographer' : role });
  }
  return people;
}

/** What stands between the words of a credit. */
const CREDIT_WORD_BREAK = /[\s：:，,、／/|]+/;
const HAN_WORD = /^[\u4e00-\u9fff·]+$/;
/** The most characters a name wrapped over a line break makes: a name is rarely longer. */
const WRAPPED_NAME_MAX = 3;

/**
 * Joins the lines of a credit wrapped over line breaks (`记者 罗丽 通讯员 安` + `豪`). The piece
 * of a name ending one line and the piece starting the next are one name only when together
 * they make at most three characters (`安` + `豪`, `郝` + `建平`); longer, they are two names
 * side by side (`郝建平` + `张敏`), unless they make a body's name (`县农业农村` + `局`). Letter-spaced lines keep a space at the break: their single
 * characters make names as they do inside a line.
 */
export function joinCreditLines(lines: readonly string[], letterSpaced: boolean): string {
  let out = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (!out || !line) out += line;
    else out += !letterSpaced && continuesName(out, line) ? line : ' ' + line;
  }
  return out;
}

/** Whether the credit word ending `before` and the one starting `after` are pieces of one name. */
function continuesName(before: string, after: string): boolean {
  const words = before.split(CREDIT_WORD_BREAK);
  const end = withoutRoleWords(words[words.length - 1]);
  const start = after.split(CREDIT_WORD_BREAK)[0];
  if (!HAN_WORD.test(end) || !HAN_WORD.test(start) || withoutRoleWords(start) !== start) return false;
  // A body's name wrapped before its last word is one word too: `县农业农村` + `局`.
  return [...end].length + [...start].length <= WRAPPED_NAME_MAX || ORGANISATION.test(end + start);
}

/** A word without the role words it starts with: `通讯员郝` is `郝`. */
function withoutRoleWords(word: string): string {
  let rest = word;
  ROLE_IN_TEXT.lastIndex = 0;
  for (let m = ROLE_IN_TEXT.exec(rest); m && m.index === 0; m = ROLE_IN_TEXT.exec(rest)) {
    rest = rest.slice(m[0].length);
    ROLE_IN_TEXT.lastIndex = 0;
  }
  return rest;
}

/**
 * What marks who wrote and who photographed: `文/图` and `图/文` (one person did both), or
 * `文/` and `图/` each before a name.
 */
const WRITER_PHOTOGRAPHER_MARK = /(?:图\s*[/／|]\s*文|文\s*[/／|]\s*图)|[文图]\s*[/／|]\s*/g;

/** The brackets of an agency's credit, `新华社发（王伟 摄）`: they only set the name apart. */
const CREDIT_BRACKETS = /[（）()]/g;

/**
 * The people a photo credit names. Everyone it names took the photo, whatever their title:
 * `本报记者 李明 摄`, `通讯员 刘芳 供图`, `文/图 记者 李明` (who wrote the text took the photo).
 */
export function readCreditPeople(credit: string): NamedPerson[] {
  return readPeople(credit.replace(CREDIT_BRACKETS, ' '), 'photographer').map((p) => ({ name: p.name, role: 'photographer' }));
}

/** The place a byline's reporters file from, after their names: ` in Xiling, Heyang`. */
const FILED_FROM = /\s+in\s+[A-Z].*$/;

/**
 * English bylines: `By Jane Doe and John Roe`, `By ASSOCIATED PRESS`, and China Daily's `By ZHAO
 * YING in Xiling, Heyang`. Who files from a place is the paper's reporter there (as `本报记者`
 * before a Chinese dispatch); the place names no one.
 */
export function readEnglishByline(text: string): NamedPerson[] {
  const m = /^\s*By\s+(.+?)\s*$/i.exec(text);
  if (!m) return [];
  const names = m[1].replace(FILED_FROM, '');
  const role: PersonRole = names.length < m[1].length ? 'reporter' : 'author';
  return names
    .split(/\s*(?:,|\band\b|&)\s*/i)
    .map((s) => s.trim())
    .filter((s) => LATIN_NAME.test(s) || /^[A-Z .'-]{3,40}$/.test(s))
    .map((name) => ({ name, role }));
}

/** A wire story's closing credits: `(Reporting by Kenji Mori; Editing by Clara Voss)`. */
const WIRE_CREDITS = /^\((?:(?:Additional )?[Rr]eporting|Writing|Editing) by [^()]+\)$/;
const WIRE_CREDIT = /\b(Reporting|Writing|Editing) by ([^;)]+)/gi;

/** The people of a wire story's closing credits, or null when the line is none. */
export function readWireCredits(flat: string): NamedPerson[] | null {
  if (!flat.startsWith('(') || !WIRE_CREDITS.test(flat)) return null;
  const people: NamedPerson[] = [];
  for (const m of flat.matchAll(WIRE_CREDIT)) {
    const role: PersonRole = m[1].toLowerCase() === 'editing' ? 'editor' : 'reporter';
    for (const name of m[2].split(/\s*(?:,|\band\b|&)\s*/)) if (LATIN_NAME.test(name.trim())) people.push({ name: name.trim(), role });
  }
  return people;
}

const AGENCY_PHOTO = /\b(?:Photo|Photos|Images?)\s*\/\s*([A-Z][\w.'-]+(?: [A-Z][\w.'-]+){1,3})/;
const NAME_SLASH_OR_BY = /([A-Z][\w.'-]+(?: [A-Z][\w.'-]+){1,3})\s*\/|\bby ([A-Z][\w.'-]+(?: [A-Z][\w.'-]+){1,3})/;
/**
 * The photographer of an English credit: `Photo: Jane Roe/AP`, `Jane Roe/Reuters`, `Photo by
 * Jane Roe`, and the agency style that names the photographer after the slash, `AP Photo/Jane Roe`.
 */
export function readEnglishCredit(text: string): NamedPerson[] {
  const m = AGENCY_PHOTO.exec(text) ?? NAME_SLASH_OR_BY.exec(text);
  return m ? [{ name: (m[1] ?? m[2]).trim(), role: 'photographer' }] : [];
}

/**
 * Gives each person the range of their own name inside the credit that names them, the
 * characters of the name allowed to stand apart (`刘 丽` + line break + `霞`). A name that
 * cannot be found keeps the credit's range.
 */
export function withRange(people: readonly NamedPerson[], within: Range, index: LineIndex): Person[] {
  const from = index.offsetAt(within.start);
  const to = index.offsetAt(within.end);
  let cursor = from;
  return people.map((p) => {
    const found = findSpaced(index.text, p.name, cursor, to);
    if (!found) return { ...p, range: within };
    cursor = found.end;
    return { ...p, range: index.rangeOf(found.start, found.end) };
  });
}

/** The most whitespace that may stand between two characters of a name. */
const MAX_GAP = 4;

/**
 * The first place in text[from, to) that holds `name`, each of its characters (code points)
 * allowed MAX_GAP whitespace characters apart. A search, not a pattern made per name: a page
 * names hundreds of people, and compiling a pattern for each cost more than the search.
 */
function findSpaced(text: string, name: string, from: number, to: number): { start: number; end: number } | null {
  if (name.length === 0) return null;
  for (let start = from; start < to; start++) {
    let at = start;
    let k = 0;
    while (k < name.length && at < to) {
      // Spaces only between code points: a surrogate pair's halves stand together.
      if (k > 0 && !isLowSurrogate(name.charCodeAt(k))) {
        let gap = 0;
        while (gap < MAX_GAP && at < to && isWhitespace(text.charCodeAt(at)) && text.charCodeAt(at) !== name.charCodeAt(k)) {
          at++;
          gap++;
        }
      }
      if (text.charCodeAt(at) !== name.charCodeAt(k)) break;
      at++;
      k++;
    }
    if (k === name.length) return { start, end: at };
  }
  return null;
}

const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;
