// Photo credits as local and agency papers print them, read from page text set the way a PDF
// extraction gives it (a blank line after every line).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePage } from '../../server/src/core/parsePage';

const line = (r: { start: { line: number } } | null) => (r ? r.start.line + 1 : null);
const parse = (lines: readonly string[]) => parsePage(lines.join('\n'), 'file:///x/09.news');
const photosOf = (lines: readonly string[]) =>
  parse(lines).photos.map((x) => [line(x.range), x.caption, x.credit, x.people.map((y) => [y.name, y.role])]);

test('a credit keeps the title of a trainee reporter or an intern, like that of a reporter', () => {
  assert.deepEqual(
    photosOf([
      '5月6日，离石区凤山街道社区志愿者为辖区老人测量血压。 本报见习记者 赵 磊 摄',
      '',
      '5月6日，孝义市学生在科技馆参观展览。 本报实习生 王雨 摄',
      '',
      '本报讯（记者 李明）近日，我市开展健康义诊进社区活动，',
      '',
      '为居民提供免费体检服务。',
      '',
      '健康义诊进社区',
    ]),
    [
      [1, '5月6日，离石区凤山街道社区志愿者为辖区老人测量血压。', '本报见习记者 赵 磊 摄', [['赵磊', 'photographer']]],
      [3, '5月6日，孝义市学生在科技馆参观展览。', '本报实习生 王雨 摄', [['王雨', 'photographer']]],
    ],
  );
});

test('an agency set before the bracket that names the photographer is part of the credit', () => {
  assert.deepEqual(
    photosOf([
      '当日，在巴西圣保罗，人们参加街头音乐节活动。 新华社发（拉赫尔·帕特拉索 摄）',
      '',
      '“中国是值得信赖的合作伙伴”',
    ]),
    [[1, '当日，在巴西圣保罗，人们参加街头音乐节活动。', '新华社发（拉赫尔·帕特拉索 摄）', [['拉赫尔·帕特拉索', 'photographer']]]],
  );
});

/** A text wrapped the way the extraction sets it: a blank line after every line. */
const spaced = (lines: readonly string[]) => lines.flatMap((l) => [l, '']);
const NEWS = ['5月6日中午，在离石区滨河街道龙', '山社区长者食堂，志愿者为老人端', '上热腾腾的饭菜。该食堂自去年运', '营以来，每天为辖区60岁以上老人', '提供午餐，每餐只收10元。'];
const CAPTION = ['5月6日中午，在离石区滨河街道龙', '山社区长者食堂，志愿者为老人端', '上热腾腾的饭菜。'];

/** Text under its title (line 3, its first line 5), signed by `credit` on a line of its own, then an article headline first. */
const photoNews = (credit: string, text = NEWS) =>
  spaced(['办代办各类事项 1.3 万余件。', '社区里的“爱心午餐”', ...text, credit, '老旧小区加装电梯', '“上下楼”不再难', '□本报记者 张三', '“终于不用爬楼了！”5月5日，家住', '凤山街道的王大爷高兴地说。']);
const NEWS_TEXT = '5月6日中午，在离石区滨河街道龙山社区长者食堂，志愿者为老人端上热腾腾的饭菜。该食堂自去年运营以来，每天为辖区60岁以上老人提供午餐，每餐只收10元。';

test('a short photo news signed 图/文 or 文/图 is a photo: its text is the caption, its writer the photographer', () => {
  for (const credit of ['图/文 记者 李明', '文/图 本报记者 李明']) {
    assert.deepEqual(photosOf(photoNews(credit)), [[5, NEWS_TEXT, credit, [['李明', 'photographer']]]], credit);
  }
});

test('a credit that names the photographer after 摄影, or the one who gave the photo (供图), closes the caption above it', () => {
  for (const [credit, name] of [['通讯员 刘芳 供图', '刘芳'], ['摄影：李明', '李明'], ['摄影 李明', '李明']]) {
    const p = parse(photoNews(credit, CAPTION));
    assert.deepEqual(p.photos.map((x) => [line(x.range), x.credit, x.people.map((y) => [y.name, y.role])]), [[5, credit, [[name, 'photographer']]]], credit);
    // The credit heads no article.
    assert.equal(p.items.some((i) => i.headline?.includes(credit)), false, credit);
  }
});

test('文/图 under a headline, over the text, is the article’s byline: its writer is a reporter', () => {
  const p = parse([
    '供“一站式”服务。',
    '',
    '中阳县专场招聘会送岗1200余个',
    '',
    '文/图 本报记者 薛瑞',
    '',
    '5 月 7 日，走进石楼县裴沟乡的千亩',
    '',
    '核桃园，一排排核桃树郁郁葱葱。',
    '',
    '石楼：核桃园里管护忙',
  ]);
  assert.deepEqual(p.photos, []);
  assert.deepEqual(p.items.flatMap((i) => i.people.map((x) => [x.name, x.role])), [['薛瑞', 'reporter']]);
});

test('a one-line caption under an article that ends in a jump line is that line alone: the jump ends the article', () => {
  const ending = ['以扎实的工作成效检验主题教育成', '果，为全面建设社会主义现代化吕'];
  for (const jumpAlone of [false, true]) {
    const last = jumpAlone ? ['梁作出新的更大贡献。', '（下转2版）'] : ['梁作出新的更大贡献。 （下转2版）'];
    const lines = spaced([
      '市委理论学习中心组举行专题学习会',
      '本报讯（全媒体记者 刘晓东）5月7日，市委理论学习中心组举行专题学习会。',
      ...ending,
      ...last,
      '市民在广场观看展览，现场气氛热烈。本报全媒体记者 李晓华 摄',
      '本报讯（通讯员 张伟）近日，我市开展文明城市创建活动，',
      '各单位积极参与，取得明显成效。',
      '文明创建见实效',
    ]);
    const p = parse(lines);
    const captionLine = lines.indexOf('市民在广场观看展览，现场气氛热烈。本报全媒体记者 李晓华 摄') + 1;
    assert.deepEqual(
      p.photos.map((x) => [line(x.range), x.range.end.line + 1, x.caption, x.credit]),
      [[captionLine, captionLine, '市民在广场观看展览，现场气氛热烈。', '本报全媒体记者 李晓华 摄']],
      `jump alone: ${jumpAlone}`,
    );
    // The article runs to its jump.
    assert.equal(p.items[0].bodyRange.end.line + 1, captionLine - 2, `jump alone: ${jumpAlone}`);
  }
});

test('bare circled numbers with one credit after the last are captions each; numbered points of running text are not', () => {
  const photos = parse(
    spaced([
      '确保春播工作顺利推进。',
      '①5月5日，柳林县锄沟村村民在采摘香椿。',
      '②村民将采摘的香椿分拣装箱。',
      '③电商主播在直播间推介香椿。',
      '本报记者 任杰 摄',
      '香椿飘香致富路',
    ]),
  ).photos;
  assert.deepEqual(
    photos.map((x) => [line(x.range), x.marker, x.caption, x.credit]),
    [
      [3, '①', '①5月5日，柳林县锄沟村村民在采摘香椿。', '本报记者 任杰 摄'],
      [5, '②', '②村民将采摘的香椿分拣装箱。', '本报记者 任杰 摄'],
      [7, '③', '③电商主播在直播间推介香椿。', '本报记者 任杰 摄'],
    ],
  );
  // Points of an article, then a caption with its own credit: the points stay the article's.
  const p = parse(
    spaced([
      '本报讯（记者 王强）近日，我市出台措施，主要做法有：',
      '①加强组织领导，压实工作责任。',
      '②强化督导考核，确保落到实处。',
      '5月6日，孝义市学生在科技馆参观展览。 本报记者 李明 摄',
      '本报讯（通讯员 张伟）近日，我市开展文明城市创建活动，',
      '各单位积极参与，取得明显成效。',
      '文明创建见实效',
    ]),
  );
  assert.deepEqual(p.photos.map((x) => [line(x.range), x.credit]), [[7, '本报记者 李明 摄']]);
  assert.equal(p.items[0].bodyRange.end.line + 1, 5);
});

test('an agency credit naming a foreign photographer by a transliterated name (with its dots) closes the caption', () => {
  const page = (credit: string) =>
    spaced([
      '东南亚旅游业加速复苏',
      '新华社曼谷6月10日电 泰国旅游和体育部',
      '10日发布数据显示，今年以来泰国接待',
      '外国游客超过1479万人次。',
      '6月9日，在肯尼亚内罗毕国家公园，游客观看长颈',
      `鹿。 ${credit}`,
      '印尼一火山喷发',
      '据新华社电 印尼一座火山11日喷发，',
      '火山灰柱高达数千米。',
    ]);
  for (const [credit, name] of [['新华社发 约翰·奥凯约 摄', '约翰·奥凯约'], ['新华社记者 阿依古丽·买买提 摄', '阿依古丽·买买提']]) {
    assert.deepEqual(
      photosOf(page(credit)),
      [[9, '6月9日，在肯尼亚内罗毕国家公园，游客观看长颈鹿。', credit, [[name, 'photographer']]]],
      credit,
    );
  }
});

/** Two local stories, each headed after its text (as the extraction sets them), with `between` set under the first one's headline. */
const twoStories = (between: readonly string[]) =>
  spaced([
    '本报讯（记者 张华）6月10日，市里召开',
    '会议，研究部署防汛工作。会议要求，',
    '各地要压实责任，确保安全度汛。',
    '我市部署防汛工作',
    ...between,
    '本报讯（记者 李明）6月9日，县里召开',
    '会议，部署夏粮收购工作。会议要求，',
    '各地要做好收购准备，防止卖粮难。',
    '夏粮收购工作启动',
  ]);
const headlinesOf = (lines: readonly string[]) => parse(lines).items.map((x) => [x.headline, line(x.bodyRange)]);

test('a caption whose credit ends its last line runs back no further than the headline set above it', () => {
  const page = twoStories(['这是6月10日在比利时布鲁塞尔一家超市拍摄的蔬', '菜水果货架。 新华社记者 赵丁喆 摄']);
  assert.deepEqual(photosOf(page), [[9, '这是6月10日在比利时布鲁塞尔一家超市拍摄的蔬菜水果货架。', '新华社记者 赵丁喆 摄', [['赵丁喆', 'photographer']]]]);
  assert.deepEqual(headlinesOf(page), [['我市部署防汛工作', 1], ['夏粮收购工作启动', 13]]);
  // A one-line caption that starts with a date, its credit after it on the line, likewise.
  const oneLine = twoStories(['6月10日，民警在城区夜市开展巡逻防控。 通讯员 贾磊 摄']);
  assert.deepEqual(photosOf(oneLine), [[9, '6月10日，民警在城区夜市开展巡逻防控。', '通讯员 贾磊 摄', [['贾磊', 'photographer']]]]);
  assert.deepEqual(headlinesOf(oneLine), [['我市部署防汛工作', 1], ['夏粮收购工作启动', 11]]);
});

test('a caption never runs back over a byline: the essay signed above it keeps its headline and its author', () => {
  // The byline is as wide as the caption: no title by its shape, but a byline by its kind.
  const page = twoStories(['□ 陈晓岚 李文博', '《麦浪》 张立军 摄']);
  assert.deepEqual(photosOf(page), [[11, '《麦浪》', '张立军 摄', [['张立军', 'photographer']]]]);
  const [essay] = parse(page).items;
  assert.deepEqual(
    [essay.headline, essay.people.map((p) => [p.name, p.role])],
    ['我市部署防汛工作', [['张华', 'reporter'], ['陈晓岚', 'author'], ['李文博', 'author']]],
  );
});

test('China Daily credits, in square brackets or bare at the end of the caption, close it; an agency names no photographer', () => {
  assert.deepEqual(
    photosOf([
      'Children fly kites on a hillside in',
      '',
      'Weifang on Saturday. [Photo/Xinhua]',
      '',
      'Workers check solar panels at a',
      '',
      'plant in Hami, Xinjiang.',
      '',
      '[Photo by LIU HONG / FOR CHINA DAILY]',
      '',
      'A vendor sells dumplings at a night',
      '',
      'market in Xi’an. PHOTO / XINHUA',
    ]),
    [
      [1, 'Children fly kites on a hillside in Weifang on Saturday.', 'Photo/Xinhua', []],
      [5, 'Workers check solar panels at a plant in Hami, Xinjiang.', 'Photo by LIU HONG / FOR CHINA DAILY', [['LIU HONG', 'photographer']]],
      [11, 'A vendor sells dumplings at a night market in Xi’an.', 'PHOTO / XINHUA', []],
    ],
  );
});

test('an English caption runs back neither over the head set above it nor over an agency signing off the story above', () => {
  assert.deepEqual(
    photosOf([
      'BEIJING — Flights rose 8 percent in',
      '',
      'August, the aviation regulator said.',
      '',
      'XINHUA',
      '',
      'A man flies a drone over rice fields in',
      '',
      'Guilin on Sunday. [Photo/Xinhua]',
      '',
      'Air Travel Climbs in Summer Months',
      '',
      'A boy watches planes at an airport in',
      '',
      'Chengdu on Sunday. [Photo/Xinhua]',
    ]),
    [
      [7, 'A man flies a drone over rice fields in Guilin on Sunday.', 'Photo/Xinhua', []],
      [13, 'A boy watches planes at an airport in Chengdu on Sunday.', 'Photo/Xinhua', []],
    ],
  );
});

test('a headline over a caption that opens with the day the photo was taken is no part of the caption', () => {
  const text = [
    '本报讯（记者 郑凯）假期期间，全市12345热线共受',
    '',
    '理涉旅咨询类诉求862件，均在规定时限内办结。',
    '',
    '中秋假期我市接待游客186.3万人次',
    '',
    '9月15日，游客在河阳古城观看',
    '',
    '“月满古城”灯光秀。',
    '',
    '记者 黄磊 摄',
  ].join('\n');
  const p = parsePage(text, 'file:///issue/02.news');
  // PDF text: a blank line between every two lines of a column.
  assert.deepEqual(p.photos.map((x) => [x.range.start.line + 1, x.credit]), [[7, '记者 黄磊 摄']]);
  assert.equal(p.items[0].headline, '中秋假期我市接待游客186.3万人次');
});

test('a photographer after a slash at a caption’s end (图/周可欣), and an agency’s release alone under its caption (（新华社发）)', () => {
  const text = [
    '本报讯 4月7日，望川风电场二期项目全部并网发电。',
    '',
    '望川风电场二期项目风机矗立在山脊上。图/周可欣',
    '',
    '本报讯（记者 何嘉禾）4月8日，澜江至望川高速公路全线贯通。',
    '',
    '4月8日拍摄的澜望高速公路青溪特大桥（无人机照片）。',
    '（新华社发）',
  ].join('\n');
  const p = parsePage(text, 'file:///issue/09.news');
  assert.deepEqual(
    p.photos.map((x) => [x.range.start.line + 1, x.credit, x.people.map((q) => q.name)]),
    [
      [3, '图/周可欣', ['周可欣']],
      [7, '新华社发', []],
    ],
  );
  assert.deepEqual(p.items.map((x) => x.source), [null, null]);
});

test('a picture agency’s credit alone under its caption (视觉中国供图) names no one', () => {
  assert.deepEqual(
    photosOf([
      '本报讯（记者 戚朗）连日高温，全市首批爱心驿站投用。',
      '',
      '高温天气下，一名环卫工人在爱心驿站内休息、补充饮',
      '水。（资料图片）',
      '视觉中国供图',
      '',
      '爱心驿站投用',
    ]),
    [[3, '高温天气下，一名环卫工人在爱心驿站内休息、补充饮水。（资料图片）', '视觉中国供图', []]],
  );
});

test('a credit whose 摄 wrapped onto a line of its own', () => {
  assert.deepEqual(
    photosOf([
      '本报讯（记者 李明）近日，我市开展健康义诊进社区活动。',
      '',
      '6月15日，岚溪市双桥区荷塘村，游客在荷花',
      '池边拍照留念。 通讯员 司 琪',
      '摄',
      '',
      '健康义诊进社区',
    ]).map(([first, , credit, people]) => [first, credit, people]),
    [[3, '通讯员 司 琪 摄', [['司琪', 'photographer']]]],
  );
});
