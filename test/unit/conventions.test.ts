// Conventions of how papers are set, beyond the two real pages: each fixture in
// test/fixtures/conventions is a page written the way a Chinese or English daily sets it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parsePage } from '../../server/src/core/parsePage';

const page = (name: string) => parsePage(readFileSync(`test/fixtures/conventions/${name}`, 'utf8'), `test/fixtures/conventions/${name}`);
const line = (r: { start: { line: number } } | null) => (r ? r.start.line + 1 : null);

test('headline first, with a column tag as kicker, a subtitle and a page header', () => {
  const p = page('headline-first.news');
  assert.equal(p.id, 3);
  assert.equal(p.idSource, 'header');
  assert.equal(p.furniture.header?.text, '第03版：要闻');
  assert.equal(p.furniture.date?.text, '2024年5月8日 星期三');
  const [spring, housing] = p.items;
  assert.equal(spring.kicker, '春耕时节');
  assert.equal(spring.headline, '春耕备耕正当时');
  assert.equal(spring.subtitle, '——我市各地抢抓农时推进春播工作');
  assert.equal(line(spring.bodyRange), 7);
  // `王 群` is one person: a two-character name padded with a space.
  assert.deepEqual(spring.people.map((x) => [x.name, x.role]), [['王群', 'reporter'], ['李明', 'correspondent']]);
  assert.equal(housing.headline, '老旧小区改造惠及万余户居民');
  assert.deepEqual(housing.people.map((x) => x.name), ['赵晓燕']);
});

test('datelines with Chinese-numeral dates and agency datelines', () => {
  const [stats, trade] = page('datelines.news').items;
  assert.equal(stats.dateline?.text, '本报北京六月二十一日电（记者 孙 静）');
  assert.deepEqual(stats.people.map((x) => x.name), ['孙静']);
  assert.equal(stats.headline, '国家统计局发布五月份国民经济运行数据');
  assert.equal(trade.dateline?.text, '新华社北京1月4日电（记者 刘明）');
  assert.equal(trade.headline, '全年进出口规模再创新高');
});

test('an editor’s note (编者按) belongs to the article it introduces', () => {
  const p = page('editor-note.news');
  assert.equal(p.items.length, 1);
  const [story] = p.items;
  assert.equal(story.headline, '扎根山村的“新农人”');
  assert.equal(story.subtitle, '——记临县青年返乡创业者张晓东');
  assert.equal(line(story.bodyRange), 1);
  assert.deepEqual(story.people.map((x) => [x.name, x.role]), [['高峰', 'reporter']]);
});

test('an English page: multi-deck head, byline, dateline, jump line and a credited caption', () => {
  const p = page('english.news');
  assert.equal(p.id, 'A04');
  const [story] = p.items;
  assert.equal(story.headline, 'Lawmakers Reach Deal On Spending Bill After Weeks of Talks');
  assert.deepEqual(story.people.map((x) => [x.name, x.role]), [['Associated Press', 'author']]);
  assert.equal(story.dateline?.text, 'WASHINGTON, Jan. 4 —');
  assert.deepEqual(p.jumps.map((j) => [j.direction, j.page]), [['to', 'A06']]);
  assert.equal(p.photos.length, 1);
  assert.equal(p.photos[0].credit, 'Photo: Jane Roe/AP');
  assert.deepEqual(p.photos[0].people.map((x) => x.name), ['Jane Roe']);
});

test('English heads in sentence case are heads where a byline follows them', () => {
  const p = page('english-sentence-case.news');
  assert.deepEqual(
    p.items.map((i) => [i.headline, i.people.map((x) => x.name), line(i.bodyRange)]),
    [
      ['City council approves new budget after long debate', ['Jane Doe'], 7],
      ['Storm knocks out power to thousands', ['Tom Roe'], 17],
    ],
  );
});

test('English: a sentence-case head over an agency dateline, a head with its deck over a byline, an agency photo credit', () => {
  const p = page('english-deck-dateline.news');
  assert.deepEqual(
    p.items.map((i) => [i.headline, i.subtitle, i.dateline?.text ?? null, i.people.map((x) => x.name)]),
    [
      ['Storm knocks out power to thousands', null, 'BOSTON (AP) —', []],
      ['School board delays vote on new calendar', 'Parents asked for more time to weigh the changes', null, ['Mary Lee']],
    ],
  );
  // Agency style names the photographer after the slash.
  assert.deepEqual(p.photos.map((x) => [x.credit, x.people.map((y) => y.name)]), [['AP Photo/Charles Krupa', ['Charles Krupa']]]);
});

test('China Daily bylines: names in capitals, then the place they file from, on the line or under it', () => {
  const p = page('english-china-daily.news');
  assert.deepEqual(
    p.items.slice(0, 2).map((i) => [i.headline, line(i.bodyRange), i.byline?.text, i.people.map((x) => [x.name, x.role])]),
    [
      ['Tea Harvest Draws Buyers to Mountain Villages', 8, 'By LI NA and WANG TAO in Anxi, Fujian', [['LI NA', 'reporter'], ['WANG TAO', 'reporter']]],
      ['Old Town Reopens After Two-Year Restoration', 18, 'By CHEN HUI in Pingyao, Shanxi', [['CHEN HUI', 'reporter']]],
    ],
  );
});

test('China Daily: a wire agency alone on a story’s last line is its source, as 新华社发 is', () => {
  const p = page('english-china-daily.news');
  assert.deepEqual(
    p.items.slice(2).map((i) => [i.headline, line(i.bodyRange), i.bodyRange.end.line + 1, i.source, line(i.sourceRange)]),
    [
      ['Rail Trips Rise Over Weekend', 24, 25, 'XINHUA', 27],
      ['Museum Opens Night Tours', 31, 32, 'AGENCIES - XINHUA', 34],
    ],
  );
});

test('notices end with their signatory and signing date; the title after them heads them alone', () => {
  const p = page('notices.news');
  assert.deepEqual(
    p.items.map((i) => [i.kind, i.headline, line(i.bodyRange), i.bodyRange.end.line + 1]),
    [
      // The signatory and date close each notice's body; they are no headline of the next.
      ['notice', '关于开展道路交通安全检查的通告', 3, 21],
      ['notice', '遗失声明', 25, 31],
      ['notice', '招聘启事', 35, 43],
    ],
  );
});

test('a photo-news page: captions run back from a credit on its own line, and the title after the photos makes them a photo story', () => {
  const p = page('photo-news.news');
  assert.deepEqual(
    p.photos.map((x) => [line(x.range), x.range.end.line + 1, x.credit]),
    [
      [3, 9, '记者 张文慧 摄'],
      [13, 17, '通讯员 王强 摄'],
      [21, 23, '记者 刘军 摄'],
      [25, 27, '记者 刘军 摄'],
    ],
  );
  // The title 春耕正当时 (line 11) heads the photo above it, not the caption below it.
  assert.equal(p.photos[1].caption, '5月6日，孝义市一家企业的工人在生产线上忙碌。');
  assert.deepEqual(
    p.items.map((i) => [i.kind, i.headline, line(i.bodyRange), i.bodyRange.end.line + 1, i.people.map((x) => x.name)]),
    [
      ['photo-story', '春耕正当时', 3, 9, ['张文慧']],
      ['photo-story', '开足马力抓生产', 13, 17, ['王强']],
      ['photo-story', '假日游 乐趣多', 21, 27, ['刘军']],
    ],
  );
});

test('a front-page digest: its label is furniture, each entry a teaser pointing at its page', () => {
  const p = page('digest.news');
  assert.deepEqual(
    p.items.map((i) => [i.kind, i.headline]),
    [
      ['teaser', '我市召开安全生产工作会议'],
      ['teaser', '交城县：正风肃纪促廉洁'],
      ['teaser', '孝义市开展防溺水教育进校园'],
      ['article', '市委常委会召开会议'],
    ],
  );
  assert.deepEqual(p.jumps.map((j) => [j.direction, j.page, j.text]), [['see', 2, '（2版）'], ['see', 3, '（3版）'], ['see', 4, '4版']]);
});

test('a commentary signed 本报评论员: its headline and signature close it, not a subhead of the next story', () => {
  const p = page('commentary.news');
  assert.deepEqual(
    p.items.map((i) => [i.headline, i.byline?.text ?? null, line(i.bodyRange), i.bodyRange.end.line + 1]),
    [
      ['守住底线 接续奋斗', '本报评论员', 3, 15],
      ['我市农村公路建设提速', '本报记者 张三', 21, 25],
    ],
  );
});

test('a header line with the date and the editors, and an imprint at the foot, are furniture', () => {
  const p = page('dated-header.news');
  assert.equal(p.id, 5);
  assert.equal(p.furniture.date?.text, '2024年5月8日 星期三');
  assert.deepEqual(p.furniture.editors.map((e) => [e.name, e.role]), [['张三', 'editor'], ['李四', 'editor'], ['王五', 'editor']]);
  // One article, headline after its text: neither the header nor the imprint joins it.
  assert.deepEqual(p.items.map((i) => [i.headline, line(i.bodyRange), i.bodyRange.end.line + 1]), [['市委常委会召开会议', 5, 7]]);
});

test('a column of briefs: its label heads nothing, and the briefs under it are briefs, not headless articles', () => {
  const p = page('briefs.news');
  assert.deepEqual(
    p.items.map((i) => [i.kind, i.headline, line(i.bodyRange)]),
    [
      // Before, the article above took the label into its headline: 我市春耕备播有序推进简讯.
      ['article', '我市春耕备播有序推进', 3],
      ['brief', null, 11],
      ['brief', null, 15],
    ],
  );
});

test('an orphan headline set after the next article’s headline finds its article by its words', () => {
  const [library, roads] = page('orphan-headline.news').items;
  assert.equal(library.headline, '市图书馆举办少儿阅读推广活动');
  assert.equal(line(library.bodyRange), 1);
  assert.equal(roads.headline, '市交通运输局部署冬季道路安全保障工作');
  assert.equal(line(roads.bodyRange), 12);
});

test('masthead, date, page header and editor lines are furniture, not items', () => {
  const p = page('masthead.news');
  assert.equal(p.id, 4);
  assert.equal(p.furniture.date?.text, '2020年6月22日 星期一');
  assert.deepEqual(p.furniture.editors.map((e) => e.name), ['张娟', '刘洋', '孙丽']);
  assert.deepEqual(p.items.map((i) => i.headline), ['文明旅游宣传进景区', '市人社局举办就业招聘会']);
  assert.deepEqual(p.items[1].people.map((x) => [x.name, x.role]), [['王强', 'correspondent'], ['赵敏', 'intern']]);
});

test('an advertiser’s address and telephone stay in its notice; the paper’s imprint is furniture', () => {
  const text = [
    '招聘启事',
    '',
    '吕梁市某某有限公司因业务发展需要，现面向社会招聘会计2名。',
    '',
    '地址：离石区永宁路 电话：0358-1234567 邮编：033000',
    '',
    '吕梁日报社出版 社址：吕梁市离石区 邮编：033000',
  ].join('\n');
  const [notice, ...rest] = parsePage(text, 'file:///x/08.news').items;
  // The text runs to the address line (5); the imprint (7) joins no item.
  assert.equal(notice.bodyRange.end.line + 1, 5);
  assert.deepEqual(rest, []);
});

test('a credit alone under a long paragraph closes no caption: the paragraph stays the article’s', () => {
  const text = [
    '本报讯（记者 李明）连日来，我市各地抢',
    '',
    '抓农时，组织农民群众开展春耕备播，',
    '',
    '田间地头处处是一派繁忙景象，各地',
    '',
    '农技人员深入一线指导农民科学种植',
    '',
    '确保春播工作顺利推进。',
    '',
    '记者 张文慧 摄',
  ].join('\n');
  const p = parsePage(text, 'file:///x/03.news');
  assert.deepEqual(p.photos.map((x) => [line(x.range), x.range.end.line + 1, x.credit]), [[11, 11, '记者 张文慧 摄']]);
  assert.equal(p.items[0].paragraphs.map((x) => x.text).join('').endsWith('确保春播工作顺利推进。'), true);
});

test('a front page’s masthead block is furniture; boxed subheads and 记者手记 are sections; a padded byline and colonless editors are read', () => {
  const p = page('front-masthead.news');
  assert.equal(p.items.length, 1);
  const [story] = p.items;
  assert.equal(story.headline, '全市春季造林绿化动员会召开');
  assert.equal(line(story.bodyRange), 19);
  assert.deepEqual(story.people.map((x) => [x.name, x.role]), [['张强', 'reporter']]);
  assert.deepEqual(story.sections.map((s) => [s.title, line(s.range)]), [['摸清家底一地一策', 24], ['记者手记', 30]]);
  assert.equal(p.furniture.date?.text, '2024年5月8日 星期三');
  assert.deepEqual(p.furniture.editors.map((x) => x.name), ['刘洋', '陈晨', '赵敏']);
});

test('a header that dates the page gives its number; a continuation’s first line heads nothing, its repeated headline heads it', () => {
  const p = page('continued-page.news');
  assert.equal(p.id, 3);
  assert.equal(p.idSource, 'header');
  assert.equal(p.furniture.header?.text, '2024年5月8日 星期三 第3版 综合新闻');
  assert.equal(p.furniture.date?.text, '2024年5月8日 星期三');
  const [continued, training] = p.items;
  assert.equal(continued.headline, '以人民为中心 让老百姓过上幸福生活');
  assert.equal(line(continued.bodyRange), 5);
  assert.equal(training.headline, '我市开展校外培训机构专项治理');
  assert.equal(training.bodyRange.end.line + 1, 19);
  assert.deepEqual(p.furniture.editors.map((x) => x.name), ['张伟', '李娜', '王芳']);
  assert.equal(p.jumps[0]?.direction, 'from');
});

test('an author or source in brackets after the last sentence signs the article off, on its line or wrapped onto the next', () => {
  const items = page('signed-off.news').items;
  assert.deepEqual(
    items.map((x) => [x.headline, line(x.bodyRange), x.bodyRange.end.line + 1, x.source]),
    [
      ['方山：党员志愿服务队扮靓乡村人居环境', 1, 3, null],
      ['中阳县专场招聘会送岗1200余个', 8, 12, null],
      ['4月份CPI同比上涨0.3%', 16, 19, '（据新华社）'],
      ['警惕网络消费陷阱', 23, 25, '（据《人民日报》）'],
      ['多地开展校园安全教育', 29, 30, '（据新华社）'],
    ],
  );
  // `任 娟` is one padded name; `郭晋` / `宋佳）` across the line break are two.
  assert.deepEqual(items[0].people.map((x) => [x.name, x.role]), [['王海', 'reporter'], ['任娟', 'correspondent']]);
  assert.deepEqual(items[1].people.map((x) => [x.name, x.role]), [['郭晋', 'correspondent'], ['宋佳', 'correspondent']]);
  assert.deepEqual(items[1].people.map((x) => line(x.range)), [11, 12]);
});

test('a section’s or column’s name alone at the top of the page is furniture, not a headline', () => {
  const text = ['县区新闻', '', '兴县：“小庭院”激活“大经济”', '', '本报讯（通讯员 刘芳）今年以来，兴县', '大力发展庭院经济，带动农户增收。', ''].join('\n');
  const p = parsePage(text, 'file:///issue/04.news');
  assert.deepEqual(p.items.map((x) => [x.headline, line(x.bodyRange)]), [['兴县：“小庭院”激活“大经济”', 5]]);
  const column = ['第03版：县区新闻', '', '县区传真', '', '本报讯（通讯员 赵立新）9月16日，清源县', '重点项目集中开工仪式举行。', '', '清源县7个重点项目集中开工'].join('\n');
  assert.deepEqual(parsePage(column, 'file:///issue/03.news').items.map((x) => [x.headline, line(x.bodyRange)]), [['清源县7个重点项目集中开工', 5]]);
});

test('a continuation marker on a line of its own opens an item: two continuations on one page stay two', () => {
  const text = [
    '第3版：综合新闻',
    '',
    '（上接第1版）要抓好重点项目建设，加快推进',
    '在建项目进度，推动新开工项目早落地。',
    '会议还研究了其他事项。',
    '',
    '（紧接第1版）',
    '会上，双方签署了战略合作协议。中煤集团将',
    '在我市投资建设煤炭分质利用示范项目。',
    '',
    '本报讯（记者 李亚芝）5月7日，市总工会启动',
    '“劳动者港湾”服务提升行动。',
    '',
    '市总工会启动“劳动者港湾”服务提升行动',
  ].join('\n');
  const p = parsePage(text, 'file:///issue/03.news');
  assert.deepEqual(
    p.items.map((x) => [x.headline, line(x.bodyRange), x.bodyRange.end.line + 1]),
    [
      [null, 3, 5],
      [null, 7, 9],
      ['市总工会启动“劳动者港湾”服务提升行动', 11, 12],
    ],
  );
});

/** The people, name and role, of the one article a dateline paragraph under its headline makes. */
const datelinePeople = (...opening: string[]) =>
  parsePage([...opening, '国务院新闻办公室8日举行新闻发布会，介绍今年以来外贸运行情况。', '', '全年进出口规模再创新高'].join('\n'), 'file:///x/02.news').items[0].people.map((p) => [p.name, p.role]);

test('four padded single characters are two two-character names; three are one name', () => {
  assert.deepEqual(datelinePeople('新华社北京5月8日电（记者 王 琳 李 浩）海关总署有关负责人表示，'), [['王琳', 'reporter'], ['李浩', 'reporter']]);
  assert.deepEqual(datelinePeople('本报讯（高 翔 李 娜）今年以来，交城县按照全面从严治党要求，'), [['高翔', 'reporter'], ['李娜', 'reporter']]);
  assert.deepEqual(datelinePeople('本报讯（记者 刘 丽 霞）今年以来，交城县按照全面从严治党要求，'), [['刘丽霞', 'reporter']]);
});

test('a letter-spaced bracket runs role words and names together: each role word ends a name', () => {
  assert.deepEqual(datelinePeople('本 报 讯 （记 者 任 丽 娟 通 讯 员 郝 建 平）今 年 以 来 ，交 城 县 按 照 全 面'), [
    ['任丽娟', 'reporter'],
    ['郝建平', 'correspondent'],
  ]);
});

test('报道 after the names is the verb of the credit; 摄影报道 makes them photographers', () => {
  const byline = (credit: string) =>
    parsePage([credit, '', '5月7日，文水县农民在田间播种玉米。连日来，我市各地抢抓农时，', '全力推进春播工作。', '', '春耕正当时'].join('\n'), 'file:///x/03.news').items[0].people.map((p) => [p.name, p.role]);
  assert.deepEqual(byline('本报记者 任杰 摄影报道'), [['任杰', 'photographer']]);
  assert.deepEqual(byline('记者 张晓东 报道'), [['张晓东', 'reporter']]);
  assert.deepEqual(datelinePeople('本报讯 记者张晓东报道：5月7日，文水县农民在田间播种玉米。'), [['张晓东', 'reporter']]);
  assert.deepEqual(datelinePeople('本报讯记者 任杰 通讯员 李明 摄影报道：5月7日，文水县农民在田间播种。'), [['任杰', 'photographer'], ['李明', 'photographer']]);
});

test('names wrapped over a line break in a dateline bracket: pieces join only into a name of at most three characters', () => {
  const team = [['任丽娟', 'reporter'], ['郝建平', 'correspondent'], ['张敏', 'correspondent']];
  const body = '今年以来，交城县按照全面从严治党要求，聚焦产业高质量发展目标，';
  assert.deepEqual(datelinePeople('本报讯（记者 任丽娟 通讯员 郝建平', `张敏）${body}`), team);
  assert.deepEqual(datelinePeople('本报讯（记者 任丽娟 通 讯 员 郝', `建平 张敏）${body}`), team);
  assert.deepEqual(datelinePeople('本报讯（记者 任丽娟 通讯员郝建', `平 张敏）${body}`), team);
  assert.deepEqual(datelinePeople('本 报 讯 （记 者 任 丽 娟 通 讯 员', '郝建平 张 敏）今 年 以 来 ，交 城 县 按 照 全 面'), team);
  assert.deepEqual(datelinePeople('本报讯（记者 罗丽 通讯员 安', `豪）${body}`), [['罗丽', 'reporter'], ['安豪', 'correspondent']]);
});

test('a letter-spaced agency dateline: its bracket is counted near in printed characters, spaces aside', () => {
  const body = '国务院新闻办公室8日举行新闻发布会，介绍今年以来外贸运行情况。';
  assert.deepEqual(datelinePeople('新 华 社 上 海 5 月 8 日 电（记', `者 周 蕊）${body}`), [['周蕊', 'reporter']]);
  // Letter-spacing leaves a space between the digits of a two-digit date.
  assert.deepEqual(datelinePeople('新 华 社 乌 鲁 木 齐 1 2 月 2 8 日 电（记', `者 周 蕊）${body}`), [['周蕊', 'reporter']]);
});

test('a transliterated name with its middle dot is one photographer, however long', () => {
  const text = ['第03版：图片新闻', '', '5月7日，德国柏林，游客在公园', '', '观赏花海。', '', '新华社发（拉赫尔·帕特拉索 摄）', '', '柏林春日'].join('\n');
  const p = parsePage(text, 'file:///x/03.news');
  assert.deepEqual(p.photos.map((x) => x.people.map((y) => [y.name, y.role])), [[['拉赫尔·帕特拉索', 'photographer']]]);
});

test('datelines of other agencies and sites, and 本报消息', () => {
  assert.deepEqual(datelinePeople('中新网太原5月7日电（记者 李新锁）海关总署有关负责人表示，'), [['李新锁', 'reporter']]);
  assert.deepEqual(datelinePeople('人民网北京5月7日电（记者 王琳）海关总署有关负责人表示，'), [['王琳', 'reporter']]);
  const dateline = (opening: string) =>
    parsePage([opening, '介绍今年以来外贸运行情况。', '', '全年进出口规模再创新高'].join('\n'), 'file:///x/02.news').items[0].dateline?.text;
  assert.equal(dateline('本报综合消息 国务院新闻办公室7日举行新闻发布会，'), '本报综合消息');
  assert.equal(dateline('本报消息 国务院新闻办公室7日举行新闻发布会，'), '本报消息');
});

test('the lead story’s headline over its dateline heads it, on a page that sets the other headlines after their text', () => {
  const text = [
    '深入学习贯彻习近平新时代中国特色社会主义思想主题教育',
    '市委理论学习中心组举行专题学习会',
    '',
    '本报讯（全媒体记者 刘晓东）5月8日，市委理论学习',
    '中心组举行专题学习会，围绕推动高质量发展进行集中',
    '学习研讨。市委书记孙大军主持并讲话。',
    '',
    '本报讯（通讯员 张伟）连日来，汾阳市组织农技人员',
    '深入田间地头，指导农户开展春播备耕工作。',
    '',
    '汾阳市组织农技人员',
    '深入田间地头指导春播备耕',
  ].join('\n');
  const p = parsePage(text, 'file:///issue/01.news');
  assert.deepEqual(
    p.items.map((x) => [x.headline, line(x.bodyRange), x.bodyRange.end.line + 1]),
    [
      ['深入学习贯彻习近平新时代中国特色社会主义思想主题教育市委理论学习中心组举行专题学习会', 4, 6],
      ['汾阳市组织农技人员深入田间地头指导春播备耕', 8, 9],
    ],
  );
});

test('a headline that holds a header’s fields glued to its words is a headline, not a second header', () => {
  const p = parsePage('第4版：要闻\n\n第0期第4版的标题\n\n（上接3版）本报讯 会议要求各地压实责任，做好防汛各项准备工作。\n', 'file:///issue/04.news');
  assert.equal(p.furniture.header?.text, '第4版：要闻');
  assert.deepEqual(p.items.map((x) => x.headline), ['第0期第4版的标题']);
});

test('an opinion column’s label (短评, 时评) opens a commentary: it is the kicker, not a subhead of the piece above', () => {
  const text = [
    '以实干实绩奋力书写高质量发展新篇章',
    '□本报评论员',
    '发展是第一要务，实干是第一作风。当前，',
    '全市上下正在深入学习贯彻市委全会精神。',
    '',
    '短评',
    '让“口袋公园”装满幸福',
    '漫步城区街头，一个个“口袋公园”见缝',
    '插绿，成为市民家门口的休闲好去处。',
    '建好“口袋公园”只是第一步，管好用好',
    '更为关键。 （李华）',
  ].join('\n');
  const p = parsePage(text, 'file:///issue/04.news');
  assert.deepEqual(
    p.items.map((x) => [x.kicker, x.headline, line(x.bodyRange), x.bodyRange.end.line + 1]),
    [
      [null, '以实干实绩奋力书写高质量发展新篇章', 3, 4],
      ['短评', '让“口袋公园”装满幸福', 8, 11],
    ],
  );
  assert.deepEqual(p.items[1].people.map((x) => x.name), ['李华']);
});

test('numbered clauses that run on at the column’s width are a notice’s paragraphs; short numbered heads are sections', () => {
  const clauses = parsePage(
    [
      '关于开展城镇燃气安全专项整治的通告',
      '',
      '为切实加强城镇燃气安全管理，有效防范',
      '和遏制燃气安全事故发生，市人民政府决',
      '定开展专项整治。现将有关事项通告如下：',
      '一、整治时间为2024年5月10日至2024年9',
      '月30日。',
      '二、整治范围为全市城镇燃气经营企业、',
      '餐饮等用气场所及居民用户。',
      '三、严禁使用不合格燃气灶具、连接软管',
      '和减压阀，严禁私拉乱接燃气管道。',
      '特此通告。',
    ].join('\n'),
    'file:///issue/04.news',
  );
  assert.deepEqual(clauses.items[0].sections, []);
  const heads = parsePage(
    ['征文启事', '', '为庆祝建党节，市人大常委会办公室决定开展', '主题征文活动。现将有关事项公告如下：', '一、征文主题', '展现人大担当，彰显制度优势。', '二、组织单位', '市人大常委会办公室。'].join('\n'),
    'file:///issue/04.news',
  );
  assert.deepEqual(heads.items[0].sections.map((s) => [s.title, line(s.range)]), [['一、征文主题', 5], ['二、组织单位', 7]]);
});

test('a headline’s second line may open with a decimal figure (1.5万名跑者…): it is no list number', () => {
  const text = ['本报讯 5月5日，2024汾阳马拉松鸣枪开跑，来自', '全国各地的1.5万名跑者参赛。 （刘晓军）', '', '汾阳马拉松', '', '1.5万名跑者激情开跑', '', '责任编辑：刘洋'].join('\n');
  // The short first line is the kicker: the headline's two lines are one title, not a list.
  assert.deepEqual(
    parsePage(text, 'file:///issue/07.news').items.map((x) => [x.kicker, x.headline]),
    [['汾阳马拉松', '1.5万名跑者激情开跑']],
  );
});

test('a feature headed before its text, then a story headed after its own: the second headline’s words find where its text begins', () => {
  const text = [
    '指尖上的乡愁',
    '——记省级非遗项目“孝义剪纸”传承人刘桂芳',
    '□本报记者 张晓燕',
    '',
    '五月的孝义，槐花飘香。走进刘桂芳的剪纸',
    '工作室，满墙的红色剪纸扑面而来。几十年',
    '来，她创作剪纸作品三千余幅。',
    '“手艺再好，没人学也会失传。”刘桂芳开设',
    '剪纸课堂，累计培训学员五百余人次。',
    '',
    '青石板路蜿蜒向前，明清古宅错落有致。在',
    '临县碛口镇西湾村，传统村落保护利用让老',
    '院落迎来了八方游客。',
    '近年来，我市把传统村落保护利用作为乡村',
    '振兴的重要抓手，守护古村落，留住老乡愁，',
    '走出了保护中发展的新路子。',
    '',
    '守护古村落 留住“老乡愁”',
    '——我市传统村落保护利用工作综述',
    '□本报记者 陈思远',
  ].join('\n');
  const p = parsePage(text, 'file:///issue/05.news');
  assert.deepEqual(
    p.items.map((x) => [x.headline, line(x.bodyRange), x.bodyRange.end.line + 1, x.people.map((q) => q.name).join()]),
    [
      ['指尖上的乡愁', 5, 9, '张晓燕'],
      ['守护古村落 留住“老乡愁”', 11, 16, '陈思远'],
    ],
  );
});

test('briefs opened by a list mark and signed by their authors are one brief each', () => {
  const text = [
    '简讯',
    '',
    '●近日，石楼县举办农村实用人才培训班，',
    '120 名种养大户参加培训。（张敏）',
    '',
    '●5月5日，交口县召开林草防火工作会议，',
    '安排部署森林草原防灭火工作。（李文斌）',
    '',
    '●日前，中阳县人民医院与山西医科大学第一',
    '医院签订医联体合作协议。（郭静）',
  ].join('\n');
  const p = parsePage(text, 'file:///issue/04.news');
  assert.deepEqual(
    p.items.map((x) => [x.kind, x.headline, line(x.bodyRange), x.people.map((q) => q.name).join()]),
    [
      ['brief', null, 3, '张敏'],
      ['brief', null, 6, '李文斌'],
      ['brief', null, 9, '郭静'],
    ],
  );
});

test('page headers in other orders: a section name with a dot, the page number last, a dated editors line with the section', () => {
  const pageOf = (...lines: string[]) => parsePage([...lines, '', '本报讯 近日，我市召开防汛工作会议，安排', '部署今年的防汛工作。', '', '我市部署防汛工作'].join('\n'), 'file:///issue/x.news');
  const dotted = pageOf('05 政法·平安');
  assert.equal(dotted.id, 5);
  const paperFirst = pageOf('江州日报 2024年6月12日 星期三 财经·金融 09');
  assert.equal(paperFirst.id, 9);
  assert.equal(paperFirst.furniture.date?.text, '2024年6月12日 星期三');
  const editors = pageOf('11 理论', '', '2024年6月12日 星期三 3 农业农村 本版主编：韩立群 责任编辑：许诺');
  assert.deepEqual(editors.furniture.editors.map((x) => x.name), ['韩立群', '许诺']);
  for (const p of [dotted, paperFirst, editors]) assert.deepEqual(p.items.map((x) => x.headline), ['我市部署防汛工作']);
  assert.deepEqual(pageOf('安平县招商引资专版').items.map((x) => x.headline), ['我市部署防汛工作']);
});

test('an author’s post wrapped over two lines closes the article and names no one; 整理 and a lost jump name no one either', () => {
  const text = [
    '人才是第一资源。要完善引才留才用才机制，让',
    '各类人才在县域干事有舞台、发展有空间。',
    '（作者系中共江州市委党校经济学教研',
    '部主任、教授）',
    '',
    '以新质生产力激活县域发展新动能',
    '□ 本报记者 周敏 整理',
  ].join('\n');
  const [article] = parsePage(text, 'file:///issue/11.news').items;
  assert.equal(article.headline, '以新质生产力激活县域发展新动能');
  assert.equal(article.bodyRange.end.line + 1, 4);
  assert.deepEqual(article.people.map((x) => [x.name, x.role]), [['周敏', 'reporter']]);
  const jumped = parsePage(['县域是推进中国式现代化的重要空间载体，也是', '发展新质生产力的重要阵地。', '（下转 版）', '', '县域发展的新动能'].join('\n'), 'file:///issue/11.news');
  assert.deepEqual(jumped.items[0].people, []);
});

test('a numbered head a little short of its column is a section; a numbered entry that fills it runs on', () => {
  const body = [
    '全过程人民民主是社会主义民主政治',
    '的本质属性，在基层实践中推进全过',
    '程人民民主，需要把握好以下几个方',
    '面。',
    '一、坚持党的领导是根本保证',
    '党的领导是全过程人民民主的根本政',
    '治保证。要把党的领导贯穿民主选举、',
    '民主协商、民主决策各环节。',
    '二、健全制度程序是重要支撑',
    '要完善基层群众自治制度，规范村（居）',
    '民议事会、听证会等协商形式，让群众',
    '的意见建议有地方说、有人听。',
  ];
  const p = parsePage(['深刻把握全过程人民民主的实践要求', '◎ 王静怡', '', ...body].join('\n'), 'file:///issue/11.news');
  assert.deepEqual(p.items[0].sections.map((s) => line(s.range)), [8, 12]);
});

test('a dated editors’ line at the foot of the page is furniture, not the last headline’s end', () => {
  const text = [
    '要强化粮食收购和储备管理，严格',
    '执行小麦最低收购价政策，防止出',
    '现“卖粮难”，切实保护种粮农民',
    '利益。',
    '',
    '全力以赴打好“三夏”生产攻坚战',
    '',
    '2024年6月12日 星期三 3 农业农村 责任编辑：王建平 美编：杜鹃',
  ].join('\n');
  const p = parsePage(text, 'file:///issue/03.news');
  assert.deepEqual(p.items.map((x) => x.headline), ['全力以赴打好“三夏”生产攻坚战']);
  assert.deepEqual(p.furniture.editors.map((x) => x.name), ['王建平', '杜鹃']);
});

test('on a headlines-after page, a headline whose words all come from the text after it heads that text', () => {
  const text = [
    '本报讯 记者从人民银行江州市分行获悉，5月末全市各项贷款',
    '余额2967亿元，同比增长10.2%，贷款增速持续回升。',
    '',
    '5月末全市贷款余额同比增长10.2%',
    '',
    '本报讯 6月7日，江州市开展防范非法集资宣传活动，工作',
    '人员向群众讲解识别非法集资的方法。',
    '',
    '江州农商银行推出“麦收贷”',
    '',
    '本报讯 为支持夏粮收购，江州农商银行推出“麦收贷”产品，',
    '农商银行已累计发放“麦收贷”1.2亿元。',
  ].join('\n');
  const p = parsePage(text, 'file:///issue/09.news');
  assert.deepEqual(
    p.items.map((x) => [x.headline, line(x.bodyRange)]),
    [
      ['5月末全市贷款余额同比增长10.2%', 1],
      [null, 6],
      ['江州农商银行推出“麦收贷”', 11],
    ],
  );
});

test('a stack holding the headline of the text above and the headline of the text below is cut between them by their words', () => {
  const text = [
    '本报讯（记者 周敏）6月10日，记者从市人民医院获悉，该院成功开展',
    '首例机器人辅助膝关节置换手术，患者术后第二天即可下地行走。',
    '',
    '市人民医院成功开展',
    '首例机器人辅助膝关节置换手术',
    '暑期儿童近视防控“三字诀”',
    '□本报记者 李娜',
    '',
    '暑假来临，孩子们使用电子产品的时间明显增加，儿童近视防控',
    '迎来关键期。医生提醒，暑期近视防控要牢记“查、动、控”三字诀。',
  ].join('\n');
  const p = parsePage(text, 'file:///issue/07.news');
  assert.deepEqual(
    p.items.map((x) => [x.headline, line(x.bodyRange), x.people.map((q) => q.name).join()]),
    [
      ['市人民医院成功开展首例机器人辅助膝关节置换手术', 1, '周敏'],
      ['暑期儿童近视防控“三字诀”', 9, '李娜'],
    ],
  );
});

test('a photo story set title first: the short line over its intro is its title', () => {
  const text = [
    '本报讯 端午假期，我市文旅市场持续火热，',
    '全市共接待游客186.7万人次。',
    '',
    '端午假期我市文旅市场“热辣滚烫”',
    '文/图 本报记者 谭雅琪',
    '',
    '龙舟竞渡闹端午',
    '',
    '6月10日，我市第十届龙舟邀请赛在清江',
    '举行，来自全市各县区的24支龙舟队同',
    '场竞技，吸引数万名群众观赛。',
    '',
    '图①比赛现场，龙舟竞发。 通讯员 何川 摄',
    '',
    '图②观众在岸边为选手加油。 本报记者 谭雅琪 摄',
  ].join('\n');
  const p = parsePage(text, 'file:///issue/08.news');
  const [article, story] = p.items;
  // `文/图 本报记者 谭雅琪` under a headline that ends in a quote is its byline, no photo's credit.
  assert.deepEqual(article.people.map((x) => x.name), ['谭雅琪']);
  assert.equal(p.photos.length, 2);
  assert.equal(story.kind, 'photo-story');
  assert.equal(story.headline, '龙舟竞渡闹端午');
  assert.equal(line(story.bodyRange), 9);
});

test('a briefs label of any subject (文旅简讯, 环球速览) is furniture over briefs', () => {
  for (const label of ['文旅简讯', '环球速览']) {
    const text = [label, '', '本报讯 6月9日，江州市图书馆举办“书香端午”', '读书分享会。（王蕾）', '', '本报讯 6月10日，清江文化馆举办非遗展演', '活动。（刘一鸣）'].join('\n');
    const p = parsePage(text, 'file:///issue/08.news');
    assert.deepEqual(p.items.map((x) => [x.kind, line(x.bodyRange)]), [['brief', 3], ['brief', 6]], label);
  }
});

test('a stack closing a story and opening a labelled commentary: the commentary’s paragraphs show whose words the second part holds', () => {
  const [story, comment] = page('labelled-commentary.news').items;
  assert.deepEqual([story.headline, line(story.bodyRange)], ['江州职院双选会提供岗位5300余个', 1]);
  assert.deepEqual([comment.kicker, comment.headline, line(comment.bodyRange)], ['教育时评', '让“双减”成果在暑期延续', 27]);
  assert.deepEqual(comment.people.map((x) => x.name), ['程远']);
});

test('a jump onward on a line of its own ends the story: the headline after it is that story’s, the text after it another’s', () => {
  const p = page('jump-own-line.news');
  assert.deepEqual(
    p.items.map((x) => [x.headline, line(x.bodyRange), x.bodyRange.end.line + 1]),
    [
      ['中秋假期我市接待游客186.3万人次', 1, 9],
      ['以“拼”的姿态跑出项目建设加速度', 13, 17],
    ],
  );
});

test('digest entries: a pointer on the line under its title, an arrow to the page, a subtitle between title and pointer', () => {
  const text = [
    '第01版：要闻',
    '',
    '清源县7个重点项目集中开工',
    '（第3版）',
    '',
    '以案说法：“自愿放弃社保”的约定有效吗？▶第6版',
    '',
    '让绿色成为高质量发展最亮底色',
    '——访市生态环境局局长张卫东',
    '（详见第5版）',
    '',
    '秋季腹泻，孩子该不该止泻？',
    '▶第7版',
  ].join('\n');
  const p = parsePage(text, 'file:///issue/01.news');
  assert.deepEqual(
    p.items.map((x) => [x.kind, x.headline, x.subtitle]),
    [
      ['teaser', '清源县7个重点项目集中开工', null],
      ['teaser', '以案说法：“自愿放弃社保”的约定有效吗？', null],
      ['teaser', '让绿色成为高质量发展最亮底色', '——访市生态环境局局长张卫东'],
      ['teaser', '秋季腹泻，孩子该不该止泻？', null],
    ],
  );
  assert.equal(line(p.items[2].subtitleRange), 9);
  assert.deepEqual(p.jumps.map((j) => [j.text, j.page]), [['（第3版）', 3], ['▶第6版', 6], ['（详见第5版）', 5], ['▶第7版', 7]]);
  // Prose ending a sentence is no title: the bracketed page under it points from nothing.
  const prose = parsePage('全市上下要抓好落实。\n（第3版）\n', 'file:///issue/01.news');
  assert.deepEqual(prose.jumps, []);
});

test('a body that signs a story in brackets (（市疾控中心）) is no person', () => {
  const text = ['市疾控中心近日启动“三减三健”健康巡讲活动，', '将走进全市100个社区。（市疾控中心）', '', '我市启动“三减三健”健康巡讲'].join('\n');
  const [story] = parsePage(text, 'file:///issue/05.news').items;
  assert.equal(story.headline, '我市启动“三减三健”健康巡讲');
  assert.deepEqual(story.people, []);
});

test('a kicker over the headline: a first line of two parallel phrases over a line that is one statement', () => {
  const text = ['本报讯（记者 冯建国）连日来，我市86.5万亩小麦自南向北', '陆续进入收获期，截至6月10日已收获九成。', '', '抢抓农时 颗粒归仓', '全市86.5万亩小麦收获过九成', '□本报记者 冯建国'].join('\n');
  const [story] = parsePage(text, 'file:///issue/03.news').items;
  assert.deepEqual([story.kicker, story.headline], ['抢抓农时 颗粒归仓', '全市86.5万亩小麦收获过九成']);
  // A headline in two lines whose first line is one phrase runs on: no kicker.
  const two = parsePage(text.replace('抢抓农时 颗粒归仓\n全市', '王阳平出席市政协中心城区\n建管'), 'file:///issue/03.news').items[0];
  assert.equal(two.kicker, null);
});

test('a continuation’s headline repeated over it at the top of the page tells nothing of the page’s own order', () => {
  const text = [
    '第04版：综合新闻',
    '',
    '全市重点项目建设现场推进会召开',
    '',
    '（上接第1版）会议要求，各级领导干部要带头深',
    '入项目一线，协调解决项目建设中的困难问题。',
    '',
    '本报讯（记者 方立群）日前，工业和信息化部公布',
    '第六批专精特新“小巨人”企业名单，我市3家企业',
    '入选。专精特新“小巨人”企业是专注于细分市场的',
    '中小企业。',
    '',
    '我市新增3家国家级专精特新“小巨人”企业',
    '',
    '本报讯（记者 黄磊）9月17日，河阳大道快速化改造',
    '工程开工，全长6.8公里的河阳大道将实施交通管制。',
    '',
    '河阳大道快速化改造工程开工',
    '',
    '本报讯（记者 黄磊）9月17日，第二十届河阳菊花',
    '文化节开幕。',
  ].join('\n');
  const p = parsePage(text, 'file:///issue/04.news');
  assert.deepEqual(
    p.items.map((x) => [x.headline, line(x.bodyRange)]),
    [
      ['全市重点项目建设现场推进会召开', 5],
      ['我市新增3家国家级专精特新“小巨人”企业', 8],
      ['河阳大道快速化改造工程开工', 15],
      [null, 20],
    ],
  );
});

test('a column’s label closes the headline stack set above it: both lines of the headline stay the story’s', () => {
  const text = [
    '今年以来，柳河县人民法院开展“护薪”专项执行',
    '行动，共执结涉农民工工资案件138件，执行到位',
    '金额1260余万元。',
    '',
    '法院“护薪”出实招',
    '46名农民工领回87万元欠薪',
    '',
    '以案说法',
    '',
    '“自愿放弃社保”的约定有效吗？',
  ].join('\n');
  const [story] = parsePage(text, 'file:///issue/06.news').items;
  assert.equal(story.headline, '法院“护薪”出实招46名农民工领回87万元欠薪');
  assert.equal(story.bodyRange.end.line + 1, 3);
});

test('a brief titled in brackets on its first line (`【标题】正文…`): the title heads it, the line is its text', () => {
  const text = [
    '为地区经济增长注入动力。',
    '',
    '环球速览',
    '',
    '【湖北一水库完成除险加固】据新华社电 湖',
    '',
    '北省安陆市梅花水库除险加固工程12日通过',
    '',
    '竣工验收，可保护下游约3万人。',
    '',
    '【阿根廷央行下调基准利率】据',
    '',
    '新华社电 阿根廷央行11日宣布，将基准利',
    '',
    '率下调至40%。',
    '',
    '【相关链接】梅花水库建于1958年，',
    '',
    '是当地重要的灌溉水源。',
  ].join('\n');
  const items = parsePage(text, 'file:///issue/07.news').items.filter((x) => x.headline);
  assert.deepEqual(
    items.map((x) => [x.headline, line(x.headlineRange), line(x.bodyRange), x.bodyRange.end.line + 1]),
    [
      ['湖北一水库完成除险加固', 5, 5, 9],
      // The dateline wrapped after the title's line stays this brief's text.
      ['阿根廷央行下调基准利率', 11, 11, 19],
    ],
  );
  // The headline's range is the title, not the text after it on its line.
  assert.deepEqual(items[0].headlineRange, { start: { line: 4, character: 1 }, end: { line: 4, character: 12 } });
});

test('a two-line stack: a short first line complete in itself is the kicker; a subject or a wrapped line is not', () => {
  const story = (head: string[]) =>
    parsePage(
      [
        '2024年6月3日 星期一 第5版',
        '',
        ...head.flatMap((h) => [h, '']),
        '本报讯（记者 周明）6月2日，河阳市第三届',
        '全民运动会在市体育中心开幕，来自全市的',
        '2600余名运动员参加比赛。',
      ].join('\n'),
      'file:///issue/05.news',
    ).items[0];
  const read = (head: string[]) => {
    const s = story(head);
    return [s.kicker, s.headline];
  };
  assert.deepEqual(read(['全民健身正当时', '市第三届全民运动会开幕 2600余名运动员参赛']), ['全民健身正当时', '市第三届全民运动会开幕 2600余名运动员参赛']);
  // Over a headline that names its subject first, whatever their lengths.
  assert.deepEqual(read(['赛场内外尽显活力', '河阳：全民运动会开幕']), ['赛场内外尽显活力', '河阳：全民运动会开幕']);
  // An organisation's name is the subject of the line under it.
  assert.deepEqual(read(['河阳市体育局', '举办第三届全民运动会开幕式']), [null, '河阳市体育局举办第三届全民运动会开幕式']);
  // Lines about as long are one headline in two lines; so is a line that runs on.
  assert.deepEqual(read(['全民运动会开幕', '两千余名运动员参赛']), [null, '全民运动会开幕两千余名运动员参赛']);
  assert.deepEqual(read(['河阳：“全民健身”', '成为城市新名片']), [null, '河阳：“全民健身”成为城市新名片']);
});

test('page headers: editors and English section names among the fields, a section’s dotted name, a masthead’s lines, a header at the foot', () => {
  const body = ['本报讯（记者 周明）6月2日，河阳市第三届全民', '运动会在市体育中心开幕。', '', '全民运动会开幕'];
  const read = (head: string[], foot: string[] = []) => parsePage([...head, '', ...body, '', ...foot].join('\n'), 'file:///issue/page.news');
  const editors = read(['第6版 速览 2025年4月9日 星期三 责任编辑：邵婉婷']);
  assert.equal(editors.id, 6);
  assert.deepEqual(editors.furniture.editors.map((x) => x.name), ['邵婉婷']);
  assert.equal(read(['2025年4月9日 星期三 第12版 英文新闻 ENGLISH NEWS']).id, 12);
  const dotted = read(['第9版', '经济·数据 2025年4月9日 星期三']);
  assert.equal(dotted.furniture.date?.text, '2025年4月9日 星期三');
  const masthead = read([
    '2025年4月9日 星期三 第1版 要闻',
    '河阳日报',
    '中共河阳市委主管主办 河阳日报社出版',
    '乙巳年三月十二 今日12版',
    '邮发代号：63-52 第9817号',
    '今日天气：多云转小雨 14℃～22℃ 东南风3级',
  ]);
  assert.deepEqual(masthead.items.map((x) => [x.headline, line(x.bodyRange)]), [['全民运动会开幕', 8]]);
  const foot = read([], ['第5版 2025年4月9日 星期三 深度 责任编辑：宁 远']);
  assert.equal(foot.id, 5);
  assert.equal(foot.idSource, 'header');
  assert.deepEqual(foot.furniture.editors.map((x) => x.name), ['宁远']);
  assert.deepEqual(foot.items.map((x) => x.headline), ['全民运动会开幕']);
});

test('digest entries titled by a question with more after it, or by an English head', () => {
  const text = [
    '今日导读',
    '',
    '“刷单返利”真能赚钱吗？警方详解新型骗局（见第7版）',
    '',
    'Qingxi tea growers go live',
    '（见第12版）',
  ].join('\n');
  assert.deepEqual(
    parsePage(text, 'file:///issue/01.news').items.map((x) => [x.kind, x.headline]),
    [
      ['teaser', '“刷单返利”真能赚钱吗？警方详解新型骗局'],
      ['teaser', 'Qingxi tea growers go live'],
    ],
  );
});

test('English pages: the writer’s e-mail under a byline, and a continuation’s head over `Continued from Page 1`', () => {
  const text = [
    'PAGE 12',
    'Tea growers go live to reach buyers',
    'By QIU JIAHAO in Lanjiang',
    'qiujiahao@example.cn',
    'Before dawn on Tuesday, Fang Lihua was',
    'already on the misty slopes of the village.',
    'Talent flats open doors to graduates',
    'Continued from Page 1',
    'The 1,280 flats in the area range from',
    '45 to 90 square meters.',
  ].join('\n');
  const p = parsePage(text, 'file:///issue/12.news');
  assert.deepEqual(
    p.items.map((x) => [x.headline, line(x.bodyRange), x.people.map((q) => q.name)]),
    [
      ['Tea growers go live to reach buyers', 5, ['QIU JIAHAO']],
      ['Talent flats open doors to graduates', 8, []],
    ],
  );
});

test('a mark set before a list’s titles (● …) is no part of the headline', () => {
  const text = ['城事速览', '', '● 望川县首批高标准农田建设项目开工', '', '本报讯 4月8日，望川县首批高标准农田建设项', '目集中开工，总投资1.35亿元。'].join('\n');
  const [item] = parsePage(text, 'file:///issue/06.news').items;
  assert.equal(item.headline, '望川县首批高标准农田建设项目开工');
  assert.equal(item.headlineRange?.start.character, 2);
});

test('a titled brief’s dateline after its title names its reporter; 又讯 opens a second report', () => {
  const text = [
    '　　【城际公交开通】本报讯（记者',
    '苗青）4月8日起，澜江至青溪城际公交C1路正式开',
    '通运营，票价8元。',
    '　　本报讯（记者 柯宇航）4月8日，青溪县桐湾',
    '镇首届采茶文化节开幕，预计吸引游客3万人次。',
    '桐湾镇举办首届采茶文化节',
    '　　又讯（记者 柯宇航）同日，青溪县茶叶产业',
    '联盟成立，全县28家茶企加入联盟。',
  ].join('\n');
  const p = parsePage(text, 'file:///issue/06.news');
  assert.deepEqual(
    p.items.map((x) => [x.headline, line(x.bodyRange), x.dateline?.text ?? null, x.people.map((q) => q.name)]),
    [
      ['城际公交开通', 1, '本报讯（记者 苗青）', ['苗青']],
      ['桐湾镇举办首届采茶文化节', 4, '本报讯（记者 柯宇航）', ['柯宇航']],
      [null, 7, '又讯（记者 柯宇航）', ['柯宇航']],
    ],
  );
});

test('question headlines known by the subtitle or byline under them; an author’s note on its own line signs off', () => {
  const text = [
    '2025年4月9日 星期三 第7版 平安·法治',
    '',
    '“刷单返利”真能赚钱吗？',
    '',
    '——河阳警方详解三类新型网络骗局',
    '',
    '□ 本报记者 季晨阳',
    '',
    '3月中旬，大学生小周在某社交平台看到一则',
    '“兼职刷单”广告，先后转账11次，共计3.8万元。',
    '',
    '父母出资买房登记在子女名下，',
    '',
    '离婚时能要回吗？',
    '',
    '□ 祁明川',
    '',
    '法院认定60万元首付款系对孙某一方的赠与，属于孙',
    '某个人财产。这个结论对吗？法院的理由很清楚。',
    '（作者系河阳正衡律师事务所律师）',
    '',
    '电动自行车推进电梯会被罚款吗？',
    '',
    '解答律师：邵振华（河阳市法律援助中心）',
    '',
    '问：物业有权罚款吗？答：物业服务企业不是行政机关，',
    '无权对业主罚款。',
  ].join('\n');
  const p = parsePage(text, 'file:///issue/07.news');
  assert.deepEqual(
    p.items.map((x) => [x.headline, x.subtitle, line(x.bodyRange), x.people.map((q) => q.name)]),
    [
      ['“刷单返利”真能赚钱吗？', '——河阳警方详解三类新型网络骗局', 9, ['季晨阳']],
      ['父母出资买房登记在子女名下，离婚时能要回吗？', null, 18, ['祁明川']],
      ['电动自行车推进电梯会被罚款吗？', null, 26, ['邵振华']],
    ],
  );
  assert.equal(p.items[1].bodyRange.end.line + 1, 20);
});

test('a feature: a column label at the top, a kicker of paired phrases, marked subheads, and a pull quote that heads nothing', () => {
  const para = (a: string, b: string) => [a, '', b, ''];
  const text = [
    '人物专访',
    '',
    '刀下有乾坤 木里见春秋',
    '',
    '守着一把刻刀 雕出四十年光阴',
    '',
    '——访省级非遗项目河阳木雕代表性传承人方守仁',
    '',
    '□ 本报记者 谭若溪',
    '',
    ...para('走进河阳镇老街尽头的“守仁木雕坊”，一股淡淡的', '樟木香扑面而来。'),
    '■ 十四岁拜师，先磨三年刀',
    '',
    ...para('1976年，14岁的他拜镇上有名的木雕艺人为师，头三', '年只学磨刀。'),
    '“木头是有脾气的，你得顺着它的',
    '纹理走，急不得。”',
    '',
    '——方守仁',
    '',
    ...para('2015年，河阳木雕被列入省级非物质文化遗产代表性', '项目名录。'),
    '◆ 把作坊变成课堂',
    '',
    ...para('这些年，方守仁把作坊变成了课堂，先后带出徒弟37', '人，其中5人已成为市级非遗传承人。'),
  ].join('\n');
  const p = parsePage(text, 'file:///issue/05.news');
  assert.equal(p.items.length, 1);
  const [story] = p.items;
  assert.deepEqual([story.kicker, story.headline, story.subtitle], ['刀下有乾坤 木里见春秋', '守着一把刻刀 雕出四十年光阴', '——访省级非遗项目河阳木雕代表性传承人方守仁']);
  assert.deepEqual(
    story.sections.map((s) => [s.title, line(s.range)]),
    [
      ['十四岁拜师，先磨三年刀', 15],
      ['把作坊变成课堂', 30],
    ],
  );
});

test('a short report with a byline and a photo after it is an article, not a photo story', () => {
  const text = [
    '清明过后“菜篮子”价格稳中有降',
    '',
    '本报记者 苗 青',
    '',
    '记者从市发展改革委获悉，清明节后，随着本地春季',
    '蔬菜大量上市，全市蔬菜价格稳中有降。',
    '',
    '4月8日，市民在东风农贸市场选购蔬菜。',
    '本报记者 苗 青 摄',
  ].join('\n');
  const [item] = parsePage(text, 'file:///issue/09.news').items;
  assert.equal(item.kind, 'article');
  assert.deepEqual([line(item.bodyRange), item.bodyRange.end.line + 1], [5, 6]);
});

test('a supplement: its name at the top over the editors, and an essay’s parts numbered by a numeral alone', () => {
  const text = [
    '河阳日报 副刊 第11版 2025年4月9日 星期三',
    '',
    '鹭栖洲',
    '',
    '责任编辑：温 馨',
    '',
    '外婆的明前茶',
    '',
    '□ 俞晓帆',
    '',
    '一',
    '',
    '外婆家在半山腰，屋后就是茶园。',
    '',
    '二',
    '',
    '后来我进了城，外婆的茶一直寄到我的书桌上。',
  ].join('\n');
  const p = parsePage(text, 'file:///issue/11.news');
  assert.deepEqual(p.furniture.editors.map((x) => x.name), ['温馨']);
  assert.deepEqual(
    p.items.map((x) => [x.headline, x.sections.map((s) => [s.title, line(s.range)])]),
    [['外婆的明前茶', [['一', 11], ['二', 15]]]],
  );
});

test('page headers of evening papers: a dotted date, a page number alone, section·page, an English header, a masthead’s hotline', () => {
  const body = ['本报讯（记者 周明）6月2日，河阳市第三届全民', '运动会在市体育中心开幕。', '', '全民运动会开幕'];
  const read = (head: string[]) => parsePage([...head, '', ...body].join('\n'), 'file:///issue/page.news');
  const dotted = read(['河阳晚报 2025.10.23 星期四', 'A3 城事']);
  assert.deepEqual([dotted.id, dotted.furniture.date?.text], ['A03', '2025.10.23 星期四']);
  const alone = read(['A11', '理论·评论', '2025年10月23日 星期四 责任编辑 廖清源']);
  assert.deepEqual([alone.id, alone.furniture.date?.text, alone.furniture.editors.map((x) => x.name)], ['A11', '2025年10月23日 星期四', ['廖清源']]);
  assert.equal(read(['区县·A4', '2025年10月23日 星期四 责编 邹 宁']).id, 'A04');
  const editors = read(['2025年10月23日 星期四', 'A10 国际 责任编辑：欧阳蕾 版式：卜一凡']);
  assert.deepEqual([editors.id, editors.furniture.editors.map((x) => x.name)], ['A10', ['欧阳蕾', '卜一凡']]);
  const english = read(['A16 | THURSDAY, OCTOBER 23, 2025 | HEYANG EVENING NEWS', 'WORLD']);
  assert.equal(english.id, 'A16');
  const masthead = read(['河阳晚报', 'HEYANG EVENING NEWS', '2025年10月23日 星期四 A1 今日头版', '新闻热线：0593-2736111']);
  assert.deepEqual(masthead.items.map((x) => x.headline), ['全民运动会开幕']);
  // A county paper may call itself plain 报.
  const county = read(['芸溪报', '2024年11月14日 星期四 第2版 综合新闻', '编辑：邬婷 校对：聂青']);
  assert.deepEqual([county.id, county.items.map((x) => x.headline)], [2, ['全民运动会开幕']]);
  for (const p of [dotted, alone, editors, english, masthead]) assert.equal(p.items.length, 1, JSON.stringify(p.items.map((x) => x.headline)));
});

test('a digest box (今日关注): a title in two lines over its pointer, and ▶A9 pointing without 版', () => {
  const text = ['今日关注', '', '河阳星火3比1逆转江东海港', '', '提前两轮锁定冲甲席位 ▶A9', '', '电影《寒露》：写给老城的一封情书 ▶B2'].join('\n');
  const p = parsePage(text, 'file:///issue/A01.news');
  assert.deepEqual(
    p.items.map((x) => [x.kind, x.headline, line(x.bodyRange)]),
    [
      ['teaser', '河阳星火3比1逆转江东海港提前两轮锁定冲甲席位', 3],
      ['teaser', '电影《寒露》：写给老城的一封情书', 7],
    ],
  );
  assert.deepEqual(p.jumps.map((j) => [j.text, j.page, j.direction]), [['▶A9', 'A09', 'see'], ['▶B2', 'B02', 'see']]);
});

test('under a photo news label (图片新闻), each title heads the photos under it, on a page that sets headlines after their text', () => {
  const text = [
    '本报讯（记者 岑柯）10月22日，柘川县“共享菜园”模式',
    '在全县推广，盘活闲置土地近40亩。',
    '',
    '柘川县：“共享菜园”让闲置地“活”起来',
    '',
    '图片新闻',
    '',
    '柘川：晚稻开镰',
    '',
    '10月21日，柘川县白塔镇农户驾驶收割机收割晚稻。',
    '通讯员 阮杉 摄',
    '',
    '枫岭：古村秋色',
    '',
    '10月20日拍摄的枫岭县上坂村秋景。 本报记者 谭序 摄',
    '',
    '本报讯（记者 汤可然）10月22日，澄浦区最后一个社区',
    '就业服务驿站揭牌。',
    '',
    '澄浦区：就业服务驿站覆盖全部社区',
  ].join('\n');
  const p = parsePage(text, 'file:///issue/A04.news');
  assert.deepEqual(
    p.items.map((x) => [x.kind, x.headline, line(x.bodyRange)]),
    [
      ['article', '柘川县：“共享菜园”让闲置地“活”起来', 1],
      ['photo-story', '柘川：晚稻开镰', 10],
      ['photo-story', '枫岭：古村秋色', 15],
      ['article', '澄浦区：就业服务驿站覆盖全部社区', 17],
    ],
  );
});

test('AP pages: the agency under a byline is the byline’s, and a continuation is never a photo story', () => {
  const text = [
    'Senate panel advances rail safety bill',
    'By MAREN HOLLIS and OWEN KESTREL',
    'Associated Press',
    'WASHINGTON (AP) — A Senate committee on',
    'Wednesday advanced a long-stalled rail safety bill.',
    'Continued on A6',
    '',
    'Gulf towns brace for second storm in a week',
    'Continued from A1',
    'said Mayor Alma Ruiz, whose town was still',
    'pumping water out of its downtown.',
    '',
    'A man paddles a kayak down a flooded street in',
    'Port Arlen, La., on Tuesday. (AP Photo/Dana Whitcombe)',
  ].join('\n');
  const p = parsePage(text, 'file:///issue/A16.news');
  assert.deepEqual(
    p.items.map((x) => [x.kind, x.headline, line(x.bodyRange), x.bodyRange.end.line + 1]),
    [
      ['article', 'Senate panel advances rail safety bill', 4, 6],
      ['article', 'Gulf towns brace for second storm in a week', 9, 11],
    ],
  );
  assert.deepEqual(p.items[0].people.map((x) => x.name), ['MAREN HOLLIS', 'OWEN KESTREL']);
});

test('a notice’s numbered head over a line ending in a colon is a section, not a second notice', () => {
  const text = [
    '关于沙湾片区控制性详细规划局部调整的批前公示',
    '根据有关规定，现将沙湾片区控制性详细规划局部',
    '调整方案予以批前公示，广泛征求社会各界意见。',
    '一、公示时间',
    '2025年10月23日至11月21日。',
    '二、意见反馈',
    '公众可在公示期内通过以下方式反馈意见：',
    '1.信函邮寄至市自然资源和规划局；',
    '2.联系电话：0593-2815576。',
    '汐州市自然资源和规划局',
    '2025年10月23日',
  ].join('\n');
  const p = parsePage(text, 'file:///issue/A14.news');
  assert.equal(p.items.length, 1);
  assert.deepEqual(p.items[0].sections.map((s) => [s.title, line(s.range)]), [['一、公示时间', 4], ['二、意见反馈', 6]]);
});

test('Reuters stories: a dateline with a hyphen, and the closing credits name the reporter and the editor', () => {
  const text = [
    'Japanese port reopens after oil spill cleanup',
    '',
    'TOKYO (Reuters) - The port of Kurehama reopened to',
    'commercial shipping on Wednesday.',
    '',
    '(Reporting by Kenji Mori; Editing by Clara Voss)',
  ].join('\n');
  const [story] = parsePage(text, 'file:///issue/A16.news').items;
  assert.deepEqual([story.headline, line(story.bodyRange)], ['Japanese port reopens after oil spill cleanup', 3]);
  assert.deepEqual(story.people.map((x) => [x.name, x.role]), [['Kenji Mori', 'reporter'], ['Clara Voss', 'editor']]);
});

test('an opinion column’s label opens its piece even after a quotation, and 作者： names the author', () => {
  const text = [
    '让“微改造”释放“大民生”',
    '本报评论员',
    '一条小巷的变化，折射一座城市的温度。老城区12条背街',
    '小巷完成“微改造”。',
    '“改造的是街巷，凝聚的是人心。”',
    '——鹤汀区桂花巷居民议事会代表 邬秀英',
    '河阳时评',
    '“口袋公园”别成“口袋摆设”',
    '作者：桑 榆',
    '近年来，各地口袋公园建了不少，但也有一些口袋公园建成',
    '后少人问津。',
  ].join('\n');
  const items = parsePage(text, 'file:///issue/A11.news').items;
  const piece = items[items.length - 1];
  assert.deepEqual([piece.kicker, piece.headline, line(piece.bodyRange)], ['河阳时评', '“口袋公园”别成“口袋摆设”', 10]);
  assert.deepEqual(piece.people.map((x) => [x.name, x.role]), [['桑榆', 'author']]);
});

test('记者手记 over a title opens the reporter’s own piece; over running text it heads a section of the story', () => {
  // Headlines first: the story's stands over it.
  const story = [
    '河阳镇首届木雕文化节开幕',
    '本报讯（记者 谭若溪）4月8日，河阳镇首届木雕文化节开幕，',
    '吸引游客两万余人次。',
  ];
  const piece = parsePage(
    [...story, '记者手记', '慢下来，才能雕得深', '在方守仁的作坊里，时间仿佛走得很慢，一把刻刀', '一块樟木，一坐就是一整天，手上的茧子', '比刻刀还硬。'].join('\n'),
    'file:///issue/05.news',
  ).items;
  assert.deepEqual(
    piece.map((x) => [x.kicker, x.headline, line(x.bodyRange)]),
    [
      [null, '河阳镇首届木雕文化节开幕', 2],
      ['记者手记', '慢下来，才能雕得深', 6],
    ],
  );
  const section = parsePage([...story, '记者手记', '采访结束时，刘桂芳送给记者一幅刚剪好的', '《喜上眉梢》，纹样细密繁复。'].join('\n'), 'file:///issue/05.news').items;
  assert.equal(section.length, 1);
});

test('a reader’s letter: its column label, its title over the greeting, and the reader who signs it', () => {
  const text = [
    '2024年11月14日 星期四 第7版 社会·民生',
    '',
    '村里的“板凳课堂”办了十年，孩子们放学后有了去处。',
    '',
    '读者来信',
    '',
    '为泾桥县政务服务中心点个赞',
    '',
    '编辑同志：',
    '',
    '上个月，我们公司要在泾桥县设立分公司，中心的工作人员',
    '一天就帮我们办好了全部手续，特此致谢！',
    '',
    '鹭川市读者 柴秀芝',
  ].join('\n');
  const letter = parsePage(text, 'file:///issue/07.news').items.find((x) => x.kicker === '读者来信');
  assert.ok(letter, 'the letter is an item under its label');
  assert.deepEqual([letter.headline, line(letter.bodyRange), letter.bodyRange.end.line + 1], ['为泾桥县政务服务中心点个赞', 9, 14]);
  assert.deepEqual(letter.people.map((x) => [x.name, x.role]), [['柴秀芝', 'author']]);
});

test('a photo news column that sets each title after its photo, on a page that sets headlines before their text', () => {
  const text = [
    '2024年11月14日 星期四 第7版 社会·民生',
    '',
    '身边好人',
    '',
    '退休教师十年“板凳课堂”点亮留守童心',
    '',
    '本报讯（记者 葛思源）每天下午4点半，河湾村村委会旁的',
    '旧仓库就热闹起来。',
    '',
    '图片新闻',
    '',
    '11月12日，游客在鹭川市植物园银杏大道拍照留念。',
    '（本报记者 闵 航 摄）',
    '',
    '银杏叶黄游人来',
    '',
    '11月11日，泾桥县白鹭镇村民在疏浚灌溉渠道。',
    '（通讯员 邓绍丰 摄）',
    '',
    '冬修水利正当时',
    '',
    '公益广告',
  ].join('\n');
  const p = parsePage(text, 'file:///issue/07.news');
  assert.deepEqual(
    p.items.map((x) => [x.kind, x.headline, line(x.bodyRange)]),
    [
      ['article', '退休教师十年“板凳课堂”点亮留守童心', 7],
      ['photo-story', '银杏叶黄游人来', 12],
      ['photo-story', '冬修水利正当时', 17],
    ],
  );
});

test('a byline broken after a role word: the names on the next line are the byline’s, not a headline', () => {
  const text = [
    '河湾新区首座人才公寓交付',
    '',
    '□ 本报记者 苏明远 通讯员',
    '',
    '蓝若溪 程立',
    '',
    '本报讯 3月2日，河湾新区首座人才公寓正式交付，',
    '首批三百余名青年人才拎包入住。公寓配有共享',
    '厨房、健身房和自习室，租金低于市场价三成。',
  ].join('\n');
  const [story] = parsePage(text, 'file:///issue/01.news').items;
  assert.equal(story.headline, '河湾新区首座人才公寓交付');
  assert.equal(line(story.bodyRange), 7);
  assert.deepEqual(story.people.map((x) => [x.name, x.role]), [['苏明远', 'reporter'], ['蓝若溪', 'correspondent'], ['程立', 'correspondent']]);
  assert.equal(story.people[2].range.start.line + 1, 5);
});

test('two stories’ headlines in one stack: the first story’s after its text, the next story’s over its dateline', () => {
  const first = [
    '2025年3月3日 星期一 第2版 要闻',
    '',
    '河湾新区今年将新建口袋公园十二座，',
    '改造老旧绿地三十余处。新区园林部门',
    '表示，口袋公园选址将充分听取居民意见。',
    '',
  ];
  // The first headline's words are hardly in its text: words alone cannot place it.
  const stack = ['让绿色走进百姓家门口', '河湾“微绿地”建设提速'];
  const second = [
    '春季学期中小学课后服务全面开展',
    '',
    '本报讯（记者 苏明远） 新学期开学以来，全市',
    '中小学课后服务全面开展，参加课后服务的学生',
    '比上学期增加一成，课后服务内容更加丰富。',
  ];
  const items = parsePage([...first, ...stack, '', ...second].join('\n'), 'file:///issue/02.news').items;
  assert.deepEqual(
    items.map((x) => [x.headline, line(x.bodyRange)]),
    [
      ['让绿色走进百姓家门口河湾“微绿地”建设提速', 3],
      ['春季学期中小学课后服务全面开展', 12],
    ],
  );
  // A headline set in two lines over its dateline is one headline: its words are all the text's below.
  const wrapped = parsePage([...first, '春季学期中小学', '课后服务全面开展', '', ...second.slice(2)].join('\n'), 'file:///issue/02.news').items;
  assert.deepEqual(
    wrapped.map((x) => x.headline),
    [null, '春季学期中小学课后服务全面开展'],
  );
});

test('a byline wrapped after a name, more roles and names on the next line', () => {
  const text = ['一片茶叶的“三级跳”', '', '本报记者 苏明远', '蓝若溪 通讯员 程 立', '', '清晨六点，白岩村的茶山上云雾缭绕，茶农们', '已背着竹篓穿行在茶垄间。合作社统一加工后，', '一斤干茶能卖到八百元。'].join('\n');
  const [story] = parsePage(text, 'file:///issue/05.news').items;
  assert.equal(line(story.bodyRange), 6);
  assert.deepEqual(story.people.map((x) => [x.name, x.role]), [['苏明远', 'reporter'], ['蓝若溪', 'reporter'], ['程立', 'correspondent']]);
});

test('a box of figures under its label (数说), and a photo report (图片报道) label over its title', () => {
  const text = [
    '数说',
    '',
    '前5月全市经济运行“成绩单”',
    '',
    '3.6 万亿元',
    '5月末全市金融机构各项存款余额，同比增长 8.3%',
    '1286.7 万人次',
    '端午假期全市接待游客，同比增长 9.4%',
    '',
    '图片报道',
    '',
    '夜市“点亮”城市烟火气',
    '',
    '入夏以来，各地夜间消费持续升温，老街夜市、滨江夜游等',
    '新场景不断涌现。',
    '',
    '图① 6月14日晚，南门老街夜市人头攒动。',
    '',
    '本报记者 尤嘉禾 摄',
  ].join('\n');
  const items = parsePage(text, 'file:///issue/05.news').items;
  assert.deepEqual(
    items.map((x) => [x.kind, x.headline, line(x.bodyRange), x.bodyRange.end.line + 1]),
    [
      ['article', '前5月全市经济运行“成绩单”', 5, 8],
      ['photo-story', '夜市“点亮”城市烟火气', 14, 19],
    ],
  );
});

test('a front page’s weather box and website line are furniture, not headlines', () => {
  const text = [
    '河湾日报',
    '2025年6月17日 星期二',
    '河湾日报网 www.hwrb.cn 新闻热线 0596-88812345',
    '今日天气 河州 多云转雷阵雨 24℃～31℃ 南风2级',
    '',
    '全市夏粮收购进度过半',
    '',
    '本报讯（记者 苏明远） 记者从市粮食局获悉，截至6月16日，',
    '全市已收购小麦12.6万吨，完成计划的五成以上。今天最高气温',
    '31℃，各收购点延长了收购时间。',
    '',
    '今日天气',
    '多云转雷阵雨 26℃～34℃ 东南风3级',
  ].join('\n');
  const p = parsePage(text, 'file:///issue/01.news');
  assert.deepEqual(
    p.items.map((x) => [x.headline, line(x.bodyRange), x.bodyRange.end.line + 1]),
    [['全市夏粮收购进度过半', 8, 10]],
  );
});

test('a digest’s entries with their summaries: pointer after the summary, on its own line, or on the title', () => {
  const text = [
    '今日导读',
    '',
    '老旧电梯“带病”运行谁来管',
    '锦湖苑小区一栋高层住宅的电梯半年内停运十',
    '余次，新电梯预计下月安装。',
    '（详见A8版）',
    '年报季收官 本地板块交出亮眼成绩单 ▶B2',
    '本地上市公司去年合计实现净利润同比增长超',
    '过一成，多家公司拟大比例分红。',
    '高温“烤”验城市 户外劳动者有了“爱心驿站”',
    '连日高温，全市首批爱心驿站投用，部分驿站',
    '还备有防暑药品。▶A5',
    '汐州星火3比1逆转江东海港',
    '提前两轮锁定冲甲席位 ▶A9',
  ].join('\n');
  const items = parsePage(text, 'file:///issue/01.news').items;
  assert.deepEqual(
    items.map((x) => [x.kind, x.headline, line(x.bodyRange), x.bodyRange.end.line + 1]),
    [
      ['teaser', '老旧电梯“带病”运行谁来管', 3, 6],
      ['teaser', '年报季收官 本地板块交出亮眼成绩单', 7, 9],
      ['teaser', '高温“烤”验城市 户外劳动者有了“爱心驿站”', 10, 12],
      ['teaser', '汐州星火3比1逆转江东海港提前两轮锁定冲甲席位', 13, 14],
    ],
  );
});

test('an English byline broken after `and`: the names on the next line are reporters too', () => {
  const text = [
    'Linwan firms woo investors in Shanghai',
    'By ZHOU YAN and',
    'CHEN HAO in Shanghai',
    '',
    'SHANGHAI — Twelve companies from Linwan signed investment and',
    'supply agreements worth 1.8 billion yuan at a trade promotion',
    'event in Shanghai on Monday.',
  ].join('\n');
  const [story] = parsePage(text, 'file:///issue/C2.news').items;
  assert.equal(story.headline, 'Linwan firms woo investors in Shanghai');
  assert.equal(line(story.bodyRange), 5);
  assert.deepEqual(story.people.map((x) => [x.name, x.role, x.range.start.line + 1]), [['ZHOU YAN', 'reporter', 2], ['CHEN HAO', 'reporter', 3]]);
});

test('a column of ◆ briefs: a reporter in brackets on the last line signs a brief off; a service label over its title', () => {
  const text = [
    '本地快讯',
    '',
    '本报讯 记者昨日从市住房公积金管理中心获悉，自7月1日起，',
    '我市住房公积金月缴存基数上限调整为28632元。',
    '（记者 丰子衿）',
    '',
    '◆鹭港区新增两处“口袋公园”',
    '位于桂园北路和望海路交叉口的两处“口袋公园”',
    '近日完工开放，总面积约3200平方米。（记者 戚朗）',
    '',
    '消费提示',
    '夏季选购空调 这些“坑”要避开',
    '',
    '随着气温升高，空调进入销售旺季。市消保委提醒',
    '消费者，选购空调时要注意以下几点。',
  ].join('\n');
  const items = parsePage(text, 'file:///issue/05.news').items;
  assert.deepEqual(
    items.map((x) => [x.kicker, x.headline, line(x.bodyRange), x.bodyRange.end.line + 1]),
    [
      [null, null, 3, 5],
      [null, '鹭港区新增两处“口袋公园”', 8, 9],
      ['消费提示', '夏季选购空调 这些“坑”要避开', 14, 15],
    ],
  );
});

test('a kicker that names what the headline looks into (聚焦…) over a headline and its subtitle', () => {
  const text = ['聚焦“高效办成一件事”', '企业开办最快半天办结', '——我市政务服务改革提速增效调查', '', '本报讯（记者 阎书怡） 在市政务服务中心，', '一家新开的餐饮企业半天就拿到了全部证照。'].join('\n');
  const [story] = parsePage(text, 'file:///issue/03.news').items;
  assert.deepEqual([story.kicker, story.headline, story.subtitle], ['聚焦“高效办成一件事”', '企业开办最快半天办结', '——我市政务服务改革提速增效调查']);
});

test('a help column: its label over the title, and its parts headed by labels in square brackets', () => {
  const text = [
    '来信地址：临湾市鹭港区滨江路168号',
    '电子邮箱：bangban@lwdsb.cn',
    '',
    '记者帮办',
    '',
    '锦湖苑电梯半年“罢工”十余次 维修资金终于到位',
    '',
    '本报记者 邝思远',
    '',
    '【读者来电】',
    '“家里老人腿脚不好，电梯一停，上下楼就成了大难题。”',
    '6月初，锦湖苑小区居民拨通了本报帮办热线。',
    '',
    '【帮办过程】',
    '记者联系了小区物业和街道办，三方当天在小区召开',
    '协调会，商定先行动用维修资金。',
    '',
    '【现象】维修资金申请难',
    '按规定，动用维修资金需经业主大会表决。',
  ].join('\n');
  const story = parsePage(text, 'file:///issue/08.news').items.find((x) => x.kicker === '记者帮办');
  assert.ok(story, 'the column is an item under its label');
  assert.equal(story.headline, '锦湖苑电梯半年“罢工”十余次 维修资金终于到位');
  assert.deepEqual(story.people.map((x) => x.name), ['邝思远']);
  assert.deepEqual(
    story.sections.map((x) => [x.title, line(x.range)]),
    [
      ['【读者来电】', 10],
      ['【帮办过程】', 14],
      ['【现象】维修资金申请难', 18],
    ],
  );
});

test('a market report’s subheads that name their part before a colon are sections, not headlines', () => {
  const text = [
    'B2 财经 2025年6月17日 星期二',
    '三大指数集体收涨 两市成交额重回万亿元上方',
    '本报记者 蔺晨曦',
    '6月16日，A股市场震荡走高，三大指数集体收涨，沪深',
    '两市成交额较上一交易日明显放大。',
    '大盘：三大指数集体收涨',
    '截至收盘，上证指数上涨0.56%，深证成指上涨1.02%，',
    '创业板指上涨1.37%，两市超过3800只个股上涨。',
    '板块：电力、算力板块领涨',
    '行业板块多数上涨。受高温天气带动用电需求增长的预',
    '期影响，电力板块午后拉升，电力板块指数上涨3.2%，多只',
    '个股涨停，算力板块继续活跃。',
  ].join('\n');
  const items = parsePage(text, 'file:///issue/B2.news').items;
  assert.equal(items.length, 1);
  assert.deepEqual(items[0].sections.map((x) => [x.title, line(x.range)]), [['大盘：三大指数集体收涨', 6], ['板块：电力、算力板块领涨', 9]]);
});

test('a listed company’s notice under its code line; a story’s headline set after it, above the code line', () => {
  const text = [
    '本报讯（记者 霍一丹） 6月16日晚间，鹭峰电气发布公告称，',
    '公司收到东港独立储能电站项目中标通知书，中标金额约2.6亿元。',
    '鹭峰电气中标东港独立储能电站项目',
    '证券代码：601877 证券简称：港城控股 公告编号：2025-031',
    '临湾港城控股股份有限公司',
    '2024年年度权益分派实施公告',
    '本公司董事会及全体董事保证本公告内容不存在任何虚假记载、误导',
    '性陈述或者重大遗漏。',
    '特此公告。',
  ].join('\n');
  const items = parsePage(text, 'file:///issue/B2.news').items;
  assert.deepEqual(
    items.map((x) => [x.kind, x.headline, line(x.bodyRange)]),
    [
      ['article', '鹭峰电气中标东港独立储能电站项目', 1],
      ['notice', '临湾港城控股股份有限公司2024年年度权益分派实施公告', 7],
    ],
  );
});

test('a column label alone over running text is the headline itself (热线问答)', () => {
  const text = ['撬动邻里“大共享”', '', '热线问答', '', '读者胡先生问：我家小区连续两天晚上', '', '停水，物业说是供水管网的问题，应该', '', '找哪个部门？'].join('\n');
  const qa = parsePage(text, 'file:///issue/08.news').items.at(-1);
  assert.deepEqual([qa?.kicker, qa?.headline, line(qa?.bodyRange ?? null)], [null, '热线问答', 5]);
});

test('a continuation’s headline with its （上接第1版） on the same line: the headline is the words before it', () => {
  const text = ['第04版：要闻', '全省小麦机收进度突破九成（上接第1版）', '286.3万吨，同比增加 12.4%。省粮食和物资', '储备局要求各地合理布设收购网点，延长收购', '时间，严格执行质价政策。'].join('\n');
  const p = parsePage(text, 'file:///issue/04.news');
  const [story] = p.items;
  assert.deepEqual([story.headline, line(story.bodyRange)], ['全省小麦机收进度突破九成', 3]);
  assert.deepEqual(story.headlineRange && [story.headlineRange.start.character, story.headlineRange.end.character], [0, 12]);
  assert.deepEqual(p.jumps.map((j) => [j.direction, j.page, line(j.range)]), [['from', 1, 2]]);
});

test('on a page that sets headlines after their text, a continuation’s headline with its jump heads the text under it', () => {
  const text = [
    '市区今年新建口袋公园十二座，改造老旧绿地三十余处，',
    '口袋公园选址将充分听取居民意见。',
    '新区口袋公园建设提速',
    '全省小麦机收进度突破九成（上接第1版）',
    '286.3万吨，同比增加 12.4%。省粮食和物资储备局要求',
    '各地合理布设收购网点，延长收购时间。',
  ].join('\n');
  const items = parsePage(text, 'file:///issue/04.news').items;
  assert.deepEqual(
    items.map((x) => [x.headline, line(x.bodyRange)]),
    [
      ['新区口袋公园建设提速', 1],
      ['全省小麦机收进度突破九成', 5],
    ],
  );
});

test('an essay’s author named alone under its headline (padded, or over an indented paragraph) is its byline', () => {
  const text = [
    '第09版：理论',
    '理论前沿',
    '以新质生产力赋能县域高质量发展',
    '韦知行',
    '　　县域是经济发展和社会治理的基本单元，是推动城乡融',
    '合发展的重要切入点。',
    '新知新觉',
    '把数字技术优势转化为乡村治理效能',
    '冼 明',
    '　　数字技术的广泛应用，为提升乡村治理效能提供了',
    '有力支撑。',
  ].join('\n');
  const items = parsePage(text, 'file:///issue/09.news').items;
  assert.deepEqual(
    items.map((x) => [x.kicker, x.headline, line(x.bodyRange), x.people.map((p) => p.name)]),
    [
      ['理论前沿', '以新质生产力赋能县域高质量发展', 5, ['韦知行']],
      ['新知新觉', '把数字技术优势转化为乡村治理效能', 10, ['冼明']],
    ],
  );
  // A headline's short last line over text that is not set in stays the headline's.
  const [potato] = parsePage(['岚县：30万亩马铃薯', '播种忙', '本报讯 连日来，岚县抢抓农时，30万亩马铃薯陆续下种，', '田间地头一派繁忙景象。'].join('\n'), 'file:///issue/02.news').items;
  assert.equal(potato.headline, '岚县：30万亩马铃薯播种忙');
});

test('a brief’s title in square brackets alone on its line heads the brief; a short label in brackets inside a text heads a part', () => {
  const text = [
    '体育快讯',
    '',
    '【澄阳国际半程马拉松9月开跑】',
    '',
    '2025澄阳国际半程马拉松将于9月14日在澄阳',
    '滨江公园鸣枪，赛事规模 1.5万人，6月20日',
    '起接受报名。',
    '',
    '【“村超”苍岭赛区决赛周末打响】',
    '',
    '2025“村超”全国联赛苍岭赛区决赛将于6月',
    '21日至22日在湄阳县举行。',
  ].join('\n');
  const items = parsePage(text, 'file:///issue/12.news').items;
  assert.deepEqual(
    items.map((x) => [x.headline, line(x.bodyRange), x.bodyRange.end.line + 1]),
    [
      ['澄阳国际半程马拉松9月开跑', 5, 7],
      ['“村超”苍岭赛区决赛周末打响', 11, 12],
    ],
  );
});

test('a bilingual section’s header: the page’s number before its English and Chinese names, an English date beside the editors', () => {
  const text = ['C2 CITY WEEKLY 城市周刊', 'Tuesday, June 17, 2025 责任编辑：温雅 美编：罗琦', '', 'Dragon boats return to Linwan Creek', 'By LI MING', '', 'LINWAN — For the first time in 10 years, the drums were back on the creek.'].join('\n');
  const p = parsePage(text, 'file:///issue/x.news');
  assert.deepEqual([p.id, p.idSource, p.furniture.date?.text, p.furniture.editors.map((e) => e.name)], ['C02', 'header', 'Tuesday, June 17, 2025', ['温雅', '罗琦']]);
  assert.deepEqual(p.items.map((x) => x.headline), ['Dragon boats return to Linwan Creek']);
});

test('on a page that sets headlines first, a headline as long as the column is known by its text repeating its words', () => {
  // E-paper text: a blank line after every line, a narrow column.
  const text = [
    '苍岭—东盟国际班列累计开行突破3000列',
    '本报讯 16日上午，满载汽车零部件、陶瓷',
    '和茶叶的苍岭—东盟国际班列从苍州国际',
    '陆港驶出，标志着该班列累计开行突破',
    '3000列。苍州国际陆港二期工程将于年内',
    '建成投用，届时年集装箱吞吐能力将提升',
    '至 50万标箱。',
    '省委理论学习中心组举行专题学习',
    '6月16日，省委理论学习中心组举行专',
    '题学习，围绕推进县域经济高质量发展',
    '进行交流研讨。省委书记孟达远主持并',
    '讲话。',
  ].join('\n\n');
  const items = parsePage(text, 'file:///issue/01.news').items;
  assert.deepEqual(
    items.map((x) => [x.headline, line(x.bodyRange)]),
    [
      ['苍岭—东盟国际班列累计开行突破3000列', 3],
      ['省委理论学习中心组举行专题学习', 17],
    ],
  );
});

test('a weather line in any order of its parts is furniture; a sentence that gives a temperature is text', () => {
  const text = ['今日天气：多云转晴 东南风2级 17℃～26℃', '', '全市夏粮收购进度过半', '', '本报讯 今天最高气温26℃，各收购点延长了收购时间，', '全市已收购小麦12.6万吨。'].join('\n');
  const items = parsePage(text, 'file:///issue/01.news').items;
  assert.deepEqual(items.map((x) => [x.headline, line(x.bodyRange)]), [['全市夏粮收购进度过半', 5]]);
});

test('on a page that sets headlines after their text, a headline as long as the column is known by the text above repeating its words', () => {
  // E-paper text: a blank line after every line; a paragraph's first line comes out two em short.
  const text = [
    '本报讯 7月10日，市委书记林文博在黄泽',
    '县调研工业经济运行情况。林文博一行先后',
    '来到黄泽县工业园区多家企业，详细了解工',
    '业经济运行和项目建设情况。林文博强调，',
    '黄泽县要聚焦主导产业精准招商，推动工业',
    '经济运行稳中有进。',
    '林文博在黄泽县调研工业经济运行',
    '今年是全面贯彻党的二十大精神的',
    '开局之年。上半年，我市坚持以人民为',
    '中心的发展思想，在发展中保障和改善',
    '民生，着力解决群众急难愁盼问题。',
    '民生答卷写满百姓幸福',
  ].join('\n\n');
  const items = parsePage(text, 'file:///issue/01.news').items;
  assert.deepEqual(
    items.map((x) => [x.headline, line(x.bodyRange)]),
    [
      ['林文博在黄泽县调研工业经济运行', 1],
      ['民生答卷写满百姓幸福', 15],
    ],
  );
});

test('a kicker of two phrases set apart keeps the headline under it, however long, between two texts', () => {
  const text = [
    '本报讯（记者 郝志刚） 9月25日至26日，全市第三季度',
    '重点项目观摩推进会召开。会议要求，要优化服务',
    '保障，全力以赴推动重点项目建设提速提效，为完',
    '成全年目标任务提供坚实支撑。',
    '比学赶超看项目 凝心聚力促发展',
    '全市第三季度重点项目观摩推进会召开',
    '金秋时节，走进芦川县，漫山遍野',
    '的谷子、糜子、荞麦迎风摇曳，一派丰',
    '收景象。',
    '小杂粮做成富民大产业',
  ].join('\n\n');
  const items = parsePage(text, 'file:///issue/01.news').items;
  assert.deepEqual(
    items.map((x) => [x.kicker, x.headline, line(x.bodyRange)]),
    [
      ['比学赶超看项目 凝心聚力促发展', '全市第三季度重点项目观摩推进会召开', 1],
      [null, '小杂粮做成富民大产业', 13],
    ],
  );
});

test('an article signed by an official, title then name in a box: the name is the author, the title is not', () => {
  const text = ['以高质量党建引领乡村全面振兴', '□ 中共石门县委书记 贾志成', '', '乡村振兴，关键在党。近年来，石门县坚持以党建引领乡村', '振兴，推动基层党组织全面进步、全面过硬。'].join('\n');
  const [story] = parsePage(text, 'file:///issue/08.news').items;
  assert.deepEqual([story.headline, line(story.bodyRange), story.people.map((x) => [x.name, x.role])], ['以高质量党建引领乡村全面振兴', 4, [['贾志成', 'author']]]);
});

test('a sign-off in brackets wrapped over two lines: a space parts two names, a body’s name wrapped before its last word is one', () => {
  const signed = (tail: readonly string[]) =>
    parsePage(['岱城区首届社区运动会开幕', '', '本报讯 近日，岱城区首届社区运动会开幕，全区新建健身', ...tail].join('\n'), 'file:///issue/05.news').items[0].people.map((x) => x.name);
  assert.deepEqual(signed(['园 26个，群众健身更加方便。 （曹', '磊 田静）']), ['曹磊', '田静']);
  assert.deepEqual(signed(['园 26个，群众健身更加方便。（县农业农村', '局 通讯员 麻晓东）']), ['麻晓东']);
});

test('a numbered head as long as its column heads a section when the line under it opens a paragraph', () => {
  const text = [
    '以高质量党建引领乡村全面振兴',
    '□ 中共石门县委书记 贾志成',
    '乡村振兴，关键在党。石门县坚持',
    '把抓党建促乡村振兴作为重大政治任务，',
    '选派驻村工作队员，扎根一线助力振兴。',
    '三、壮大集体经济，增强“造血”功能',
    '发展壮大村级集体经济，是增强村',
    '党组织凝聚力的重要抓手。石门县坚持一',
    '村一策，推动集体经济提质增效。',
  ].join('\n\n');
  const [story] = parsePage(text, 'file:///issue/08.news').items;
  assert.deepEqual(story.sections.map((x) => [x.title, line(x.range)]), [['三、壮大集体经济，增强“造血”功能', 11]]);
});

test('a layout export that sets each paragraph as one line: a commentary’s author alone under its title; a hotline beside the editors is no editor', () => {
  const text = [
    '短评',
    '让项目建设跑出“加速度”',
    '陆思远',
    '42个项目集中开工，总投资186.4亿元，这是我市坚持项目为王、持续优化营商环境的生动写照，也是全市上下真抓实干的有力证明。',
    '项目建设贵在快，也重在实。开工只是起点，早日建成投产、发挥效益，才是检验项目建设成效的根本标准。',
    '',
    '本版责编：秦岭　版式：吴放　新闻热线：0739-8826110',
  ].join('\n');
  const p = parsePage(text, 'file:///issue/A1.news');
  assert.deepEqual(p.items.map((x) => [x.kicker, x.headline, line(x.bodyRange), x.people.map((y) => y.name)]), [['短评', '让项目建设跑出“加速度”', 4, ['陆思远']]]);
  assert.deepEqual(p.furniture.editors.map((e) => e.name), ['秦岭', '吴放']);
});
