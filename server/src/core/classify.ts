/**
 * What each line of a page is, judged on the line alone: a dateline that opens an article, a
 * byline, a source line, page furniture, or a line that could be a headline. The segmenter
 * decides in context what the candidates really are.
 */
import type { LineKind, PageLine } from './lines';
import { endsInsideClause, endsSentence } from './lines';
import { codeTable, hasCode, isLatinCapital } from './text';
import { OFFICIAL_TITLE, joinCreditLines } from './people';

const CN_NUM = '〇零一二三四五六七八九十两';
const DAY = `(?:\\d{1,2}|[${CN_NUM}]{1,3})`;

/**
 * `本报讯`, `本报综合消息`, `本报北京6月21日电`, `新华社北京1月4日电`, `本报记者…报道`, spaced or not.
 * Any agency, paper, site or station may date its dispatch: `中新网太原5月7日电`, `人民网北京5月7日电`,
 * `央视新闻…电`. Letter-spacing leaves the space between two digits (`新华社乌鲁木齐1 2月2 8日电`):
 * only spaces between Han go.
 */
const DATELINE = new RegExp(
  [
    '^本报讯',
    // A second report under the same headline: `又讯（记者 柯宇航）同日，…`.
    '^又讯(?=[\\s（(]|$)',
    '^本报(?:综合)?消息',
    `^(?:据)?(?:[^，。！？\\s\\d]{1,6}?(?:社|报|网|台|新闻)|央视)[^，。！？\\s]{0,12}?(?:\\d \\d|${DAY})月(?:\\d \\d|${DAY})日(?:电|讯)`,
    '^[^，。！？\\s]{2,12}?(?:报|台|网|社)讯(?=[\\s（(【]|$)',
    '^(?:新华社|中新社)[^，。！？\\s]{0,8}?电',
  ].join('|'),
);

/** English datelines: `BEIJING, Jan. 4 —`, `WASHINGTON (AP) —`, `LONDON —`, Reuters' `TOKYO (Reuters) -`. */
const ENGLISH_DATELINE = /^[A-Z][A-Z .'-]{1,30}(?:,\s*[A-Z][a-z]{0,9}\.?(?:\s+\d{1,2})?)?(?:\s*\([A-Za-z ]{2,20}\)\s*-|(?:\s*\([A-Za-z ]{2,20}\))?\s*(?:—|–|--))\s*\S/;

/** A Chinese name of two to four characters; a two-character name may be padded (`张 强`). */
const NAME = '[\\u4e00-\\u9fff](?:\\s?[\\u4e00-\\u9fff]){1,3}';
/** A staff role before a name in a byline: `记者`, `本报通讯员`, `实习生`. */
const STAFF_ROLE = '(?:本报)?(?:记者|通讯员|实习生)';
/** A name set off by a box: two or three characters (a four-character line is a subhead's phrase). */
const BOXED_NAME = '[\\u4e00-\\u9fff](?:\\s?[\\u4e00-\\u9fff]){1,2}';
/** The reporter's own columns inside a story: `记者手记`, not a reporter named 手记. */
const REPORTER_COLUMNS = '手记|观察|调查|札记|感言|点评|视点|体验|走访|探访|见闻|日记|笔记|随笔|帮办|热线|连线|追踪';

/**
 * Where an English byline's reporters file from, after their names: `in Xiling, Heyang` (China
 * Daily sets `By ZHAO YING in Xiling, Heyang`, or the place on a line of its own under the names).
 */
const ENGLISH_BYLINE_PLACE = "in\\s+[A-Z][\\w.'-]*(?:,?\\s+(?:and\\s+)?[A-Z][\\w.'-]*){0,4}";

/**
 * A byline line of its own: `□ 本报记者 穆佳妮`, `□ 王富贵 苏凤凤`, `本报记者 张三 李四`, `By Jane Doe`,
 * `By ZHAO YING in Xiling, Heyang`, and a commentary's `本报评论员`, `新华社评论员 张三`.
 */
const BYLINE = new RegExp(
  [
    // A boxed mark sets off bylines and subheads alike: a byline's first word is a role or a name.
    `^[□■◎]\\s*(?:(?:本报|新华社|人民日报)?(?:全媒体|融媒体|首席|特约|见习)?(?:记者|通讯员|评论员)|[文图]\\s*[/／]|${BOXED_NAME}(?:\\s|$))`,
    // An official who signs an article, by title then name: `□ 中共石门县委书记 贾志成`.
    `^[□■◎]\\s*[\\u4e00-\\u9fff]{0,12}${OFFICIAL_TITLE}\\s+${NAME}\\s*$`,
    `^(?:本报|新华社|人民日报)?(?:特约)?评论员(?:\\s*[\\u4e00-\\u9fff]{2,4})?\\s*$`,
    '^(?:文\\s*[/／|]\\s*|图\\s*[/／|]\\s*|文图\\s*[/／|]?\\s*)',
    // `记者手记`, `记者观察` head a section of the reporter's own.
    `^(?:本报|新华社)?(?:全媒体|融媒体|首席|特约|见习)?记者\\s*(?!${REPORTER_COLUMNS})${NAME}(?:\\s+(?:(?:本报)?通讯员|实习生|记者)?\\s*${NAME}){0,5}\\s*$`,
    // The author named by a label: `作者：桑 榆`.
    `^作者\\s*[：:]\\s*${NAME}\\s*$`,
    // The expert who answers a reader's question: `解答律师：邵振华（澜江市法律援助中心）`.
    `^(?:解答|答疑|释法|讲解)(?:律师|法官|专家|医生|嘉宾)\\s*[：:]\\s*${NAME}(?:\\s*[（(][^（）()]{1,24}[）)])?\\s*$`,
    `^By\\s+[A-Z][\\w.'-]*(?:\\s+[\\w.'-]+){0,6}(?:\\s+${ENGLISH_BYLINE_PLACE})?\\s*$`,
  ].join('|'),
);

/** A role word that ends a byline line, its names set on the next: `□ 本报记者 蒯星辰 通讯员` / `柏雨桐 覃立`. */
const DANGLING_ROLE = /(?:记者|通讯员|实习生|评论员)$/;
/** A line of names alone, perhaps with more roles between them: the rest of a broken byline. */
const NAMES_ONLY = new RegExp(`^${NAME}(?:\\s+(?:${STAFF_ROLE}\\s*)?${NAME}){0,5}$`);
const ROLE_INSIDE = new RegExp(STAFF_ROLE);

/**
 * True when `l` carries on the byline line above it: broken after a role word, or after a name
 * with more roles to come (`本报记者 蓝若汐` / `祁卫东 通讯员 岑 涛`), or an English byline broken
 * after `and` (`By ZHOU YAN and` / `CHEN HAO in Shanghai`).
 */
export function continuesByline(byline: PageLine, l: PageLine): boolean {
  const raw = l.raw.trim();
  return (NAMES_ONLY.test(raw) && (DANGLING_ROLE.test(byline.flat) || ROLE_INSIDE.test(raw))) || continuesEnglishByline(byline, l);
}

/** A source line standing alone: `新华社发`, `（据新华社）`, `据《人民日报》`, `(AP)`, `XINHUA`. */
const SOURCE_NAME = '(?:据|来源[：:]\\s*|转自|摘自)?(?:新华社|中新社|新华网|人民网|央视新闻|人民日报|《[^》]{1,20}》)(?:发|供稿|电|报道)?';
/**
 * A wire agency signing off an English story alone on its last line, as `新华社发` does a Chinese
 * one: `XINHUA`, `AGENCIES - XINHUA`.
 */
const ENGLISH_AGENCY = '(?:XINHUA|Xinhua|REUTERS|Reuters|AFP|AP|AGENCIES|Agencies)';
const ENGLISH_SOURCE = `${ENGLISH_AGENCY}(?:\\s*[-–—/]\\s*${ENGLISH_AGENCY})*`;
/** Bracketed or not, but whole: `新华社）` closes a bracket the line above opened (`…。（据`). */
const SOURCE = new RegExp(`^${SOURCE_NAME}$|^[（(]\\s*${SOURCE_NAME}\\s*[）)]$|^(?:[（(](?:AP|Reuters|AFP|Xinhua)[）)])$|^${ENGLISH_SOURCE}$`);

export const EDITOR_ROLE = '(?:本版)?(?:版面)?(?:责任编辑|编辑|责编|校对|美编|组版|版式(?:设计)?|审校|图片编辑|主编|值班(?:编委|主任))';
const EDITOR_ROLE_AT = new RegExp(EDITOR_ROLE);
/** An editors' line: `责任编辑：张三`, furniture wherever it stands (headers are in pageHeader.ts). */
const EDITOR_LINE = new RegExp(`^${EDITOR_ROLE}\\s*[：:]`);
/** A role and a name, parted by a space or a slash (`责编/张伟`); the name may be padded (`张 娟`). */
const EDITOR_PAIR = `${EDITOR_ROLE}(?:\\s*[/／]\\s*|\\s+)[\\u4e00-\\u9fff](?:\\s?[\\u4e00-\\u9fff]){1,3}`;
/**
 * An editors' line without colons: `责任编辑 刘洋  版式 陈晨  校对 赵敏`. Read from the raw line (the
 * spaces part role from name) and only of roles and names, so no sentence can pass for one.
 */
const EDITOR_PAIRS = new RegExp(`^${EDITOR_PAIR}(?:\\s+${EDITOR_PAIR})*$`);

/*
 * Patterns asked of every line are module constants: a regex literal inside a function makes a
 * new RegExp object each time it runs, and those objects were a tenth of a parse's garbage.
 */

/*
 * Each line of a page is asked what it is; most lines are running text, which the first
 * character (or a marker within reach) rules out before a pattern is tried. Each set below
 * holds every character its pattern can start with.
 */
const BYLINE_FIRSTS = '□■◎文图本新人全融首特见记评解答释讲作B';
const SOURCE_FIRSTS = '（(据来转摘新中人央《XRA';
const EDITOR_FIRSTS = '本责编校美组版审图主值';
const SIGNING_DATE_FIRSTS = '0123456789〇零一二三四五六七八九';
/** A Chinese dateline ends with 讯 or 电 within this many characters. */
const DATELINE_REACH = 40;

/** The patterns a line starting with a character may match, one bit each. */
const BYLINE_BIT = 1;
const SOURCE_BIT = 2;
const EDITOR_BIT = 4;
const SIGNING_DATE_BIT = 16;
const FIRSTS = codeTable([
  [BYLINE_FIRSTS, BYLINE_BIT],
  [SOURCE_FIRSTS, SOURCE_BIT],
  [EDITOR_FIRSTS, EDITOR_BIT],
  [SIGNING_DATE_FIRSTS, SIGNING_DATE_BIT],
]);

function startsWithOneOf(s: string, bit: number): boolean {
  return s.length > 0 && (FIRSTS[s.charCodeAt(0)] & bit) !== 0;
}

function hasWithin(s: string, a: string, b: string, reach: number): boolean {
  const at = s.indexOf(a);
  if (at >= 0 && at < reach) return true;
  const bt = s.indexOf(b);
  return bt >= 0 && bt < reach;
}

function isDateline(flat: string): boolean {
  if (isLatinCapital(flat.charCodeAt(0))) return ENGLISH_DATELINE.test(flat) || DATELINE.test(flat);
  // `本报消息` has neither 讯 nor 电; few lines start with 本报.
  return (hasWithin(flat, '讯', '电', DATELINE_REACH) || flat.startsWith('本报')) && DATELINE.test(flat);
}

function isByline(raw: string, flat: string): boolean {
  // The flat line starts with the trimmed line's first character.
  if (!startsWithOneOf(flat, BYLINE_BIT)) return false;
  return BYLINE.test(raw.trim());
}

function isSource(flat: string): boolean {
  return startsWithOneOf(flat, SOURCE_BIT) && SOURCE.test(flat);
}

function isEditorLine(raw: string, flat: string): boolean {
  return startsWithOneOf(flat, EDITOR_BIT) && (EDITOR_LINE.test(flat) || EDITOR_PAIRS.test(raw.trim()));
}

/**
 * What a line is on its own, in the order a page's lines are asked: editor lines, box labels and
 * imprints are furniture wherever they stand; a date alone signs a notice.
 */
export function lineKind(l: PageLine): LineKind {
  return (l.kind ??= readLineKind(l));
}

function readLineKind(l: PageLine): LineKind {
  if (isEditorLine(l.raw, l.flat)) return 'editor';
  if (isBoxLabel(l.flat) || isImprint(l.flat) || isDatedEditors(l) || isWeather(l) || isStockCodeLine(l.flat)) return 'furniture';
  if (isSigningDate(l.flat)) return 'signing-date';
  if (isDateline(l.flat)) return 'dateline';
  if (isByline(l.raw, l.flat)) return 'byline';
  return isSource(l.flat) ? 'source' : 'text';
}

/** The label of a front page's digest: `今日导读`, `今日关注`. */
const DIGEST_LABEL = /^(?:今日|本期|本版|要闻)?导读$|^(?:今日|本期)(?:关注|看点|提要)$/;

export function isDigestLabel(flat: string): boolean {
  return DIGEST_LABEL.test(flat);
}

/** The label of a column of briefs, short items without headlines: `简讯`, `本地快讯`. */
const BRIEFS_LABEL = /^(?:[\u4e00-\u9fff]{0,4}(?:简讯|短讯|快讯|简报|速览|速递)|一句话新闻)$/;
/** A box label is short and ends in one of these: 导读, 简讯, 速览, 一句话新闻, 今日关注, 图片新闻, 图片报道, 公益广告, 数说. */
const BOX_LABEL_LASTS = '读讯报览递闻注点要告道说';
const BOX_LABEL_MAX = 8;

/** A box label: page furniture wherever it stands, never a headline. */
export function isBoxLabel(flat: string): boolean {
  return (
    flat.length <= BOX_LABEL_MAX &&
    hasCode(BOX_LABEL_LASTS, flat.charCodeAt(flat.length - 1)) &&
    (DIGEST_LABEL.test(flat) || BRIEFS_LABEL.test(flat) || PHOTO_NEWS_LABEL.test(flat) || AD_LABEL.test(flat) || DATA_BOX_LABEL.test(flat))
  );
}

/** The label over a column of photo news: `图片新闻`, `图片报道`. */
export const PHOTO_NEWS_LABEL = /^(?:图片|摄影)(?:新闻|报道)$/;
/** The label over a public service advertisement: `公益广告`. */
const AD_LABEL = /^公益广告$/;
/** The label over a box of figures, each with a line saying what it counts: `数说`. */
const DATA_BOX_LABEL = /^数[说读]$/;

/** The label over a column of briefs (asked only of furniture lines). */
export function isBriefsLabel(flat: string): boolean {
  return BRIEFS_LABEL.test(flat);
}

/** Where a page header's editors begin (`第5版 … 深度 责任编辑：宁 远`), or -1. */
export function headerEditorsAt(raw: string): number {
  return raw.search(EDITOR_ROLE_AT);
}

/** A header that dates the page and names its editors: `2024年5月8日 星期三 责编：张三 版式：李四`. */
const DATED_EDITORS = /^\s*(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日(?:\s*星期[一二三四五六日天])?)\s+(?=[^：:]{0,16}?(?:编辑|责编|主编|版式|校对|美编|组版)\s*[：:])/;

/** A dated editors' line: furniture at the page's head or its foot. */
function isDatedEditors(l: PageLine): boolean {
  return startsWithOneOf(l.flat, SIGNING_DATE_BIT) && datedEditors(l.raw) !== null;
}

/** The date of a dated editors' header (read from the raw line, where spaces part its fields), and where its editors start. */
export function datedEditors(raw: string): { date: string; dateStart: number; editorsAt: number } | null {
  const m = DATED_EDITORS.exec(raw);
  if (!m) return null;
  // The section's name may stand between the date and the editors: `… 3 农业农村 责任编辑：…`.
  const after = m.index + m[0].length;
  return { date: m[1], dateStart: m.index + m[0].indexOf(m[1]), editorsAt: after + Math.max(0, raw.slice(after).search(EDITOR_ROLE_AT)) };
}

/** An imprint's labels: `吕梁日报社出版 地址：… 邮编：… 电话：…`, `社址：…`. */
const IMPRINT_LABELS = /报社(?:出版|地址)|社址[：:]|地址[：:]|邮编[：:]|电话[：:]|传真[：:]|定价[：:]|印刷[：:]|发行[：:]|许可证/g;

/** The code line over a listed company's notice: `证券代码：601877 证券简称：港城控股 公告编号：2025-031`. */
const STOCK_CODE_LINE = /^(?:证券|股票)代码[：:]\s*\d{6}/;

const ZHENG = '证'.charCodeAt(0);
const GU = '股'.charCodeAt(0);

export function isStockCodeLine(flat: string): boolean {
  const c = flat.charCodeAt(0);
  return (c === ZHENG || c === GU) && STOCK_CODE_LINE.test(flat);
}

/**
 * A weather box's line, wherever the page sets it: `今日天气`, `今日天气 苍州 多云转雷阵雨 24℃～31℃
 * 南风2级`, `多云转雷阵雨 26℃～34℃ 东南风3级`. Only a label or a temperature with nothing but weather
 * around it: a sentence that mentions 37.6℃ stays text.
 */
const WEATHER_PART = '(?:[晴阴多云转有小中大暴阵雷雨雪雾霾沙尘到]{1,10}|-?\\d{1,2}\\s*℃(?:\\s*[～~\\-－至]\\s*-?\\d{1,2}\\s*℃)?|(?:[东南西北]{1,2}|微)风(?:\\s*\\d{1,2}(?:\\s*[～~\\-－至]\\s*\\d{1,2})?\\s*级)?)';
const WEATHER = new RegExp(
  `^(?:(?:[今明后][日天])?天气(?:预报)?\\s*[：:]?\\s*(?:[\\u4e00-\\u9fff]{2,4}\\s+(?=${WEATHER_PART}))?)?(?:${WEATHER_PART}\\s*){0,4}$`,
);

/** The characters a weather line ends with: a wind force (级), a temperature, its label, or the sky. */
const WEATHER_LASTS = '级℃气报晴阴云雨雪雾霾尘';

function isWeather(l: PageLine): boolean {
  // Every line is asked: its last character rules most lines out before anything is searched.
  const f = l.flat;
  return f.length <= 40 && hasCode(WEATHER_LASTS, f.charCodeAt(f.length - 1)) && (f.includes('天气') || f.includes('℃')) && WEATHER.test(l.raw.trim());
}

/**
 * A newspaper's imprint line: the paper itself (报社, 社址) and another of the labels. Page
 * furniture, wherever it stands. An advertiser's `地址：… 电话：…` names no paper: it stays text.
 */
function isImprint(flat: string): boolean {
  return namesPaper(flat) && (flat.match(IMPRINT_LABELS)?.length ?? 0) >= 2;
}

const BAO = '报'.charCodeAt(0);
const ZHI = '址'.charCodeAt(0);

/** True when the line holds 报社 or 社址: one search for 社 (every line is asked). */
function namesPaper(flat: string): boolean {
  for (let at = flat.indexOf('社'); at >= 0; at = flat.indexOf('社', at + 1)) {
    if (flat.charCodeAt(at - 1) === BAO || flat.charCodeAt(at + 1) === ZHI) return true;
  }
  return false;
}

const CN_YEAR = '[〇零一二三四五六七八九]{4}';
const CN_DAY = '[一二三四五六七八九十]{1,3}';
/** A date alone on its line: `2024年5月8日`, `二〇二四年五月八日`. */
const SIGNING_DATE = new RegExp(`^(?:\\d{4}|${CN_YEAR})\\s*年\\s*(?:\\d{1,2}|${CN_DAY})\\s*月\\s*(?:\\d{1,2}|${CN_DAY})\\s*日$`);

/** The date a notice or letter is signed on, alone on a line under its signatory. */
function isSigningDate(flat: string): boolean {
  return startsWithOneOf(flat, SIGNING_DATE_BIT) && SIGNING_DATE.test(flat);
}

/**
 * A trailing author in brackets at the end of a body: `…的感觉。 （李小军）`, `（通讯员 任 娟）`,
 * `（刘晓军 文/图）`. A padded name's characters stand alone, so a word may be one character.
 */
const TRAILING_AUTHOR = /[。！？”]\s*[（(]\s*((?:[\u4e00-\u9fff/／]{1,4}\s*){1,6})[）)]\s*$/;
/** `（试行）`, `（草案）` and similar are titles' qualifiers, not authors. */
const QUALIFIER = /试行|草案|暂行|修订|节选|待续|完|上|下|续/;
/** `（据新华社）` names the story's source, not its author. */
export const SOURCE_WORD = /^(?:据|来源|转自|摘自|综合)/;
/** `（作者系…党校教授）`, `（作者单位：…）`: the author's post, which names no one. */
export const AUTHOR_NOTE = /^作者/;

export function trailingAuthor(raw: string): { names: string; start: number } | null {
  const t = raw.trimEnd();
  // Most lines end otherwise; the pattern is only worth running on a closing bracket.
  const last = t.charCodeAt(t.length - 1);
  if (last !== 0xff09 && last !== 0x29) return null;
  const m = TRAILING_AUTHOR.exec(t);
  if (!m || QUALIFIER.test(m[1]) || SOURCE_WORD.test(m[1])) return null;
  return { names: m[1], start: m.index + m[0].search(/[（(]/) };
}

/** A story's reporters in brackets on a line of their own under its last sentence: `（记者 丰子衿）`. */
const BRACKETED_BYLINE = new RegExp(`^[（(]\\s*${STAFF_ROLE}\\s*${NAME}(?:\\s+(?:${STAFF_ROLE}\\s*)?${NAME}){0,5}\\s*[）)]$`);

export function isBracketedByline(l: PageLine): boolean {
  return endsWithCloser(l.flat) && BRACKETED_BYLINE.test(l.raw.trim());
}

/** A reader's letter signed under its text: `鹭川市读者 柴秀芝` (a space before the name: `读者来信` is a label). */
const READER_SIGNATURE = new RegExp(`^([\\u4e00-\\u9fff]{0,10}读者)\\s+(${NAME})$`);

/** The writer of a letter signed on a line of its own, and where the name starts. */
export function readerSignature(l: PageLine): { names: string; start: number } | null {
  const m = l.flat.length <= 20 && l.flat.includes('读者') ? READER_SIGNATURE.exec(l.raw.trim()) : null;
  return m ? { names: m[2], start: l.indent + m[0].length - m[2].length } : null;
}

/** A source in brackets closing the body's last line: `…违法行为。 （据新华社）`, `（据《人民日报》）`. */
const TRAILING_SOURCE = /[。！？”]\s*([（(]\s*(?:据|来源[：:]?|转自|摘自)[^（）()]{1,24}[）)])\s*$/;

/** The source bracket closing a line, and where it starts. */
export function trailingSource(raw: string): { text: string; start: number } | null {
  const m = TRAILING_SOURCE.exec(raw);
  return m ? { text: m[1], start: m.index + m[0].indexOf(m[1]) } : null;
}

const BRACKETED_ASIDE = /^[（(][^（）()]*[）)]$/;
/** A line wholly in brackets is a credit or an aside, `（李小军）`: it ends what stands above it. */
export function isBracketedAside(flat: string): boolean {
  return BRACKETED_ASIDE.test(flat);
}

/**
 * An aside in brackets after the sentence's end: an author, a source, the author's post
 * (`（作者单位：吕梁学院）`). The sentence before it has ended, and so has the paragraph.
 */
const TRAILING_ASIDE = /[。！？!?…”’」』]\s*[（(][^（）()]{1,30}[）)]\s*$/;

/** The line as it ends its sentence: a trailing aside does not count. */
export function lineEndsSentence(l: PageLine): boolean {
  // Asked many times of each line (as a run start, as the line before a paragraph…): kept on it.
  return (l.endsSentence ??= endsSentence(l.flat) || (endsWithCloser(l.flat) && TRAILING_ASIDE.test(l.flat)));
}

/** The flat line's last character closes a bracket: most lines end otherwise, and skip the patterns. */
export function endsWithCloser(flat: string): boolean {
  const last = flat.charCodeAt(flat.length - 1);
  return last === 0xff09 || last === 0x29;
}

/**
 * An aside opened after a sentence's end, or at the line's start, and left open at the line's
 * end: `…服务。（通讯员 郭晋`, `（作者系中共江州市委党校经济学教研`.
 */
const OPENS_ASIDE = /(?:^|[。！？!?…”’」』]\s*)[（(]([^（）()]{1,30})$/;
/** A line that opens an aside and leaves it open. */
const OPENS_LINE_ASIDE = /^[（(][^（）()]{1,30}$/;
/** The line that closes it, and nothing after: `宋佳）`. */
const CLOSES_ASIDE = /^([^（）()]{1,30})[）)]$/;

/**
 * An aside after a body's last sentence, wrapped onto the next line (`…服务。（通讯员 郭晋` /
 * `宋佳）`): its text, the two parts joined by a space unless they are the halves of one name
 * (`任` / `娟）`), and where it opens on the first line.
 */
export function wrappedAside(before: PageLine, l: PageLine): { text: string; start: number } | null {
  // Read from the raw line: a space there parts two names (`（曹` / `磊 田静）`).
  const close = CLOSES_ASIDE.exec(l.raw.trim());
  if (!close) return null;
  const open = OPENS_ASIDE.exec(before.raw.trimEnd());
  if (!open) return null;
  const head = open[1].trimEnd();
  // A source's name is one word (`据` / `新华社）`); names join as a dateline's do.
  const joined = SOURCE_WORD.test(head) ? head + close[1] : joinCreditLines([head, close[1]], false);
  return { text: joined, start: open.index + open[0].search(/[（(]/) };
}

/**
 * Two phrases set apart by one space (`正风肃纪促廉洁 招商引资保发展`): a headline's or a kicker's
 * parallel halves. Running text never spaces words apart like this.
 */
const PHRASE_SPACE = /^[^\s]*[\u4e00-\u9fff]{3}[ \u3000][\u4e00-\u9fff]{3}[^\s]*$/;

export function setsPhrasesApart(raw: string): boolean {
  return PHRASE_SPACE.test(raw.trim());
}

/** A list mark, then a clause and a comma: `●日前，中阳县人民医院与山西医科大学第一`. */
const LIST_ENTRY_CLAUSE = /^[●○◆◇■□▲△★☆•▪▶►][^，,]{1,12}[，,]/;
/** A sentence end with more text after it: `…。他说` (a closing quote may follow the end). */
const STOP_INSIDE = /[。！？][^”’」』）)]/;
const ENDS_IN_DIGIT = /\d$/;
const startsWithDigit = (f: string): boolean => f.charCodeAt(0) >= 48 && f.charCodeAt(0) <= 57;
/** A contact line: `电子邮箱：bangban@lwdsb.cn`, `网址：www.lwdsb.cn`. */
const CONTACT_LINE = /^[\u4e00-\u9fff]{2,8}[：:]\s*(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:https?:\/\/)?www\.[\w-]+(?:\.[\w-]+)+)$/;
/** A figure alone on its line (`3.6 万亿元`, `1286.7 万人次`): a box's datum, never a headline. */
const FIGURE_ALONE = /^\d[\d.,]*(?:[万亿千百])?[\u4e00-\u9fff]{0,3}$/;
/** An English head: words of letters, figures and quotes, no sentence inside. */
const ENGLISH_HEAD = /^[A-Z0-9‘'"“][\w‘’'"“”:,$%&-]*(?:\s+[\w‘’'"“”:,$%&.-]+){1,14}$/;
const ENDS_IN_CLAUSE_MARK = /[.,;]$/;

/**
 * Could this line be (part of) a headline, subtitle or section head? It is short, holds
 * words, and does not end a sentence or stop mid-clause.
 */
export function isHeadingLike(l: PageLine): boolean {
  return (l.headingLike ??= readHeadingLike(l));
}

function readHeadingLike(l: PageLine): boolean {
  if (l.blank || l.width > 40 || l.width < 2) return false;
  const f = l.flat;
  if (isSubtitle(f)) return true;
  if (lineEndsSentence(l) || endsInsideClause(f)) return false;
  // Headlines and subheads carry no full stop inside them.
  if (STOP_INSIDE.test(f)) return false;
  // A list's entry that runs on past a comma (`●日前，中阳县人民医院…`) is a brief's first line.
  if (LIST_ENTRY_CLAUSE.test(f)) return false;
  // An aside wrapped over two lines (`（作者系中共江州市委党校经济学教研` / `部主任、教授）`).
  if (OPENS_LINE_ASIDE.test(f) || (endsWithCloser(f) && CLOSES_ASIDE.test(f))) return false;
  if (isBracketedAside(f)) return false;
  if (ENDS_IN_DIGIT.test(f) || (startsWithDigit(f) && FIGURE_ALONE.test(f)) || (f.charCodeAt(f.length - 1) < 0x80 && CONTACT_LINE.test(f))) return false;
  if (hasHan(f, 2)) return true;
  // English heads: Title Case or capitals, no final period.
  return isEnglishHeadShape(f) && isTitleCase(f);
}

/**
 * Shaped like an English head in any case: words without a sentence inside or a final period.
 * Sentence case (`Storm knocks out power`) is a head only where its context says so.
 */
export function isEnglishHeadShape(flat: string): boolean {
  // Most lines are Han text: the first character rules them out before the pattern runs.
  const c = flat.charCodeAt(0);
  if (c > 0x7f && c !== 0x2018 && c !== 0x201c) return false;
  return ENGLISH_HEAD.test(flat) && !ENDS_IN_CLAUSE_MARK.test(flat);
}

/**
 * A deck under an English head: a sentence-case line of its own (`Parents asked for more time`).
 * A Title Case line, or one going on in lower case, continues the head instead.
 */
export function isEnglishDeck(flat: string): boolean {
  return isLatinCapital(flat.charCodeAt(0)) && isEnglishHeadShape(flat) && !isTitleCase(flat);
}

const ENGLISH_BYLINE = /^By\s/i;
/** An English byline: `By Jane Doe`. */
export function isEnglishByline(flat: string): boolean {
  return ENGLISH_BYLINE.test(flat);
}

const ENGLISH_BYLINE_PLACE_LINE = new RegExp(`^${ENGLISH_BYLINE_PLACE}$`);
/** An English byline broken after `and`: `By ZHOU YAN and` / `CHEN HAO in Shanghai`. */
const ENGLISH_BYLINE_BROKEN = /\s(?:and|&|,)$/;
const ENGLISH_NAMES_LINE = new RegExp(`^[A-Z][\\w.'-]*(?:\\s+[A-Z][\\w.'-]*){0,3}(?:\\s+${ENGLISH_BYLINE_PLACE})?$`);

function continuesEnglishByline(byline: PageLine, l: PageLine): boolean {
  return isEnglishByline(byline.flat) && ENGLISH_BYLINE_BROKEN.test(byline.flat) && ENGLISH_NAMES_LINE.test(l.flat);
}
/**
 * The place of an English byline set on its own line under the names (`By ZHAO YING and LIU
 * MENG` / `in Xiling, Heyang`): part of the byline, asked only of the line right under one.
 */
export function isEnglishBylinePlace(flat: string): boolean {
  return ENGLISH_BYLINE_PLACE_LINE.test(flat);
}

/** True when the text holds at least `count` Han characters. */
function hasHan(s: string, count: number): boolean {
  for (let i = 0; i < s.length && count > 0; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) count--;
  }
  return count === 0;
}

/** Words a Title Case headline leaves in lower case. */
const MINOR_WORDS = new Set('a an the and but or nor for on at to by of in up as is vs via from with into over per'.split(' '));

/** Most words that carry meaning start with a capital: `Lawmakers Reach Deal on Budget`. */
function isTitleCase(f: string): boolean {
  const words = f.split(/\s+/).filter((w) => /^[A-Za-z]/.test(w) && !MINOR_WORDS.has(w.toLowerCase()));
  return words.length > 0 && words.filter((w) => /^[A-Z]/.test(w)).length / words.length >= 0.75;
}

const SALUTATION = /^[^。！？，]{2,30}[：:]$/;
/** The greeting that opens a notice or letter: `各县（市、区）人民政府：`. */
export function isSalutation(flat: string): boolean {
  return SALUTATION.test(flat);
}

/** Headlines of notices: `关于…的通知`, `…启事`. */
export const NOTICE_TITLE = /(?:启事|启示|通告|公告|通知|声明|公示|告示|须知|倡议书|讣告|招聘|招标|拍卖)$/;

const SUBTITLE = /^(?:——|—|--|－－)\s*\S/;
/** A subtitle (副题) line: `——我市民生保障工作发展综述`. */
export function isSubtitle(flat: string): boolean {
  return SUBTITLE.test(flat) && flat.length <= 50 && !isAttribution(flat);
}

/** Who said the quotation above, after a dash (`——方守仁`): a name, not a subtitle's phrase. */
const ATTRIBUTION = /^(?:——|—|--|－－)\s*[\u4e00-\u9fff·]{2,4}$/;
export const isAttribution = (flat: string): boolean => ATTRIBUTION.test(flat);

const SECTION_NUMBERING = /^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|第[一二三四五六七八九十]{1,3}(?:部分|章|节)\s*)/;
/** Section numbering at the start of a line: `一、`, `（一）`, `第一部分`. */
export function sectionNumbering(flat: string): string | null {
  const m = SECTION_NUMBERING.exec(flat);
  return m ? m[0] : null;
}
