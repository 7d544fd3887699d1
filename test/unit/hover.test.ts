// Hover on the real sample pages and on a small issue built in memory.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Hover, MarkupContent } from 'vscode-languageserver-types';
import { figureValue, formatNumber } from '../../server/src/languageFeatures/hover';
import { at, issueService, sampleIssueService, samplesService, SAMPLE_000_URI, SAMPLE_004_URI, uri } from './helpers/issue';

const text = (h: Hover | null): string => {
  assert.ok(h, 'a hover');
  assert.equal((h.contents as MarkupContent).kind, 'markdown');
  return (h.contents as MarkupContent).value;
};

describe('hover on figures', () => {
  const service = samplesService();

  test('2.242 亿 元 (line 261) is 224,200,000 元', () => {
    const h = service.getHover(SAMPLE_000_URI, at(261, 8));
    assert.match(text(h), /\*\*224,200,000 元\*\*/);
    assert.match(text(h), /\(2\.242 亿 元\)/);
    assert.deepEqual(h!.range, { start: { line: 260, character: 6 }, end: { line: 260, character: 15 } });
  });

  test('a percentage shows as percent, with its ratio', () => {
    const value = text(service.getHover(SAMPLE_000_URI, at(156, 2)));
    assert.match(value, /\*\*83\.7 %\*\*/);
    assert.match(value, /0\.837/);
    assert.match(value, /Percentage/);
  });

  test('a range shows both bounds; an approximate figure says so', () => {
    assert.match(text(service.getHover(SAMPLE_000_URI, at(152, 14))), /\*\*16–60 周岁\*\*/);
    const approx = text(service.getHover(SAMPLE_004_URI, at(4, 7)));
    assert.match(approx, /\*\*≈ 300 幅\*\*/);
    assert.match(approx, /approximate/);
  });

  test('a figure wrapped over a line break is found from either line, written on one line', () => {
    const value = text(service.getHover(SAMPLE_000_URI, at(189, 0)));
    assert.match(value, /\*\*1,785 人\*\*  \(1785 人\)/);
  });

  test('messages follow the locale', () => {
    const value = text(service.getHover(SAMPLE_000_URI, at(261, 8), 'zh'));
    assert.match(value, /224,200,000 元/);
    assert.match(value, /数量/);
  });

  test('numbers are grouped and float noise is rounded away', () => {
    assert.equal(formatNumber(0.0426 * 100), '4.26');
    assert.equal(formatNumber(10945000000), '10,945,000,000');
    assert.equal(figureValue({ range: { start: at(1, 0), end: at(1, 5) }, text: '4.26%', value: 0.0426, unit: '%', kind: 'percent' }), '4.26 %');
  });
});

describe('hover on photos', () => {
  const service = samplesService();

  test('a composite caption: caption, credit and the story it illustrates (after it, past the other captions)', () => {
    const value = text(service.getHover(SAMPLE_000_URI, at(287, 3)));
    assert.match(value, /拼版照片：左图为 6 月 10 日拍摄的山西省岚县井峪堡村第一书记刘志军在走访村里的脱贫户。/);
    assert.match(value, /新华社记者 曹阳 摄/);
    assert.match(value, /Illustrates: \*\*扶贫“夫妻档”\*\*/);
  });

  test('each caption of the composite illustrates the same story', () => {
    for (const line of [289, 293, 296]) assert.match(text(service.getHover(SAMPLE_000_URI, at(line, 1))), /扶贫“夫妻档”/, `line ${line}`);
  });

  test('a 图① caption inside a photo story, in Chinese', () => {
    const value = text(service.getHover(SAMPLE_004_URI, at(8, 1), 'zh'));
    assert.match(value, /\*\*图片 图①\*\*/);
    assert.match(value, /图①9月 28日，市民在市图书馆广场观看主题摄影展。/);
    assert.match(value, /署名：记者 张文慧 摄/);
    assert.match(value, /配文：\*\*喜迎二十大/);
  });

  test('a 图① marker in the body text stands for its photo', () => {
    const service = issueService();
    const line = service.pages.text(uri('01'))!.split('\n')[2];
    const h = service.getHover(uri('01'), { line: 2, character: line.indexOf('图①') + 1 });
    assert.match(text(h), /与会代表认真听取报告/);
    assert.match(text(h), /记者 李四 摄/);
    assert.deepEqual(h!.range, { start: { line: 2, character: line.indexOf('图①') }, end: { line: 2, character: line.indexOf('图①') + 2 } });
  });
});

describe('hover on people', () => {
  const service = samplesService();

  test('a reporter and a correspondent in one dateline, the second name wrapped', () => {
    const reporter = service.getHover(SAMPLE_000_URI, at(446, 9));
    assert.match(text(reporter), /\*\*李雅萍\*\* — reporter/);
    assert.deepEqual(reporter!.range, { start: { line: 445, character: 8 }, end: { line: 445, character: 11 } });
    const correspondent = service.getHover(SAMPLE_000_URI, at(447, 0));
    assert.match(text(correspondent), /\*\*樊燕\*\* — correspondent/);
    assert.deepEqual(correspondent!.range, { start: { line: 445, character: 16 }, end: { line: 446, character: 1 } });
  });

  test('a letter-spaced name over a line break, in Chinese', () => {
    const value = text(service.getHover(SAMPLE_004_URI, at(523, 0), 'zh'));
    assert.match(value, /\*\*刘丽霞\*\* — 记者/);
    assert.match(value, /王阳平出席市政协中心城区建管工作专题协商会议/);
  });

  test('a byline author, a trailing author and a photographer', () => {
    assert.match(text(service.getHover(SAMPLE_004_URI, at(440, 6))), /\*\*苏凤凤\*\* — author/);
    assert.match(text(service.getHover(SAMPLE_004_URI, at(516, 8))), /\*\*李小军\*\* — author/);
    assert.match(text(service.getHover(SAMPLE_000_URI, at(288, 16))), /\*\*曹阳\*\* — photographer/);
  });

  test('the words of a dateline around the names are no person', () => {
    assert.equal(service.getHover(SAMPLE_000_URI, at(446, 1)), null);
  });
});

describe('hover on jump lines', () => {
  test('the lost page number of the vertical pointer (lines 281–285)', () => {
    const service = samplesService();
    for (const line of [281, 282, 284, 285]) {
      const h = service.getHover(SAMPLE_000_URI, at(line, 0));
      assert.match(text(h), /page number is lost/, `line ${line}`);
      assert.deepEqual(h!.range, { start: { line: 280, character: 0 }, end: { line: 284, character: 1 } });
    }
    assert.match(text(service.getHover(SAMPLE_000_URI, at(282, 0), 'zh')), /版次缺失/);
  });

  test('a page the issue does not have (line 273)', () => {
    const service = samplesService();
    const value = text(service.getHover(SAMPLE_000_URI, at(273, 9)));
    assert.match(value, /\*\*Continued on page 4\*\*/);
    assert.match(value, /Page 4 is not among this issue's pages/);
    assert.match(text(service.getHover(SAMPLE_000_URI, at(273, 9), 'zh')), /本期版面中没有第4版/);
  });

  test('（下转4版） in an issue: the continuation on page 4, its headline and first words', () => {
    const service = sampleIssueService();
    const value = text(service.getHover(uri('01', 'sample-issue'), at(273, 9)));
    assert.match(value, /Continues on page 4, line 3: \*\*以人民为中心 让老百姓过上幸福生活\*\*/);
    assert.match(value, /> 对符合条件的及时给予救助/);
  });

  test('the lost page number in an issue: its pages and the page the teaser names', () => {
    const service = sampleIssueService();
    const value = text(service.getHover(uri('01', 'sample-issue'), at(283, 0)));
    assert.match(value, /Pages in this issue: 2, 4/);
    assert.match(value, /Probably Page 4: its headline matches this teaser/);
    assert.match(text(service.getHover(uri('01', 'sample-issue'), at(283, 0), 'zh')), /本期版面：第2版、第4版/);
  });

  test('both ends of a jump in memory, in both languages', () => {
    const service = issueService();
    const to = text(service.getHover(uri('01'), { line: 4, character: 9 }));
    assert.match(to, /Continued on page 4/);
    assert.match(to, /\*\*全市经济工作会议召开\*\*/);
    assert.match(to, /> 会议要求，各级各部门要压实责任/);
    const from = text(service.getHover(uri('04'), { line: 2, character: 2 }, 'zh'));
    assert.match(from, /\*\*上接第1版\*\*/);
    assert.match(from, /始于第1版第5行：\*\*全市经济工作会议召开\*\*/);
    assert.match(from, /全力以赴完成全年目标任务。/);
  });

  test('a pointer to an existing page lists the story it names; an unanswered jump says so', () => {
    const service = issueService();
    assert.match(text(service.getHover(uri('02'), { line: 2, character: 12 })), /Story: \*\*端午假期文旅市场火热\*\*/);
    const unmatched = text(service.getHover(uri('02'), { line: 7, character: 13 }));
    assert.match(unmatched, /Nothing on page 3 continues from here/);
    assert.match(unmatched, /城区供暖管网改造启动/);
  });

  test('plain text has no hover', () => {
    assert.equal(samplesService().getHover(SAMPLE_000_URI, at(3, 2)), null);
    assert.equal(issueService().getHover('file:///issue/99.news', { line: 0, character: 0 }), null);
  });
});
