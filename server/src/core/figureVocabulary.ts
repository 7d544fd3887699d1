/**
 * The words and characters figures are made of: units, magnitudes, numerals, and the marks
 * around them (see figures.ts for the policy they serve).
 */

/**
 * Measure words and units that make a number a figure, longest match wins. Chosen for Chinese
 * news: counts of people and things, money, area, mass, length, energy, time, rates.
 * Deliberately absent: 年/月/日/号 (dates), 版 (page numbers), 届 after Chinese numerals (ordinals),
 * 大 (`二十大`), 分 (scores and minutes are ambiguous), 余/多 (approximation markers, not units).
 */
const HAN_UNITS: readonly string[] = [
  // people and organisations
  '人', '人次', '名', '位', '户', '家', '所', '个', '部门', '支',
  // things and events
  '项', '次', '场', '期', '件', '辆', '台', '套', '架', '艘', '篇', '幅', '册', '本', '部', '条',
  '栋', '座', '间', '床', '张', '棵', '株', '头', '只', '匹', '起', '例', '批', '届', '轮', '字',
  '首', '节', '课时', '学时', '层', '处', '份', '组', '枚', '颗', '箱', '袋', '瓶', '盏', '块',
  // a port's containers, in twenty-foot units
  '标箱', '标准箱',
  // places
  '省', '市', '县', '村', '乡', '镇', '乡镇', '国',
  // shares, as a company's notices count them (`1,386,520,000股`)
  '股',
  // money: the yuan and the currencies foreign news reports in, named as Chinese papers name them
  '元', '美元', '欧元', '日元', '英镑', '港元', '港币', '人民币', '澳门元', '新台币',
  '泰铢', '韩元', '卢布', '卢比', '澳元', '加元', '新西兰元', '新加坡元', '雷亚尔', '瑞士法郎',
  '越南盾', '林吉特', '兰特', '里拉', '比索',
  // mass, area, volume, length
  '吨', '公斤', '千克', '克', '毫克', '微克', '斤', '亩', '公顷', '平方米', '平米', '㎡', '平方公里', '平方千米',
  '㎞', '立方米', '㎥', '升', '毫升', '公里', '千米', '米', '厘米', '毫米',
  // energy and power
  '千瓦', '兆瓦', '千瓦时', '瓦', '度',
  // temperature (a front page's weather box)
  '℃', '摄氏度',
  // age and time spans
  '岁', '周岁', '天', '小时', '个小时', '分钟', '秒', '周', '周年', '个月', '个工作日',
  // ratios
  '倍', '个百分点', '百分点',
];

/** What may follow a `/` in a rate such as `4000元/月` or `60公里/小时`. */
const PER_UNITS: readonly string[] = [
  '月', '年', '天', '日', '周', '吨', '平方米', '㎡', '人', '次', '小时', '公里', '亩', '斤',
  '公斤', '千克', '克', '件', '个', '台', '辆', '户', '张', '份', '度', '千瓦时', '升', '立方米',
  '米', '股', '间', '套', '人次', 'h', 'km', 'kg',
];

/** A unit is not a unit when it begins a longer word: `3人民`, `5所以`, `3市场`. */
export const BAD_FOLLOWERS: Readonly<Record<string, string>> = {
  人: '民员', 名: '单额称字义', 位: '于置', 元: '素旦宵首', 所: '以有在属得谓', 期: '间待望',
  部: '署分长', 本: '科届地市次报身来着质', 组: '织成建', 处: '理于置长', 首: '都次批届',
  节: '日约点能', 层: '次面', 市: '民场', 县: '城级', 村: '民级委', 国: '家内际企有外产',
  乡: '村亲', 度: '过', 支: '持付出援', 只: '有要是能', 座: '谈位', 升: '级高值', 架: '构',
  场: '景所面地', 台: '湾阶', 间: '接断隔', 起: '来步', 例: '如', 批: '准评复', 头: '条',
  天: '然津下气空', 米: '饭粒', 克: '服隆', 周: '末边围期一二三四五六日', 幅: '度',
  股: '东份票市价权民', 
};

/** English units accepted after a space: `12 miles`, `3.2 billion people`. Lower case. */
export const LATIN_UNITS: ReadonlySet<string> = new Set([
  'people', 'persons', 'residents', 'students', 'workers', 'children', 'patients', 'cases',
  'deaths', 'jobs', 'homes', 'households', 'families', 'companies', 'firms', 'vehicles', 'cars',
  'miles', 'mile', 'kilometers', 'kilometres', 'km', 'meters', 'metres', 'm', 'cm', 'mm', 'feet',
  'acres', 'hectares', 'ha', 'tons', 'tonnes', 'pounds', 'kilograms', 'kg', 'kw', 'kwh', 'mw',
  'gw', 'yuan', 'yen', 'dollars', 'euros', 'hours', 'minutes', 'seconds', 'days', 'weeks', 'months',
  'times', 'passengers', 'visitors', 'tourists', 'parcels', 'containers', 'barrels', 'shares',
]);

/**
 * English words in -s that name no things counted: after `1.2 million` a plural names what is
 * counted (`visitors`, `trips`), but these are verbs, pronouns and particles. Lower case; words
 * shorter than three letters and words in -ss (`across`, `less`) are never taken.
 */
export const LATIN_NOT_COUNTED: ReadonlySet<string> = new Set([
  'was', 'has', 'does', 'its', 'his', 'hers', 'this', 'thus', 'plus', 'whereas', 'versus', 'yes',
  'always', 'towards', 'afterwards', 'besides', 'sometimes', 'perhaps', 'ours', 'yours', 'theirs',
]);

export const LATIN_MAGNITUDES: ReadonlyMap<string, number> = new Map([
  ['hundred', 2], ['thousand', 3], ['million', 6], ['billion', 9], ['trillion', 12],
]);

/** Han magnitudes after digits: `37.84 万`, `2.242 亿`, `3千`, `1.5万亿`. */
export const HAN_MAGNITUDES: Readonly<Record<string, number>> = { 百: 2, 千: 3, 万: 4, 亿: 8 };

/** Markers of an approximate number written between the number and its unit. */
export const APPROX_INFIXES = '多余几';

/** Markers before a number, longest first, with the characters that make them part of a word. */
export const APPROX_PREFIXES: readonly (readonly [string, string])[] = [
  ['超过', '不未'], ['将近', ''], ['接近', ''], ['大约', ''], ['约为', '签预节制公条合契邀相特履违缔婚誓'],
  ['约', '签预节制公条合契邀相特履违缔婚誓有'], ['近', '最附临亲靠逼贴'], ['逾', ''], ['超', '赶高招追不未'],
];

/** Words just before a number that make it an identifier: phone, postal code, account. */
export const ID_KEYWORDS: readonly string[] = [
  '电话', '手机', '手机号', '热线', '传真', '座机', '联系方式', '号码', '邮编', '邮政编码', '编号',
  '代码', '证号', '账号', '卡号', '微信', 'qq', 'tel', 'fax', 'no', '№',
];

/** Currency symbols that open a figure: `$4.5 million`, `￥100`. */
export const CURRENCIES: Readonly<Record<string, string>> = { $: '$', '＄': '$', '€': '€', '£': '£', '¥': '¥', '￥': '¥' };

export const CN_DIGITS: Readonly<Record<string, number>> = {
  〇: 0, '○': 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
export const CN_SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
export const CN_NUMERAL_CHARS = new Set([...Object.keys(CN_DIGITS), '十', '百', '千', '万', '亿']);

/** Range separators: `16—60`, `1--8`, `3～5`, `3至5`. */
export const RANGE_SEPARATORS: readonly string[] = ['——', '--', '—', '–', '-', '－', '~', '～', '〜', '至', '到'];

/** Words after the upper bound that make a range a span of dates or times, not a quantity. */
export const DATE_WORDS = '年月日号时点';

/** Code-unit classes for the main loop: what may start a number. */
export const START_DIGIT = 1;
export const START_CHINESE = 2;
const START_CURRENCY = 3;
export const START_CLASS = new Uint8Array(0x10000);
for (let c = 48; c <= 57; c++) START_CLASS[c] = START_DIGIT;
for (let c = 0xff10; c <= 0xff19; c++) START_CLASS[c] = START_DIGIT;
for (const ch of CN_NUMERAL_CHARS) START_CLASS[ch.charCodeAt(0)] = START_CHINESE;
for (const ch of Object.keys(CURRENCIES)) START_CLASS[ch.charCodeAt(0)] = START_CURRENCY;

/** First characters of range separators and last characters of id keywords, for fast rejection. */
export const SEPARATOR_FIRSTS = new Set(RANGE_SEPARATORS.map((s) => s[0]));
export const KEYWORD_LASTS = new Set(ID_KEYWORDS.flatMap((k) => [k[k.length - 1], k[k.length - 1].toUpperCase()]));

export const MAX_INT_DIGITS = 15;
export const MAX_FRACTION_DIGITS = 10;
/** Integers this long without separators are phone numbers or ids (`15835812206`). */
export const ID_DIGITS = 11;
export const MAX_CN_RUN = 24;
export const TITLE_MAX_CHARS = 120;
export const TITLE_MAX_BREAKS = 4;

// ---------------------------------------------------------------------------------------------
// Character classes (by UTF-16 code unit)

export const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 0x3000 || c === 0xa0;
export const isBreak = (c: number): boolean => c === 10 || c === 13;
export const isDigit = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19);
export const digitChar = (c: number): string => String.fromCharCode(c >= 0xff10 ? c - 0xff10 + 48 : c);
export const isLatin = (c: number): boolean =>
  (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a);
export const isAlnum = (c: number): boolean => isDigit(c) || isLatin(c);
/** Han ideographs, as `HAN` in text.ts: CJK unified, extension A, compatibility. */
export const isHan = (c: number): boolean =>
  (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
export const isPercent = (c: number): boolean => c === 37 || c === 0xff05;
export const PERMILLE = 0x2030;

// ---------------------------------------------------------------------------------------------
// Unit trie

export interface TrieNode {
  readonly next: Map<number, TrieNode>;
  unit: string | null;
}

function buildTrie(words: readonly string[]): TrieNode {
  const root: TrieNode = { next: new Map(), unit: null };
  for (const word of words) {
    let node = root;
    for (let i = 0; i < word.length; i++) {
      const c = word.charCodeAt(i);
      let child = node.next.get(c);
      if (!child) {
        child = { next: new Map(), unit: null };
        node.next.set(c, child);
      }
      node = child;
    }
    node.unit = word;
  }
  return root;
}

export const UNIT_TRIE = buildTrie(HAN_UNITS);
export const PER_TRIE = buildTrie(PER_UNITS);
