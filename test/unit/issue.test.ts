// Issues of several pages, written as fixtures: page ids, jump lines resolved across pages,
// and the diagnostics of each page. The articles are made up, laid out as extracted e-paper
// text comes: a headline, a dateline, body lines of about 16 characters between blank lines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixture, fixtureUri, type Fixture } from '../support/fixture';
import { pageIdFromFileName } from '../../server/src/core/pageId';
import { DEFAULT_SEVERITY } from '../../server/src/languageFeatures/diagnostics';
import type { DiagnosticCode, GalleyDiagnostic } from '../../server/src/core/diagnostic';
import type { PageId, Position } from '../../server/src/core/model';

// ---------------------------------------------------------------------------------------------
// Helpers

/** Where the nth occurrence of `needle` starts in a fixture file. */
function at(f: Fixture, name: string, needle: string, nth = 0): Position {
  const text = f.docs.find((d) => d.name === name)!.text;
  let offset = -1;
  for (let k = 0; k <= nth; k++) {
    offset = text.indexOf(needle, offset + 1);
    assert.ok(offset >= 0, `${name} has no ${nth + 1}th ${JSON.stringify(needle)}`);
  }
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

const lineOf = (f: Fixture, name: string, needle: string, nth = 0): number => at(f, name, needle, nth).line;

/** The diagnostics of a file with one of the given codes (all codes when none are given). */
function diags(f: Fixture, name: string, ...codes: DiagnosticCode[]): GalleyDiagnostic[] {
  return f.diagnosticsOf(name).filter((d) => codes.length === 0 || codes.includes(d.code));
}

/** The one diagnostic of a file with this code. */
function one(f: Fixture, name: string, code: DiagnosticCode): GalleyDiagnostic {
  const found = diags(f, name, code);
  assert.equal(found.length, 1, `${name}: expected one ${code}, got ${JSON.stringify(f.diagnosticsOf(name).map((d) => [d.code, d.range.start.line]))}`);
  return found[0];
}

const JUMP_CODES: DiagnosticCode[] = ['jump-missing-page', 'jump-target-missing', 'jump-unmatched', 'jump-ambiguous', 'jump-self'];

/** [code, severity, line] of each diagnostic, for a compact comparison. */
const brief = (ds: readonly GalleyDiagnostic[]) => ds.map((d) => [d.code, d.severity, d.range.start.line]);

// Articles with no jumps, to fill pages. Each has a headline and a dateline.
const PARKING = `城区新增公共停车泊位八百个

本报讯（记者 王五）为缓解停车难，

市城管局今年在城区新增公共停车泊

位八百个，已全部投入使用。`;

const GRAIN = `夏粮收购工作有序开展

本报讯（记者 李四）连日来，各地夏

粮收购工作有序开展，收购进度快于

去年同期，农民售粮积极性较高。`;

const SCHOOL = `全市中小学暑期安全教育启动

本报讯（记者 赵六）近日，市教育局

部署暑期安全教育工作，要求各校在

放假前开展防溺水专题教育。`;

const LIBRARY = `市图书馆延长周末开放时间

本报讯（记者 孙七）记者从市图书馆

获悉，自7月起，该馆周六、周日开放

时间延长至21时。`;

// ---------------------------------------------------------------------------------------------
// Page ids

test('page ids from file names', () => {
  const cases: [string, PageId][] = [
    ['04.news', 4],
    ['p4.txt', 4],
    ['A04.txt', 'A04'],
    ['第4版.txt', 4],
    ['2020-06-22_04.txt', 4],
    ['004_f2a9e54971a23ea8.txt', null],
  ];
  for (const [name, id] of cases) {
    assert.equal(pageIdFromFileName(`/issue/${name}`), id, name);
    assert.equal(pageIdFromFileName(fixtureUri(name)), id, `${name} as a uri`);
    const page = fixture(`%! ${name}\n${GRAIN}\n`).doc(name).page;
    assert.equal(page.id, id, name);
    assert.equal(page.idSource, id === null ? null : 'file-name', name);
  }
});

test('a header line at the top wins over the file name', () => {
  const f = fixture(`
%! p2.txt
第04版：要闻

${GRAIN}
%! 004_f2a9e54971a23ea8.txt
第04版：要闻

${PARKING}
`);
  for (const name of ['p2.txt', '004_f2a9e54971a23ea8.txt']) {
    const page = f.doc(name).page;
    assert.equal(page.id, 4, name);
    assert.equal(page.idSource, 'header', name);
    assert.equal(page.furniture.header?.text, '第04版：要闻');
  }
});

// ---------------------------------------------------------------------------------------------
// A sound issue

const FOUR_PAGES = `
%! 01.news
第01版：要闻

我市启动老旧小区改造三年行动

本报讯（记者 张三）6月20日，记者从

市住建局获悉，我市老旧小区改造三

年行动正式启动，今年计划改造小区

126个，惠及居民两万余户。（下转4版）

${GRAIN}

%! 02.news
第02版：综合

${PARKING}

%! 03.news
第03版：教育

${SCHOOL}

%! 04.news
第04版：民生

（上接1版）市住建局相关负责人表示，

改造将坚持“先民生后提升”原则，

充分征求居民意见，做到一小区一方

案，确保年底前完成全部开工任务。

${LIBRARY}
`;

test('（下转4版） on page 1 meets （上接1版） on page 4', () => {
  const f = fixture(FOUR_PAGES);
  const { issue } = f.parse();
  const [to] = issue.jumps(f.uri('01.news'));
  const [from] = issue.jumps(f.uri('04.news'));
  assert.equal(to.status, 'ok');
  assert.equal(from.status, 'ok');
  assert.deepEqual(to.partner, { uri: f.uri('04.news'), jump: from.jump });
  assert.deepEqual(from.partner, { uri: f.uri('01.news'), jump: to.jump });
  assert.equal(to.jump.range.start.line, lineOf(f, '01.news', '（下转4版）'));
  assert.equal(from.jump.range.start.line, lineOf(f, '04.news', '（上接1版）'));
  assert.deepEqual(diags(f, '01.news', ...JUMP_CODES), []);
  assert.deepEqual(diags(f, '04.news', ...JUMP_CODES), []);
});

test('a sound four-page issue has no diagnostics at all', () => {
  const f = fixture(FOUR_PAGES);
  for (const d of f.docs) assert.deepEqual(brief(f.diagnosticsOf(d.name)), [], d.name);
});

test('a clean two-page issue: no errors, no warnings, no hints', () => {
  const f = fixture(`
%! 01.news
第01版：要闻

我市启动老旧小区改造三年行动

本报讯（记者 张三）6月20日，记者从

市住建局获悉，我市老旧小区改造三

年行动正式启动。改造内容分为基础

类、完善类和提升类，重点解决管网

老化、停车难等问题。（下转2版）

${SCHOOL}

关于严明端午节期间各项纪律的通告（见2版）

%! 02.news
第02版：综合

关于严明端午节期间各项纪律的通告

全市各级党组织、广大党员干部：

端午节将至，为严明节日纪律，现将

有关事项通告如下。

（上接1版）市住建局相关负责人表示，

改造将坚持“先民生后提升”原则，

充分征求居民意见。

${LIBRARY}
`);
  for (const d of f.docs) {
    const found = f.diagnosticsOf(d.name);
    assert.deepEqual(brief(found), [], d.name);
  }
  const { issue } = f.parse();
  assert.deepEqual(issue.jumps(f.uri('01.news')).map((j) => [j.jump.direction, j.status]), [['to', 'ok'], ['see', 'ok']]);
});

// ---------------------------------------------------------------------------------------------
// Broken jump lines, one way at a time

test('jump-missing-page: （下转 版）', () => {
  const f = fixture(`
%! 01.news
第01版：要闻

我市启动老旧小区改造三年行动

本报讯（记者 张三）6月20日，记者从

市住建局获悉，我市老旧小区改造三

年行动正式启动。（下转 版）

${GRAIN}
%! 04.news
第04版：民生

${PARKING}
`);
  const d = one(f, '01.news', 'jump-missing-page');
  assert.equal(d.severity, 'error');
  assert.deepEqual(d.range.start, at(f, '01.news', '（下转 版）'));
  assert.equal(d.range.end.character, at(f, '01.news', '（下转 版）').character + '（下转 版）'.length);
  assert.deepEqual(d.related, []);
  assert.deepEqual(brief(diags(f, '01.news')), [['jump-missing-page', 'error', d.range.start.line]]);
});

test('jump-target-missing: page 6 is not in the issue, either way', () => {
  const f = fixture(`
%! 01.news
第01版：要闻

我市启动老旧小区改造三年行动

本报讯（记者 张三）6月20日，记者从

市住建局获悉，我市老旧小区改造三

年行动正式启动。（下转6版）

${GRAIN}
%! 04.news
第04版：民生

（上接6版）市住建局相关负责人表示，

改造将坚持“先民生后提升”原则。

${PARKING}
`);
  const to = one(f, '01.news', 'jump-target-missing');
  assert.equal(to.severity, 'warning');
  assert.equal(to.range.start.line, lineOf(f, '01.news', '（下转6版）'));
  assert.deepEqual(to.related, []);
  assert.match(to.message.en, /Page 6/);
  // A continuation whose source page is not in the issue: the same code.
  const from = one(f, '04.news', 'jump-target-missing');
  assert.equal(from.severity, 'warning');
  assert.deepEqual(from.range.start, at(f, '04.news', '（上接6版）'));
  assert.deepEqual(diags(f, '04.news', 'jump-unmatched', 'headline-missing'), []);
});

test('jump-unmatched: page 4 exists but does not continue the story', () => {
  const f = fixture(`
%! 01.news
第01版：要闻

我市启动老旧小区改造三年行动

本报讯（记者 张三）6月20日，记者从

市住建局获悉，我市老旧小区改造三

年行动正式启动。（下转4版）

${GRAIN}
%! 04.news
第04版：民生

${PARKING}

${LIBRARY}
`);
  const d = one(f, '01.news', 'jump-unmatched');
  assert.equal(d.severity, 'error');
  assert.equal(d.range.start.line, lineOf(f, '01.news', '（下转4版）'));
  assert.match(d.message.en, /page 4/);
  // Nothing on page 4 runs the other way: the related location is the top of page 4.
  assert.equal(d.related.length, 1);
  assert.equal(d.related[0].uri, f.uri('04.news'));
  assert.deepEqual(d.related[0].range.start, at(f, '04.news', '城区新增公共停车泊位八百个'));
  assert.deepEqual(d.related[0].message, { en: 'Page 4', zh: '第4版' });
  assert.deepEqual(diags(f, '04.news'), []);
});

test('jump-unmatched both ways: 下转4版 meets 上接2版, and page 2 has no 下转4版', () => {
  const f = fixture(`
%! 01.news
第01版：要闻

我市启动老旧小区改造三年行动

本报讯（记者 张三）6月20日，记者从

市住建局获悉，我市老旧小区改造三

年行动正式启动。（下转4版）

${GRAIN}
%! 02.news
第02版：综合

${PARKING}

${LIBRARY}
%! 04.news
第04版：民生

（上接2版）市住建局相关负责人表示，

改造将坚持“先民生后提升”原则。

${SCHOOL}
`);
  const onPage1 = one(f, '01.news', 'jump-unmatched');
  assert.equal(onPage1.severity, 'error');
  assert.equal(onPage1.range.start.line, lineOf(f, '01.news', '（下转4版）'));
  // Page 4's own loose 上接 is the likely other end (its page number mistyped).
  assert.equal(onPage1.related.length, 1);
  assert.equal(onPage1.related[0].uri, f.uri('04.news'));
  assert.deepEqual(onPage1.related[0].range.start, at(f, '04.news', '（上接2版）'));
  assert.match(onPage1.related[0].message.en, /（上接2版）/);

  const onPage4 = one(f, '04.news', 'jump-unmatched');
  assert.equal(onPage4.severity, 'error');
  assert.deepEqual(onPage4.range.start, at(f, '04.news', '（上接2版）'));
  assert.match(onPage4.message.en, /Nothing on page 2 continues onto this page/);
  assert.match(onPage4.message.zh, /第2版没有对应的“下转”标记/);
  assert.equal(onPage4.related.length, 1);
  assert.equal(onPage4.related[0].uri, f.uri('02.news'));
  assert.deepEqual(onPage4.related[0].range.start, at(f, '02.news', '城区新增公共停车泊位八百个'));
  assert.deepEqual(diags(f, '02.news'), []);
});

test('jump-ambiguous: two files are both page 4', () => {
  const f = fixture(`
%! 01.news
第01版：要闻

我市启动老旧小区改造三年行动

本报讯（记者 张三）6月20日，记者从

市住建局获悉，我市老旧小区改造三

年行动正式启动。（下转4版）

${GRAIN}
%! 04.news
第04版：民生

（上接1版）市住建局相关负责人表示，

改造将坚持“先民生后提升”原则。

${PARKING}
%! p4.news
${LIBRARY}

${SCHOOL}
`);
  assert.equal(f.doc('04.news').page.id, 4);
  assert.equal(f.doc('p4.news').page.id, 4);
  const d = one(f, '01.news', 'jump-ambiguous');
  assert.equal(d.severity, 'warning');
  assert.equal(d.range.start.line, lineOf(f, '01.news', '（下转4版）'));
  assert.deepEqual(d.related.map((r) => r.uri), [f.uri('04.news'), f.uri('p4.news')]);
  assert.deepEqual(d.related[0].range.start, at(f, '04.news', '（上接1版）'));
  assert.deepEqual(d.related[1].range.start, at(f, 'p4.news', '市图书馆延长周末开放时间'));
  assert.deepEqual(d.related.map((r) => r.message.en), ['Page 4: 04.news', 'Page 4: p4.news']);
  assert.deepEqual(diags(f, '01.news', 'jump-unmatched'), []);
});

test('jump-self: page 1 points to page 1', () => {
  const f = fixture(`
%! 01.news
第01版：要闻

我市启动老旧小区改造三年行动

本报讯（记者 张三）6月20日，记者从

市住建局获悉，我市老旧小区改造三

年行动正式启动。（下转1版）

${GRAIN}
%! 04.news
第04版：民生

${PARKING}
`);
  const d = one(f, '01.news', 'jump-self');
  assert.equal(d.severity, 'warning');
  assert.deepEqual(d.range.start, at(f, '01.news', '（下转1版）'));
  assert.deepEqual(d.related, []);
  assert.deepEqual(brief(diags(f, '01.news')), [['jump-self', 'warning', d.range.start.line]]);
});

// ---------------------------------------------------------------------------------------------
// Teasers

const teaserIssue = (page2Headline: string) => `
%! 01.news
第01版：要闻

${GRAIN}

${SCHOOL}

关于严明端午节期间各项纪律的通告（见2版）

%! 02.news
第02版：综合

${page2Headline}

全市各级党组织、广大党员干部：

端午节将至，为严明节日纪律，现将

有关事项通告如下。

${PARKING}
`;

test('teaser-target-missing: no headline on page 2 matches the front-page teaser', () => {
  const f = fixture(teaserIssue('关于做好防汛工作的通知'));
  const teaser = f.doc('01.news').page.items.find((i) => i.kind === 'teaser');
  assert.equal(teaser?.headline, '关于严明端午节期间各项纪律的通告');
  const d = one(f, '01.news', 'teaser-target-missing');
  assert.equal(d.severity, 'warning');
  assert.deepEqual(d.range.start, at(f, '01.news', '关于严明端午节期间各项纪律的通告'));
  assert.equal(d.related.length, 1);
  assert.equal(d.related[0].uri, f.uri('02.news'));
  assert.deepEqual(d.related[0].range.start, at(f, '02.news', '关于做好防汛工作的通知'));
  assert.deepEqual(brief(diags(f, '01.news')), [['teaser-target-missing', 'warning', d.range.start.line]]);
});

test('a teaser whose title heads an article on the named page is fine', () => {
  const f = fixture(teaserIssue('关于严明端午节期间各项纪律的通告'));
  assert.equal(f.doc('02.news').page.items[0].headline, '关于严明端午节期间各项纪律的通告');
  assert.deepEqual(brief(diags(f, '01.news')), []);
  assert.deepEqual(brief(diags(f, '02.news')), []);
});

// ---------------------------------------------------------------------------------------------
// Items

test('headline-missing: a story with no headline that continues nothing', () => {
  const f = fixture(`
%! 02.news
第02版：综合

本报讯（记者 张三）6月20日，记者从

市住建局获悉，我市老旧小区改造三

年行动正式启动。

${PARKING}
`);
  const d = one(f, '02.news', 'headline-missing');
  assert.equal(d.severity, 'warning');
  assert.deepEqual(d.range.start, at(f, '02.news', '本报讯（记者 张三）'));
  assert.deepEqual(d.related, []);
  assert.deepEqual(brief(diags(f, '02.news')), [['headline-missing', 'warning', d.range.start.line]]);
});

test('no headline-missing for the briefs under a 简讯 label; an untitled story elsewhere still has one', () => {
  const f = fixture(`
%! 05.news
第05版：综合新闻

本报讯（记者 赵敏）连日来，我市各地抢抓农时，组

织农民群众开展春耕备播。

简讯

本报讯（记者 李明）6月18日，市图书馆举办全民阅

读活动，吸引200余名市民参加。

本报讯（记者 王芳）近日，市气象局发布汛期气象服

务工作方案。
`);
  // The story above the label has no headline: it is reported; the briefs are not.
  assert.deepEqual(diags(f, '05.news', 'headline-missing').map((d) => d.range.start.line), [2]);
});

test('no headline-missing for a continuation whose 上接 / Continued from is in its first lines', () => {
  const f = fixture(`
%! A01.news
City Council Approves New Budget

By JANE SMITH

The city council on Monday approved a

budget of $2.4 billion. Continued on Page A4
%! A04.news
Budget Passes After Long Debate

Continued from Page A1

The vote came after three hours of

debate, and two members voted against

the plan.
%! 01.news
第01版：要闻

${PARKING}（下转4版）
%! 04.news
第04版：民生

（上接1版）

市城管局相关负责人表示，下一步将

继续扩大泊位供给。

${GRAIN}
`);
  // However the parser splits the jump head from its body, the story is not headless.
  assert.deepEqual(brief(diags(f, 'A04.news')), []);
  assert.deepEqual(brief(diags(f, '04.news')), []);
  assert.deepEqual(brief(diags(f, '01.news')), []);
});

test('an unbalanced bracket in a teaser title is reported once', () => {
  const f = fixture(`
%! 01.news
第01版：要闻

${GRAIN}

关于《停车管理办法修订的通告（见2版）
%! 02.news
第02版：综合

${PARKING}
`);
  const found = diags(f, '01.news', 'bracket-unbalanced');
  assert.deepEqual(found.map((d) => d.range.start), [at(f, '01.news', '《')]);
});

test('bracket-unbalanced: an unclosed （ and a stray 》 in one article', () => {
  const f = fixture(`
%! 02.news
第02版：综合

${GRAIN}

城区新增公共停车泊位八百个

本报讯（记者 王五）为缓解停车难，

市城管局依据停车管理办法》在城区

新增公共停车泊位八百个（含临时泊

位，已全部投入使用。
`);
  const found = diags(f, '02.news', 'bracket-unbalanced');
  assert.deepEqual(
    found.map((d) => [d.severity, d.range.start, d.range.end.character - d.range.start.character]),
    [
      ['warning', at(f, '02.news', '》'), 1],
      ['warning', at(f, '02.news', '（含'), 1],
    ],
  );
  assert.match(found[0].message.en, /'》' closes nothing/);
  assert.match(found[1].message.en, /'（' is never closed/);
  assert.deepEqual(diags(f, '02.news', 'headline-missing', 'text-spaced', 'glyph-gap'), []);
});

test('a quotation of several paragraphs opens each and closes at the last: balanced; a quote lost inside a paragraph is not', () => {
  const f = fixture(`
%! 02.news
第02版：综合

市长在座谈会上提出要求

本报讯（记者 王五）6月18日，市长在座谈会上说：

“我们要坚定信心，迎难而上，把各项工作做实做细，确保

全年目标任务圆满完成。

“各级干部要转变作风，深入基层，真心实意为群众办实

事、解难题。”

与会人员表示，将认真落实“两个确保要求，

推动“三项行动”落地见效。
`);
  const found = diags(f, '02.news', 'bracket-unbalanced');
  // Only the quote opened mid-sentence and never closed: the next “ stands inside a line.
  assert.deepEqual(found.map((d) => d.range.start), [at(f, '02.news', '“两个')]);
});

test('a bracket that opens on one line and closes on the next is balanced', () => {
  const f = fixture(`
%! 02.news
第02版：综合

${GRAIN}

城区新增公共停车泊位八百个

本报讯（记者 王五 通讯员 刘

明）为缓解停车难，市城管局依据《城

市停车管理办法》新增公共停车泊位

八百个（含临时泊位二百

个），已全部投入使用。
`);
  assert.deepEqual(brief(diags(f, '02.news')), []);
});

test('text-spaced and glyph-gap: extraction damage in a body', () => {
  const f = fixture(`
%! 02.news
第02版：综合

${GRAIN}

乡村振兴上出新招

本报讯（记者 王五）今年以来，我市

在乡村振兴上 出新招，组织农村富余

劳 动 力 转 移 就 业，人均增收两千

余元。
`);
  const spaced = one(f, '02.news', 'text-spaced');
  assert.equal(spaced.severity, 'hint');
  assert.deepEqual(spaced.range.start, at(f, '02.news', '劳 动 力'));
  assert.equal(spaced.range.end.character, at(f, '02.news', '劳 动 力 转 移 就 业').character + '劳 动 力 转 移 就 业'.length);
  const gap = one(f, '02.news', 'glyph-gap');
  assert.equal(gap.severity, 'hint');
  assert.deepEqual(gap.range, { start: at(f, '02.news', '上 出'), end: { ...at(f, '02.news', '上 出'), character: at(f, '02.news', '上 出').character + 3 } });
  assert.deepEqual(brief(diags(f, '02.news')), [
    ['glyph-gap', 'hint', gap.range.start.line],
    ['text-spaced', 'hint', spaced.range.start.line],
  ]);
});

// ---------------------------------------------------------------------------------------------
// Spellings of the two ends

test('（下转第四版） meets (上接第一版)', () => {
  const f = fixture(`
%! 01.news
第01版：要闻

我市启动老旧小区改造三年行动

本报讯（记者 张三）6月20日，记者从

市住建局获悉，我市老旧小区改造三

年行动正式启动。（下转第四版）

${GRAIN}
%! 04.news
第04版：民生

(上接第一版)市住建局相关负责人表示，

改造将坚持“先民生后提升”原则。

${PARKING}
`);
  const { issue } = f.parse();
  assert.deepEqual(issue.jumps(f.uri('01.news')).map((j) => [j.jump.text, j.jump.page, j.status]), [['（下转第四版）', 4, 'ok']]);
  assert.deepEqual(issue.jumps(f.uri('04.news')).map((j) => [j.jump.text, j.jump.page, j.status]), [['(上接第一版)', 1, 'ok']]);
  assert.deepEqual(brief(diags(f, '01.news')), []);
  assert.deepEqual(brief(diags(f, '04.news')), []);
});

test('（转A2版） meets （接A1版） on A01.news / A02.news', () => {
  const f = fixture(`
%! A01.news
我市启动老旧小区改造三年行动

本报讯（记者 张三）6月20日，记者从

市住建局获悉，我市老旧小区改造三

年行动正式启动。（转A2版）

${GRAIN}
%! A02.news
（接A1版）市住建局相关负责人表示，

改造将坚持“先民生后提升”原则。

${PARKING}
`);
  assert.equal(f.doc('A01.news').page.id, 'A01');
  assert.equal(f.doc('A02.news').page.id, 'A02');
  const { issue } = f.parse();
  const [to] = issue.jumps(f.uri('A01.news'));
  const [from] = issue.jumps(f.uri('A02.news'));
  assert.deepEqual([to.jump.direction, to.jump.page, to.status], ['to', 'A02', 'ok']);
  assert.deepEqual([from.jump.direction, from.jump.page, from.status], ['from', 'A01', 'ok']);
  assert.equal(to.partner?.jump, from.jump);
  assert.deepEqual(brief(diags(f, 'A01.news')), []);
  assert.deepEqual(brief(diags(f, 'A02.news')), []);
});

const ENGLISH_FRONT = `
%! A01.news
City Council Approves New Budget

By JANE SMITH

The city council on Monday approved a

budget of $2.4 billion for the coming

year, with new money for schools and

roads. Continued on Page A4

Storm Knocks Out Power Downtown

By TOM LEE

Thousands of homes were without power

on Sunday night after high winds tore

down lines across the downtown area.
`;

test('Continued on Page A4 meets Continued from Page A1', () => {
  const f = fixture(`${ENGLISH_FRONT}
%! A04.news
Budget Passes After Long Debate

By JANE SMITH

Continued from Page A1

The vote came after three hours of

debate, and two members voted against

the plan.

Library Extends Weekend Hours

By ANNA WU

The main library will stay open until

9 p.m. on Saturdays starting in July.
`);
  const { issue } = f.parse();
  const [to] = issue.jumps(f.uri('A01.news'));
  const [from] = issue.jumps(f.uri('A04.news'));
  assert.deepEqual([to.jump.text, to.jump.page, to.status], ['Continued on Page A4', 'A04', 'ok']);
  assert.deepEqual([from.jump.text, from.jump.page, from.status], ['Continued from Page A1', 'A01', 'ok']);
  assert.deepEqual(to.partner, { uri: f.uri('A04.news'), jump: from.jump });
  assert.deepEqual(brief(diags(f, 'A01.news')), []);
  assert.deepEqual(brief(diags(f, 'A04.news')), []);
  assert.deepEqual(f.doc('A04.news').page.items.map((i) => i.headline), ['Budget Passes After Long Debate', 'Library Extends Weekend Hours']);
});

test('Continued on Page A4 with no Continued from Page A1 on A4', () => {
  const f = fixture(`${ENGLISH_FRONT}
%! A04.news
Library Extends Weekend Hours

By ANNA WU

The main library will stay open until

9 p.m. on Saturdays starting in July.
`);
  const d = one(f, 'A01.news', 'jump-unmatched');
  assert.deepEqual(d.range.start, at(f, 'A01.news', 'Continued on Page A4'));
  assert.deepEqual(d.related.map((r) => [r.uri, r.range.start]), [[f.uri('A04.news'), at(f, 'A04.news', 'Library Extends')]]);
  assert.deepEqual(d.related[0].message, { en: 'Page A04', zh: '第A04版' });
});

test('See BUDGET, Page A4 jumps a story to its continuation head BUDGET from A1; a See with no answer is no error', () => {
  const f = fixture(`
%! A01.news
PAGE A1

Council Approves City Budget

By JANE SMITH

The council approved the budget on Tuesday after a long

debate over school funding. See BUDGET, Page A4

Library Extends Weekend Hours

By ANNA WU

The library will stay open later. See HOURS, Page A4
%! A04.news
PAGE A4

BUDGET from A1

The vote came after three hours of debate.

Parks Get New Benches

By TOM ROE

The parks department installed forty benches.
`);
  const { issue } = f.parse();
  const [see, related] = issue.jumps(f.uri('A01.news'));
  const [from] = issue.jumps(f.uri('A04.news'));
  assert.deepEqual([from.jump.text, from.jump.direction, from.jump.page, from.jump.slug, from.status], ['BUDGET from A1', 'from', 'A01', 'BUDGET', 'ok']);
  assert.deepEqual(from.partner, { uri: f.uri('A01.news'), jump: see.jump });
  assert.deepEqual(see.partner, { uri: f.uri('A04.news'), jump: from.jump });
  assert.deepEqual([related.jump.text, related.status, related.partner], ['See HOURS, Page A4', 'ok', null]);
  assert.deepEqual(brief(diags(f, 'A01.news')), []);
  assert.deepEqual(brief(diags(f, 'A04.news')), []);
});

// ---------------------------------------------------------------------------------------------
// Pairing

/** Page 1 with two stories continued on page 4. */
const TWO_JUMPS_TO_4 = `%! 01.news
第01版：要闻

我市启动老旧小区改造三年行动

本报讯（记者 张三）6月20日，记者从

市住建局获悉，我市老旧小区改造三

年行动正式启动。（下转4版）

夏粮收购工作有序开展

本报讯（记者 李四）连日来，各地夏

粮收购工作有序开展，收购进度快于

去年同期。（下转4版）
`;

test('two （下转4版） on page 1 meet two （上接1版） on page 4, in order', () => {
  const f = fixture(`
${TWO_JUMPS_TO_4}
%! 04.news
第04版：民生

（上接1版）市住建局相关负责人表示，

改造将坚持“先民生后提升”原则。

${PARKING}

（上接1版）据了解，今年全市已收购

小麦十二万吨，价格保持稳定。
`);
  const { issue } = f.parse();
  const tos = issue.jumps(f.uri('01.news'));
  const froms = issue.jumps(f.uri('04.news'));
  assert.deepEqual(tos.map((j) => j.status), ['ok', 'ok']);
  assert.deepEqual(froms.map((j) => j.status), ['ok', 'ok']);
  assert.equal(tos[0].partner?.jump, froms[0].jump);
  assert.equal(tos[1].partner?.jump, froms[1].jump);
  assert.equal(froms[0].partner?.jump, tos[0].jump);
  assert.equal(froms[1].partner?.jump, tos[1].jump);
  assert.deepEqual(froms.map((j) => j.jump.range.start.line), [lineOf(f, '04.news', '（上接1版）'), lineOf(f, '04.news', '（上接1版）', 1)]);
  assert.deepEqual(brief(diags(f, '01.news')), []);
  assert.deepEqual(brief(diags(f, '04.news')), []);
});

test('a second （下转4版） with only one （上接1版） on page 4 is unmatched, the first is not', () => {
  const f = fixture(`
${TWO_JUMPS_TO_4}
%! 04.news
第04版：民生

（上接1版）市住建局相关负责人表示，

改造将坚持“先民生后提升”原则。

${PARKING}
`);
  const { issue } = f.parse();
  const tos = issue.jumps(f.uri('01.news'));
  assert.deepEqual(tos.map((j) => j.status), ['ok', 'unmatched']);
  assert.equal(tos[1].partner, null);
  const d = one(f, '01.news', 'jump-unmatched');
  assert.equal(d.range.start.line, lineOf(f, '01.news', '（下转4版）', 1));
  // Page 4's 上接 is taken by the first: the related location is the top of page 4.
  assert.deepEqual(d.related.map((r) => [r.uri, r.range.start]), [[f.uri('04.news'), at(f, '04.news', '（上接1版）')]]);
  assert.deepEqual(brief(diags(f, '04.news')), []);
});

// ---------------------------------------------------------------------------------------------
// Messages

test('every code has a message in English and Chinese, and so has every related location', () => {
  const f = fixture(`
%! 01.news
第01版：要闻

我市启动老旧小区改造三年行动

本报讯（记者 张三）6月20日，记者从

市住建局获悉，我市老旧小区改造三

年行动正式启动。（下转 版）

夏粮收购工作有序开展

本报讯（记者 李四）连日来，各地夏

粮收购工作有序开展。（下转6版）

全市中小学暑期安全教育启动

本报讯（记者 赵六）近日，市教育局

部署暑期安全教育工作。（下转1版）

城区新增公共停车泊位八百个

本报讯（记者 王五）为缓解停车难，

市城管局依据停车管理办法》新增

公共停车泊位八百个。（下转4版）

关于严明端午节期间各项纪律的通告（见2版）
%! 02.news
第02版：综合

${LIBRARY}

本报讯（记者 孙七）今年以来，我市

在乡村振兴上 出新招，组织农村富余

劳 动 力 转 移 就 业。（下转3版）
%! 03.news
第03版：经济

${SCHOOL}
%! 04.news
第04版：民生

${GRAIN}
%! p4.news
${PARKING}
%! 05.news
第05版：文化

（上接2版）据了解，今年全市文化惠民

演出已达三百余场。

${LIBRARY}
`);
  const all = f.docs.flatMap((d) => f.diagnosticsOf(d.name));
  const codes = Object.keys(DEFAULT_SEVERITY) as DiagnosticCode[];
  assert.deepEqual([...new Set(all.map((d) => d.code))].sort(), [...codes].sort());
  for (const d of all) {
    assert.deepEqual(d.severity, DEFAULT_SEVERITY[d.code], d.code);
    for (const m of [d.message, ...d.related.map((r) => r.message)]) {
      assert.match(m.en, /[A-Za-z]{3}/, `${d.code}: ${m.en}`);
      assert.match(m.zh, /[\u4e00-\u9fff]/, `${d.code}: ${m.zh}`);
      assert.notEqual(m.en, m.zh);
    }
  }
  // The README's defaults.
  assert.deepEqual(DEFAULT_SEVERITY, {
    'jump-missing-page': 'error',
    'jump-target-missing': 'warning',
    'jump-unmatched': 'error',
    'jump-ambiguous': 'warning',
    'jump-self': 'warning',
    'teaser-target-missing': 'warning',
    'headline-missing': 'warning',
    'bracket-unbalanced': 'warning',
    'text-spaced': 'hint',
    'glyph-gap': 'hint',
  });
});

// ---------------------------------------------------------------------------------------------
// Parser cases these fixtures exposed (segmentation; owned elsewhere). Marked todo so the suite
// stays green; drop the todo when the parser handles them.

test('a page whose one story has a headline but no dateline keeps the headline', () => {
  const f = fixture(`
%! 02.news
第02版：综合

关于做好防汛工作的通知

各县（市、区）人民政府：

入汛以来，我市降雨偏多，各地要切

实做好防汛工作。
%! 04.news
第04版：民生

我市启动老旧小区改造三年行动

（上接1版）市住建局相关负责人表示，

改造将坚持“先民生后提升”原则，

充分征求居民意见。
`);
  const notice = f.doc('02.news').page.items;
  assert.deepEqual(notice.map((i) => [i.kind, i.headline, i.bodyRange.start.line]), [['notice', '关于做好防汛工作的通知', lineOf(f, '02.news', '各县')]]);
  const cont = f.doc('04.news').page.items;
  assert.deepEqual(cont.map((i) => [i.headline, i.bodyRange.start.line]), [['我市启动老旧小区改造三年行动', lineOf(f, '04.news', '（上接1版）')]]);
});

test('a headline with no dateline after a story keeps its headline', () => {
  const f = fixture(`
%! 02.news
第02版：综合

（上接1版）市住建局相关负责人表示，

改造将坚持“先民生后提升”原则，

充分征求居民意见。

关于严明端午节期间各项纪律的通告

全市各级党组织、广大党员干部：

端午节将至，为严明节日纪律，现将

有关事项通告如下。

${LIBRARY}
%! 05.news
第05版：综合

${LIBRARY}

关于做好防汛工作的通知

各县（市、区）人民政府：

入汛以来，我市降雨偏多，各地要切

实做好防汛工作。

${PARKING}
`);
  assert.deepEqual(f.doc('02.news').page.items.map((i) => [i.headline, i.bodyRange.start.line]), [
    [null, lineOf(f, '02.news', '（上接1版）')],
    ['关于严明端午节期间各项纪律的通告', lineOf(f, '02.news', '全市各级党组织')],
    ['市图书馆延长周末开放时间', lineOf(f, '02.news', '本报讯')],
  ]);
  assert.deepEqual(f.doc('05.news').page.items.map((i) => [i.kind, i.headline, i.bodyRange.start.line]), [
    ['article', '市图书馆延长周末开放时间', lineOf(f, '05.news', '本报讯')],
    ['notice', '关于做好防汛工作的通知', lineOf(f, '05.news', '各县')],
    ['article', '城区新增公共停车泊位八百个', lineOf(f, '05.news', '本报讯', 1)],
  ]);
});

test('an English page whose first story has no byline', () => {
  const f = fixture(`
%! A04.news
Budget Passes After Long Debate

Continued from Page A1

The vote came after three hours of

debate, and two members voted against

the plan.

Library Extends Weekend Hours

By ANNA WU

The main library will stay open until

9 p.m. on Saturdays starting in July.
`);
  const items = f.doc('A04.news').page.items;
  assert.deepEqual(items.map((i) => [i.headline, i.bodyRange.start.line, i.bodyRange.end.line]), [
    ['Budget Passes After Long Debate', lineOf(f, 'A04.news', 'Continued from'), lineOf(f, 'A04.news', 'the plan.')],
    ['Library Extends Weekend Hours', lineOf(f, 'A04.news', 'The main library'), lineOf(f, 'A04.news', '9 p.m.')],
  ]);
  assert.deepEqual(items[1].people.map((p) => p.name), ['ANNA WU']);
});

test('an English jump head with Continued from between headline and byline', () => {
  const f = fixture(`
%! A04.news
Budget Passes After Long Debate

Continued from Page A1

By JANE SMITH

The vote came after three hours of

debate, and two members voted against

the plan.

Library Extends Weekend Hours

By ANNA WU

The main library will stay open until

9 p.m. on Saturdays starting in July.
`);
  const items = f.doc('A04.news').page.items;
  assert.deepEqual(items.map((i) => i.headline), ['Budget Passes After Long Debate', 'Library Extends Weekend Hours']);
  assert.deepEqual(items.map((i) => i.people.map((p) => p.name)), [['JANE SMITH'], ['ANNA WU']]);
});
