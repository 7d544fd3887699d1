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
