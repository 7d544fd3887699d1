/**
 * What a layout system or e-paper prints above a page's articles: the page header (`第04版：综合`,
 * `A4 要闻`, `2024年5月8日 星期三 第3版 综合新闻`), the date, the section's name (`县区新闻`), and on
 * a front page the masthead block (`吕梁日报`, `LVLIANG RIBAO`, `中共吕梁市委机关报`,
 * `国内统一连续出版物号 CN14-0031`, `农历甲辰年四月初一 今日8版`). Headers print their fields in
 * any order, parted by spaces or bars, so a header is read field by field.
 */
import type { PageLine } from './lines';
import { EDITOR_ROLE } from './classify';

const DATE = '(?:\\d{4}\\s*年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日|\\d{4}[.．]\\d{1,2}[.．]\\d{1,2})';
// A county paper may call itself plain 报: `芸溪报`.
const MASTHEAD_NAME = '(?:[\\u4e00-\\u9fff]{2,8}(?:日报|晚报|时报|商报|都市报|周报|早报|法制报|青年报)|[\\u4e00-\\u9fff]{2,3}报)';
/** A paper's name romanised, as Chinese mastheads print it: `LVLIANG RIBAO`. */
const PINYIN_MASTHEAD = '[A-Z]{2,12}(?:\\s+[A-Z]{2,12}){0,2}\\s+(?:RIBAO|WANBAO|SHIBAO|ZHOUBAO|CHENBAO|DUSHIBAO|EVENING NEWS|DAILY|NEWS|TIMES|POST|HERALD)';
/** A date as English headers print it: `THURSDAY, OCTOBER 23, 2025`, `Thursday, Oct. 23, 2025`. */
const ENGLISH_DATE =
  '(?:(?:MON|TUES|WEDNES|THURS|FRI|SATUR|SUN)DAY|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day),?\\s+(?:[A-Z][A-Za-z]{2,8}\\.?)\\s+\\d{1,2},?\\s+\\d{4}';

const MASTHEAD = new RegExp(`^${MASTHEAD_NAME}$|^${PINYIN_MASTHEAD}$|^The\\s+(?:[A-Z][a-z]+\\s+){1,3}(?:Times|Post|Herald|Journal|Daily|News|Tribune|Gazette)$`);
const PAGE_HEADER =
  /^[\u4e00-\u9fff]{2,6}\s*[·•|｜]\s*([A-Z]?\d{1,2})$|^([A-Z]?\d{1,2})$|^第\s*([0-9０-９]{1,3}|[一二三四五六七八九十]{1,3})\s*版(?:\s*[：:|｜]?\s*\S{0,12})?$|^([A-Z]?\d{1,2})\s*(?:版)?\s*[|｜]?\s*[\u4e00-\u9fff]{2,6}(?:[·•][\u4e00-\u9fff]{2,6})?(?:\s*[|｜]\s*\S{0,12})?$|^PAGE\s+([A-Z]?\d{1,3})$|^([A-Z]?\d{1,2})\s*[|｜]\s*[A-Z][A-Za-z &]{2,30}$/i;
const DATE_LINE = new RegExp(`^${DATE}(?:\\s*星期[一二三四五六日天])?(?:\\s*[\\u4e00-\\u9fff]{0,8})?$`);
const DATE_FIELD = new RegExp(`${DATE}(?:\\s*星期[一二三四五六日天])?`);

/** The fields a header prints besides its page number and the section's name. */
const HEADER_FIELDS = new RegExp(
  [
    DATE,
    '(?:星期|周)[一二三四五六日天]',
    '农历[\\u4e00-\\u9fff]{2,12}',
    '今日\\s*\\d{1,2}\\s*版',
    '总?第\\s*\\d{1,6}\\s*期',
    'CN\\s*\\d{2}\\s*[-－]\\s*\\d{4}(?:\\s*/\\s*[A-Z]{1,2})?',
    '国内统一连续出版物号',
    '邮发代号\\s*[：:]?\\s*\\d{1,2}\\s*[-－]\\s*\\d{1,4}',
    '[\\u4e00-\\u9fff]{2,12}机关报',
    '[\\u4e00-\\u9fff]{2,12}主管主办',
    '[\\u4e00-\\u9fff]{2,10}社出版',
    // The lunar date without 农历: `乙巳年三月十二`.
    '[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥]年[正一二三四五六七八九十冬腊]{1,2}月[初十廿卅一二三四五六七八九]{1,3}',
    '第\\s*\\d{1,6}\\s*号',
    // The day's weather a front page prints under its masthead: `今日天气：多云 14℃～22℃ 东南风3级`.
    '[今明]日天气\\s*[：:]?\\s*[\\u4e00-\\u9fff]{1,8}',
    '-?\\d{1,2}\\s*℃(?:\\s*[～~\\-－至]\\s*-?\\d{1,2}\\s*℃)?',
    '[东南西北]{1,2}风\\s*\\d{1,2}(?:\\s*[～~\\-－至]\\s*\\d{1,2})?\\s*级',
    // The paper's telephone lines and licence under its masthead: `新闻热线：0593-2736111`.
    '[\\u4e00-\\u9fff]{0,6}热线\\s*[：:]?\\s*\\d[\\d\\-－ ]{6,16}\\d',
    '[\\u4e00-\\u9fff]{0,4}许可证\\s*[：:]\\s*\\S{2,24}',
    // The paper's website: `苍岭日报网 www.clrb.cn`.
    '(?:[\\u4e00-\\u9fff]{2,8}网\\s*)?(?:https?://)?www\\.[\\w-]+(?:\\.[\\w-]+)+',
    // The page's editors, printed in its header: `责任编辑：宁 远`.
    // (A name the colon follows is whom a letter greets: `编辑同志：`.)
    `${EDITOR_ROLE}\\s*[：:/／]?\\s*(?:[\\u4e00-\\u9fff]\\s[\\u4e00-\\u9fff](?![\\u4e00-\\u9fff])|[\\u4e00-\\u9fff]{2,4})(?![：:])`,
    ENGLISH_DATE,
    MASTHEAD_NAME,
    PINYIN_MASTHEAD,
  ].join('|'),
  'g',
);
const PAGE_FIELD = /第\s*([0-9０-９]{1,3}|[一二三四五六七八九十]{1,3})\s*版/;
const EDITOR_WORD = new RegExp(EDITOR_ROLE);
/** What parts a header's fields. */
const FIELD_GAP = /[\s|｜:：·•/／]+/;
/** What parts a header's words: a dot joins a section's two names (`经济·数据`). */
const WORD_GAP = /[\s|｜:：/／]+/;
/** A section's name beside the page number: `综合新闻`, `国内·国际`, or its English one, `ENGLISH NEWS`. */
const SECTION_NAME = /^[\u4e00-\u9fff]{2,8}(?:[·•][\u4e00-\u9fff]{2,8})?$|^[A-Z]{2,12}(?: [A-Z]{2,12}){0,2}$/;
/** A word of a section's English name. */
const CAPITALS = /^[A-Z]{2,12}$/;
/** A header is a short line: a longer one is text that happens to hold a date. */
const MAX_HEADER_CHARS = 60;
/** A header names its section beside the page number, or the page's date beside it: no more words. */
const MAX_HEADER_WORDS = 2;

interface HeaderFields {
  /** How many of HEADER_FIELDS the line holds. */
  readonly fields: number;
  readonly pageId: string | undefined;
  /** What is left: the section's name, or the words of a line that is no header. */
  readonly words: readonly string[];
}

/** A page's number printed alone: `09`, `A4`. */
const BARE_PAGE = /^[A-Z]?\d{1,2}$/;
/** What a field is replaced by while the line is cut into words: a word holding it is no section's name. */
const FIELD_MARK = '\u0001';
const MARKS_ONLY = /^\u0001+$/;

/** Every field holds one of these (B of a romanised masthead, …BAO): a line without any is no header. */
const FIELD_CHARS = /[0-9０-９版期报历星周号主社编证B]/;

/**
 * The line's fields and the words between them. A field glued to other words (`第0期第4版的标题`)
 * leaves a word that is neither a field nor a section's name: the line is no header.
 */
function readFields(raw: string): HeaderFields | null {
  return raw.length > MAX_HEADER_CHARS || !FIELD_CHARS.test(raw) ? null : fieldsOf(raw);
}

function fieldsOf(raw: string): HeaderFields {
  let fields = 0;
  let pageId: string | undefined;
  const marked = raw
    .replace(HEADER_FIELDS, () => {
      fields++;
      return FIELD_MARK;
    })
    .replace(PAGE_FIELD, (_, id: string) => {
      pageId = id;
      return FIELD_MARK;
    });
  let words = joinCapitals(marked.split(WORD_GAP).filter((w) => w.length > 0 && !MARKS_ONLY.test(w)));
  // Beside a date or the paper's name, a number alone is the page's: `江州日报 2024年6月12日 财经 09`.
  const bare = fields > 0 && pageId === undefined ? words.filter((w) => BARE_PAGE.test(w)) : [];
  if (bare.length === 1) {
    pageId = bare[0];
    words = words.filter((w) => w !== bare[0]);
  }
  return { fields, pageId, words };
}

/** The words of a section's English name as one: `英文新闻 ENGLISH NEWS` is two names, not three. */
function joinCapitals(words: string[]): string[] {
  const out: string[] = [];
  for (const w of words) {
    const last = out.length - 1;
    if (CAPITALS.test(w) && last >= 0 && /^[A-Z ]+$/.test(out[last])) out[last] += ` ${w}`;
    else out.push(w);
  }
  return out;
}

/** True when every word left beside the fields is a section's name, and there are few of them. */
function onlySectionNames(words: readonly string[]): boolean {
  return words.length <= MAX_HEADER_WORDS && words.every((w) => SECTION_NAME.test(w));
}

/**
 * What a line at the top of the page is: a page header naming the page's id, or other furniture
 * (the masthead block, the page's date, a section's name), or neither. Read once per line.
 */
export function readTopLine(l: PageLine): { pageId: string | undefined; furniture: boolean } {
  const m = PAGE_HEADER.exec(l.flat);
  if (m) return { pageId: m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? m[6], furniture: true };
  const header = readFields(l.raw);
  if (header?.pageId !== undefined && onlySectionNames(header.words)) return { pageId: header.pageId, furniture: true };
  // The page's number opening the top line, before its section's names alone: `C2 CITY WEEKLY 城市周刊`.
  const [first, ...names] = header?.words ?? [];
  if (first !== undefined && names.length > 0 && BARE_PAGE.test(first) && onlySectionNames(names)) return { pageId: first, furniture: true };
  const furniture =
    MASTHEAD.test(l.flat) ||
    DATE_LINE.test(l.flat) ||
    isSectionLabel(l.raw) ||
    (header !== null && header.fields > 0 && header.words.length <= 1 && onlySectionNames(header.words));
  return { pageId: undefined, furniture };
}

/**
 * A page header printed at the page's foot, as e-paper text often has it (`第5版 2025年4月9日
 * 星期三 深度 责任编辑：宁 远`): only a line with the page's number among other header fields.
 */
export function readFootLine(l: PageLine): { pageId: string | undefined; furniture: boolean } {
  const header = readFields(l.raw);
  const footer = header !== null && header.pageId !== undefined && header.fields > 0 && onlySectionNames(header.words);
  return { pageId: footer ? header.pageId : undefined, furniture: footer };
}

/** The endings of a page section's or column's name: `县区新闻`, `要闻`, `理论`, `社会·民生`, `县区传真`. */
const SECTION_LABEL =
  /^[\u4e00-\u9fff]{0,4}(?:新闻|要闻|综合|专版|专刊|副刊|周刊|理论|经济|文化|体育|国际|国内|社会|民生|时评|评论|视点|关注|法治|教育|健康|旅游|财经|党建|县区|城乡|乡村|三农|科技|文旅|传真|动态|扫描|纵横|视窗|广角|专访|访谈|特写|深度|人物)$/;
/** The most characters a section's name takes: a longer line is a headline. */
const MAX_SECTION_LABEL = 6;
/** A special page's banner names its subject before 专版: `安平县招商引资专版`. */
const SPECIAL_PAGE = /^[\u4e00-\u9fff]{2,12}(?:专版|专刊|特刊)$/;

/** An English section's name alone at the top: `WORLD`, `CHINA DAILY`… one or two words in capitals. */
const ENGLISH_SECTION = /^[A-Z]{3,12}(?: [A-Z]{2,12})?$/;

/** A page section's name alone on its line, one or two parted by a dot: `县区新闻`, `国内·国际`, `WORLD`. */
function isSectionLabel(raw: string): boolean {
  if (ENGLISH_SECTION.test(raw.trim())) return true;
  const parts = raw.trim().split(FIELD_GAP);
  if (parts.length === 1 && SPECIAL_PAGE.test(parts[0])) return true;
  return parts.length <= MAX_HEADER_WORDS && parts.every((p) => p.length <= MAX_SECTION_LABEL && SECTION_LABEL.test(p));
}

/** The page's date as the header prints it: the whole date line, or the date among a header's fields. */
export function headerDate(l: PageLine): string | null {
  // Beside the editors' names (`2025年10月23日 星期四 责任编辑 廖清源`) the date is a field of its own.
  if (DATE_LINE.test(l.flat) && !EDITOR_WORD.test(l.flat)) return l.raw.trim();
  const header = readFields(l.raw);
  if (header === null || header.fields === 0 || !onlySectionNames(header.words)) return null;
  return DATE_FIELD.exec(l.raw)?.[0] ?? ENGLISH_DATE_FIELD.exec(l.raw)?.[0] ?? null;
}

const ENGLISH_DATE_FIELD = new RegExp(ENGLISH_DATE);
