import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findFigures } from '../../server/src/core/figures';
import { LineIndex } from '../../server/src/core/text';
import type { Figure } from '../../server/src/core/model';

const scan = (text: string) => findFigures(new LineIndex(text));
const figuresOf = (text: string): Figure[] => scan(text).figures;

/** The one figure in `text`, checked for value and unit. */
function one(text: string, value: number, unit: string): Figure {
  const figures = figuresOf(text);
  assert.equal(figures.length, 1, `one figure in ${JSON.stringify(text)}, got ${JSON.stringify(figures.map((f) => f.text))}`);
  const [f] = figures;
  assert.equal(f.value, value, `value of ${f.text}`);
  assert.equal(f.unit, unit, `unit of ${f.text}`);
  return f;
}

const none = (text: string): void => {
  const { figures } = scan(text);
  assert.deepEqual(figures.map((f) => f.text), [], `no figure in ${JSON.stringify(text)}`);
};

describe('figures: numbers with units', () => {
  it('reads air quality in micrograms per cubic metre, and yen and parcels in English', () => {
    one('全市PM2.5平均浓度为31.2微克/立方米，同比下降。', 31.2, '微克/立方米');
    one('The cleanup cost 8.9 trillion yen in total.', 8.9e12, 'yen');
    one('The hub handled 760,000 parcels a day.', 760000, 'parcels');
  });

  it('counts shares, with thousands separators, and not the words that start with 股', () => {
    assert.equal(one('本次共派发1,386,520,000股，占总股本的三成。', 1386520000, '股').text, '1,386,520,000股');
    none('该公司有3股东大会议案待审议');
  });

  it('reads magnitudes and units, with PDF spaces inside', () => {
    assert.equal(one('我市共有贫困劳动力 37.84 万人，占全省总数的四分之一。', 378400, '人').text, '37.84 万人');
    assert.equal(one('争取到上级救助补助 资 金 2.242 亿 元 ， 重点倾斜。', 224200000, '元').text, '2.242 亿 元');
    assert.equal(one('共签约引进项目，总投资 109.45亿元。', 10945000000, '元').text, '109.45亿元');
    one('建档立卡共 218.23万人，进展顺利。', 2182300, '人');
    // A port counts containers in twenty-foot units.
    one('一季度集装箱吞吐量8.6万标箱，同比增长。', 86000, '标箱');
    one('今日天气：晴，最高气温 28℃。', 28, '℃');
    one('最低气温降至 5 摄氏度 左右。', 5, '摄氏度');
    one('春节前返乡农民工 6.4 万人，已全部返岗。', 64000, '人');
    one('本地就业 3 万人。', 30000, '人');
    one('源 720万㎡轻质矿棉板项目', 7200000, '㎡');
    one('已累计培训护工 50206人，其中', 50206, '人');
    one('城市低保标准为每人每月 623.3 元。', 623.3, '元');
    one('资 2.13 亿元，完成签约任务', 213000000, '元');
    one('力争年劳务收入达到 25亿元以上。', 2500000000, '元');
  });

  it('reads the digits a letter-spaced line set apart', () => {
    const text = '新能源电池材料产业完成产值 1 2 0 . 6\n\n亿元，同比增长 3 2 . 5 %，增长面达 7 8 . 4 % 。';
    const figures = figuresOf(text);
    assert.deepEqual(figures.map((f) => [f.value, f.unit]), [[12060000000, '元'], [0.325, '%'], [0.784, '%']]);
    assert.equal(figures[0].text, '1 2 0 . 6\n\n亿元');
    assert.deepEqual(figures[0].range, { start: { line: 0, character: 14 }, end: { line: 2, character: 2 } });
    assert.equal(one('已 发 放 贷 款 1 5 . 8 亿 元 ， 惠 及 企 业', 1580000000, '元').text, '1 5 . 8 亿 元');
    assert.equal(one('本 轮 共 发 放 消 费 券 1 2 0 万元', 1200000, '元').text, '1 2 0 万元');
  });

  it('keeps numbers apart on a line that is not letter-spaced', () => {
    // Only single digits, one space apart, on a letter-spaced line are one number.
    assert.deepEqual(figuresOf('两组分别有 12 15 个样本').map((f) => [f.value, f.unit]), [[15, '个']]);
    assert.deepEqual(figuresOf('测试一下 1 2 0 万元 和 120 万元的差别在哪里呢').map((f) => f.value), [0, 1200000]);
    assert.deepEqual(scan('2024 年 5 月，共 120 万元').dates.map((d) => [d.year, d.month]), [[2024, 5]]);
    one('2024 年 5 月，共 120 万元', 1200000, '元');
  });

  it('sets the kind to quantity and leaves upper unset', () => {
    const f = one('共培训 2302人。', 2302, '人');
    assert.equal(f.kind, 'quantity');
    assert.equal(f.upper, undefined);
    assert.equal(f.approximate, undefined);
  });

  it('joins a number to its unit across one line break', () => {
    const text = '农业部门组织了新型职业农民培训 1785\n人。全市共开发岗位';
    const f = one(text, 1785, '人');
    assert.equal(f.text, '1785\n人');
    assert.deepEqual(f.range, { start: { line: 0, character: 16 }, end: { line: 1, character: 1 } });
    assert.equal(one('每人每年提高 700\r\n元，孝义市', 700, '元').text, '700\r\n元');
  });

  it('joins a number to its unit across the blank line of blank-line-separated extraction', () => {
    const [f] = figuresOf('全市共开发扶贫公益性岗位 1303\n\n个，已兜底安置。');
    assert.equal(f.value, 1303);
    assert.equal(f.unit, '个');
    assert.deepEqual(f.range, { start: { line: 0, character: 13 }, end: { line: 2, character: 1 } });
  });

  it('does not join across two blank lines', () => {
    none('全市共开发扶贫公益性岗位 1303\n\n\n个，已兜底安置。');
  });

  it('gives exact ranges for figures', () => {
    const text = '据了解，\n占总任务数的 83.7%，其中 4000元/月。';
    const [pct, rate] = figuresOf(text);
    assert.deepEqual(pct.range, { start: { line: 1, character: 7 }, end: { line: 1, character: 12 } });
    assert.equal(pct.text, '83.7%');
    assert.deepEqual(rate.range, { start: { line: 1, character: 16 }, end: { line: 1, character: 23 } });
    assert.equal(rate.text, '4000元/月');
  });

  it('reads rates', () => {
    one('人均收入达到 4000元/月。', 4000, '元/月');
    one('农村低保标准每人 4852.6元/年。', 4852.6, '元/年');
    one('回收价 300 元/吨。', 300, '元/吨');
    one('均价 9000元/平方米，同比持平', 9000, '元/平方米');
    one('时速 350公里/小时。', 350, '公里/小时');
    one('补贴 50元/人。', 50, '元/人');
    one('补贴 3万元/年。', 30000, '元/年');
  });

  it('reads percentages as fractions', () => {
    for (const [text, value] of [
      ['占总任务数的 83.7%，其中', 0.837],
      ['完成签约任务的 4.26%，项目', 0.0426],
      ['完成任务的 101.1%，项目', 1.011],
      ['合格率不达 95%，取消', 0.95],
      ['就业率力争达到 60%以上', 0.6],
      ['增长 12.5％。', 0.125],
      ['降低 3 %。', 0.03],
    ] as const) {
      const f = one(text, value, '%');
      assert.equal(f.kind, 'percent');
    }
    assert.equal(one('就业率力争达到 60%以上', 0.6, '%').text, '60%');
    const words = one('占比达到百分之三十。', 0.3, '%');
    assert.equal(words.text, '百分之三十');
    assert.equal(words.kind, 'percent');
    one('覆盖率百分之百。', 1, '%');
    one('千分比为 5‰。', 0.005, '‰');
  });

  it('reads ranges with a lower and an upper bound', () => {
    const text = '截至6月11日，全市完成 16—60 周岁劳动力建档';
    const [f] = figuresOf(text);
    assert.equal(f.kind, 'range');
    assert.equal(f.value, 16);
    assert.equal(f.upper, 60);
    assert.equal(f.unit, '周岁');
    assert.equal(f.text, '16—60 周岁');
    assert.deepEqual(f.range, { start: { line: 0, character: 13 }, end: { line: 0, character: 21 } });
    const money = one('每户补贴 3-5万元。', 30000, '元');
    assert.equal(money.upper, 50000);
    assert.equal(one('每户补贴 3万—5万元。', 30000, '元').upper, 50000);
    const pct = one('增幅在 5%～10% 之间', 0.05, '%');
    assert.equal(pct.kind, 'range');
    assert.equal(pct.upper, 0.1);
    assert.equal(one('每次 2至3小时', 2, '小时').upper, 3);
  });

  it('skips month and year spans: neither a quantity nor a date', () => {
    for (const text of ['1—4月份，我市通过开发线上技能培训平台', '1--8月份，共签约引进项目', '五年规划（2021—2025年）', '每天8-10时开放']) {
      const { figures, dates } = scan(text);
      assert.ok(!figures.some((f) => f.unit.startsWith('月') || f.value === 1 || f.value === 4 || f.value === 8), text);
      assert.ok(!dates.some((d) => d.text.includes('—') || d.text.includes('-')), text);
    }
    assert.deepEqual(figuresOf('1--8月份，共签约引进项目 13个，总').map((f) => [f.text, f.value, f.unit]), [['13个', 13, '个']]);
  });

  it('reads Chinese numerals', () => {
    one('三万人参加了活动。', 30000, '人');
    const approx = one('拓展到二十多个城市。', 20, '个');
    assert.equal(approx.approximate, true);
    assert.equal(approx.text, '二十多个');
    assert.equal(one('两千余人参与。', 2000, '人').approximate, true);
    one('七十二小时不间断。', 72, '小时');
    one('一百零五人。', 105, '人');
    one('三万五千人。', 35000, '人');
    one('一亿五千万元。', 150000000, '元');
    one('为期十天。', 10, '天');
    // Without a unit a magnitude is not a figure.
    none('三万');
    // Small counts in Chinese numerals are prose.
    none('夫妻俩都是一名党员，两个村子，三个重点环节。');
  });

  it('marks approximate figures', () => {
    for (const [text, value, unit, shown] of [
      ['共 2000余个岗位', 2000, '个', '2000余个'],
      ['岗位需求 2000\n余个，', 2000, '个', '2000\n余个'],
      ['展出 300余幅摄影作品', 300, '幅', '300余幅'],
      ['提标惠及近 18 万困难群众户', 180000, '户', '近 18 万困难群众户'],
      ['惠及近 18 万人', 180000, '人', '近 18 万人'],
      ['约3000元', 3000, '元', '约3000元'],
      ['超过 10亿元', 1000000000, '元', '超过 10亿元'],
      ['月工资平均在 4000元左右', 4000, '元', '4000元左右'],
      ['二十多万人', 200000, '人', '二十多万人'],
    ] as const) {
      const figures = figuresOf(text).filter((f) => f.value === value);
      if (shown === '近 18 万困难群众户') {
        // 困难群众 is not a unit: the 户 after it does not make 18 万 a figure.
        assert.equal(figures.length, 0, text);
        continue;
      }
      assert.equal(figures.length, 1, text);
      assert.equal(figures[0].unit, unit, text);
      assert.equal(figures[0].text, shown, text);
      assert.equal(figures[0].approximate, true, text);
    }
    none('低保和特困供养提标惠及近 18 万\n困难群众，保证了');
    assert.equal(one('篇幅不超过 3000\n字。', 3000, '字').approximate, undefined);
    assert.equal(one('签约13个项目', 13, '个').text, '13个');
    assert.equal(one('签约13个项目', 13, '个').approximate, undefined);
  });

  it('applies magnitudes exactly', () => {
    const cases: [string, number][] = [
      ['2.242亿元', 224200000], ['1.19亿元', 119000000], ['0.94亿元', 94000000], ['50.55亿元', 5055000000],
      ['19.05万人', 190500], ['138.2 万人', 1382000], ['3千人', 3000], ['5百人', 500], ['1.5万亿元', 1500000000000],
      ['0.07万人', 700], ['1.1万人', 11000], ['8.2万吨', 82000], ['3万千瓦', 30000], ['1,234,567元', 1234567],
    ];
    for (const [text, value] of cases) {
      const [f] = figuresOf(`共 ${text}。`);
      assert.ok(f, text);
      assert.ok(Math.abs(f.value - value) <= 1e-9 * Math.abs(value), `${text}: ${f.value}`);
      assert.equal(f.value, value, text);
    }
    assert.equal(one('5千克', 5, '千克').unit, '千克');
    assert.equal(one('上升 0.5个百分点', 0.5, '个百分点').kind, 'quantity');
  });

  it('knows common measure words', () => {
    for (const [text, unit] of [
      ['8128 名大学生', '名'], ['6 名市政协委员', '名'], ['127 次', '次'], ['28期', '期'], ['330家家政公司', '家'],
      ['6所公办院校', '所'], ['13 省', '省'], ['29 市', '市'], ['5条知识', '条'], ['200余场', '场'], ['3 个月', '个月'],
      ['2 个小时', '个小时'], ['100 平 方 米', '平方米'], ['3000 人次', '人次'], ['500 公顷', '公顷'], ['60 周年', '周年'],
    ] as const) {
      const [f] = figuresOf(`共 ${text}，`);
      assert.ok(f, text);
      assert.equal(f.unit, unit, text);
    }
  });

  it('reads the foreign currencies international news reports money in', () => {
    one('新华社曼谷6月10日电 今年以来，泰国旅游收入约7020亿泰铢。', 702000000000, '泰铢');
    assert.equal(one('巴西南部洪灾造成的经济损失达 100 亿 雷亚尔 。', 10000000000, '雷亚尔').text, '100 亿 雷亚尔');
    for (const [text, value, unit] of [
      ['3.5万亿韩元', 3.5e12, '韩元'], ['120亿卢布', 1.2e10, '卢布'], ['45亿卢比', 4.5e9, '卢比'], ['8.6亿澳元', 8.6e8, '澳元'],
      ['2.1亿加元', 2.1e8, '加元'], ['30亿新西兰元', 3e9, '新西兰元'], ['12亿新加坡元', 1.2e9, '新加坡元'],
      ['5亿瑞士法郎', 5e8, '瑞士法郎'], ['3000亿越南盾', 3e11, '越南盾'], ['60亿林吉特', 6e9, '林吉特'], ['900亿兰特', 9e10, '兰特'],
      ['450亿里拉', 4.5e10, '里拉'], ['2000亿比索', 2e11, '比索'], ['80亿新台币', 8e9, '新台币'], ['15亿澳门元', 1.5e9, '澳门元'],
    ] as const) {
      one(`据统计，该项收入约${text}，同比增长。`, value, unit);
    }
  });

  it('reads English figures after the Chinese ones', () => {
    one('raised $4.5 million in grants', 4500000, '$');
    one('about 3.2 billion people', 3200000000, 'people');
    one('up 45% from', 0.45, '%');
    one('up 45 percent from', 0.45, '%');
    one('drove 12 miles', 12, 'miles');
    none('about 3.2 billion');
  });

  it('takes the plural after an English magnitude as the unit', () => {
    assert.equal(one('drew more than 1.2 million visitors to', 1200000, 'visitors').text, '1.2 million visitors');
    one('a record 3 billion trips', 3000000000, 'trips');
    one('worth 2.5 trillion dollars', 2500000000000, 'dollars');
    assert.equal(one('reached 22.9\n\nmillion trips, up', 22900000, 'trips').text, '22.9\n\nmillion trips');
    // Verbs, particles and other numbers are not what a magnitude counts.
    none('the 2.5 trillion was spent');
    none('some 3 billion across the region');
    // After a bare number a word in -s is as often a verb.
    none('In 2024 marks were given');
  });
});

describe('figures: what is not a figure', () => {
  it('ignores phone numbers, postal codes and emails', () => {
    none('联系人：张娟娟（15835812206）\n刘一波（18235702937）');
    none('联系电话：0358-8227820\n人大办公室');
    none('热线 010-12345678 个人咨询');
    none('（0358）8227820人');
    none('邮 编：033000\n联系人：张娟娟');
    none('邮编 033000 个');
    none('电子邮箱：llrdyj@163.com。');
    none('电话 12345678 人工服务');
  });

  it('ignores years, dates and times', () => {
    const { figures, dates } = scan('2020年，2019 年外出务工，2015年 7月，6月 18日，9 月 28 日，10:30 开会。');
    assert.deepEqual(figures, []);
    assert.equal(dates.length, 5);
  });

  it('ignores ordinals, names and page numbers', () => {
    none('中国·碛口第七届“枣乡文化节”');
    none('学习贯彻党的十九届四中全会精神');
    none('喜迎二十大 奋进新征程');
    none('日语等级（N4）考试');
    none('G20 峰会，5G 基站，3D 打印，A4 纸');
    assert.deepEqual(figuresOf('5G 基站 300 个').map((f) => f.text), ['300 个']);
    none('（下转4版）');
    none('第 3 期培训班');
    none('见4版');
    none('“十四五”期间');
  });

  it('ignores article numbering', () => {
    none('1、观点鲜明，内容真实\n一、征文主题\n（2）题目自拟');
  });

  it('reads a list number run into the number after it as a list mark', () => {
    const list = '1.流感疫苗每年都需要接种，建议在10\n月底前完成接种。\n\n2.60岁以上老年人、孕妇是优先接种人群。';
    const [f] = figuresOf(list);
    assert.deepEqual([f.text, f.value, f.unit], ['60岁', 60, '岁']);
    assert.deepEqual(f.range, { start: { line: 3, character: 2 }, end: { line: 3, character: 5 } });
    one('1.做好准备工作。\n2.35万名志愿者参与服务。', 350000, '名');
    // A decimal wrapped to a line's start, or with no list above it, is a decimal.
    one('全年实现营业收入达到\n2.60亿元，同比增长。', 260000000, '元');
    one('会议通报了有关情况。\n2.60亿元专项资金已全部到位。', 260000000, '元');
    one('1.做好准备工作。\n3.60亿元专项资金已全部到位。', 360000000, '元');
    assert.deepEqual(figuresOf('1.5万人参加。\n2.60亿元专项资金已全部到位。').map((f) => f.value), [15000, 260000000]);
  });

  it('ignores numbers inside titles', () => {
    none('研究出台了《2020年农村劳动力建档立卡技能培训工作方案》');
    none('《吕梁山护工培训就业工作五年规划（2021—2025）》等');
    none('《吕梁山护工\n培训 30 人规划》');
    assert.deepEqual(scan('《2020年方案》').dates, []);
  });

  it('ignores fractions and vague numerals', () => {
    none('占全省总数的四分之一。');
    none('数十万人');
    none('几十个');
    none('千方百计，老百姓');
  });
});

describe('dates', () => {
  const dates = (text: string) => scan(text).dates.map((d) => [d.text, d.year, d.month, d.day]);

  it('reads month and day', () => {
    assert.deepEqual(dates('本报讯 （记者 王涛） 6月 18日，市政协主席'), [['6月 18日', undefined, 6, 18]]);
    assert.deepEqual(dates('霞） 9 月 28 日，市政协召开'), [['9 月 28 日', undefined, 9, 28]]);
    assert.deepEqual(dates('从 5 月 6 日开始'), [['5 月 6 日', undefined, 5, 6]]);
    assert.deepEqual(dates('6月18号'), [['6月18号', undefined, 6, 18]]);
  });

  it('reads full dates, also across a line break', () => {
    assert.deepEqual(dates('2022年9月26日'), [['2022年9月26日', 2022, 9, 26]]);
    const text = '5、投稿截止时间为 2020 年 10\n月 31日。';
    const [d] = scan(text).dates;
    assert.deepEqual([d.year, d.month, d.day], [2020, 10, 31]);
    assert.equal(d.text, '2020 年 10\n月 31日');
    assert.deepEqual(d.range, { start: { line: 0, character: 10 }, end: { line: 1, character: 5 } });
    assert.deepEqual(dates('截至 6\n月 11 日，全市'), [['6\n月 11 日', undefined, 6, 11]]);
    assert.deepEqual(dates('2020年05月06日'), [['2020年05月06日', 2020, 5, 6]]);
  });

  it('reads year and month, year alone, month alone, day alone', () => {
    assert.deepEqual(dates('2015年 7月，刘志军'), [['2015年 7月', 2015, 7, undefined]]);
    assert.deepEqual(dates('分别于 2016年、2017年脱贫'), [['2016年', 2016, undefined, undefined], ['2017年', 2017, undefined, undefined]]);
    assert.deepEqual(dates('三年前的 6 月，'), [['6 月', undefined, 6, undefined]]);
    assert.deepEqual(dates('1 月份'), [['1 月份', undefined, 1, undefined]]);
    assert.deepEqual(dates('每月 25 日召开'), [['25 日', undefined, undefined, 25]]);
    assert.deepEqual(dates('30日内办结'), []);
    assert.deepEqual(dates('3个月'), []);
  });

  it('reads both ends of a span of dates', () => {
    assert.deepEqual(dates('展出从9月26日——10月7日，'), [
      ['9月26日', undefined, 9, 26],
      ['10月7日', undefined, 10, 7],
    ]);
  });

  it('reads dates in Chinese numerals', () => {
    assert.deepEqual(dates('二〇二〇年六月十八日'), [['二〇二〇年六月十八日', 2020, 6, 18]]);
    assert.deepEqual(dates('一九四九年十月一日'), [['一九四九年十月一日', 1949, 10, 1]]);
    assert.deepEqual(dates('六月十八日'), [['六月十八日', undefined, 6, 18]]);
    assert.deepEqual(dates('三年来'), []);
  });

  it('never reports a date as a figure, and keeps document order', () => {
    const text = '6月 18日，培训 30人；2020 年 10\n月 31日前完成 83.7%，9 月 28 日再培训 2302人。';
    const { figures, dates: ds } = scan(text);
    assert.deepEqual(figures.map((f) => f.text), ['30人', '83.7%', '2302人']);
    assert.deepEqual(ds.map((d) => d.text), ['6月 18日', '2020 年 10\n月 31日', '9 月 28 日']);
    for (const f of figures) for (const d of ds) assert.notDeepEqual(f.range, d.range);
  });
});

describe('a page', () => {
  it('finds the figures of a short news item', () => {
    const page = [
      '多措并举，保障群众就业',
      '我市是劳动力大市，共有贫',
      '困劳动力 37.84 万人，截至 6',
      '月 11 日，全市完成 16—60 周岁劳动力',
      '建档立卡共 218.23万人，占总任务数的',
      '83.7%。联系电话：0358-8227820',
    ].join('\n');
    const { figures, dates } = scan(page);
    assert.deepEqual(
      figures.map((f) => [f.range.start.line, f.text, f.value, f.unit, f.kind]),
      [
        [2, '37.84 万人', 378400, '人', 'quantity'],
        [3, '16—60 周岁', 16, '周岁', 'range'],
        [4, '218.23万人', 2182300, '人', 'quantity'],
        [5, '83.7%', 0.837, '%', 'percent'],
      ],
    );
    assert.deepEqual(dates.map((d) => [d.range.start.line, d.range.end.line, d.month, d.day]), [[2, 3, 6, 11]]);
  });
});

// Hostile input ends, with the right answer. How time grows with size is measured by
// `npm run bench:pathological` (CPU time at N and 4N), not here: a wall-clock bound in a unit
// test fails on a busy machine. The timeout only catches a hang.
describe('hostile input', { timeout: 60_000 }, () => {
  it('2 MB of digits: no figure, no date', () => {
    const { figures, dates } = scan('1'.repeat(2_000_000));
    assert.deepEqual([figures.length, dates.length], [0, 0]);
  });

  it('a letter-spaced run of 500,000 digits: no figure', () => {
    assert.equal(scan('1 '.repeat(500_000) + '万人').figures.length, 0);
    assert.equal(scan('1 '.repeat(500_000) + '11 万人').figures.length, 1);
  });

  it('100,000 lines that each might be a list entry run into a number: the list is looked for nearby', () => {
    const { figures } = scan('1.做好准备工作。\n' + '2.60岁以上。\n'.repeat(100_000));
    assert.equal(figures.length, 100_000);
    // Only entries with `1.` among the lines above them are list entries.
    assert.ok(figures[0].value === 60 && figures[99_999].value === 2.6);
  });

  it('500,000 lines of 1: no figure', () => {
    assert.equal(scan('1\n'.repeat(500_000)).figures.length, 0);
  });

  it('a long line of runs that each start a figure: only the people counted', () => {
    const { figures, dates } = scan('1万'.repeat(200_000) + '一'.repeat(500_000) + '1—'.repeat(200_000) + '《'.repeat(200_000) + '1 万 人 '.repeat(50_000));
    assert.equal(dates.length, 0);
    assert.equal(figures.length, 50_000);
    assert.ok(figures.every((f) => f.unit === '人' && f.value === 10_000));
  });
});
