import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findJumps, parsePageRef } from '../../server/src/core/jumps';
import { LineIndex, range } from '../../server/src/core/text';
import type { JumpLine, PageId, JumpDirection } from '../../server/src/core/model';

const jumps = (text: string): JumpLine[] => findJumps(new LineIndex(text));

/** The single jump in `text`, as [direction, page, text]. */
function one(text: string): [JumpDirection, PageId, string] {
  const found = jumps(text);
  assert.equal(found.length, 1, `expected one jump in ${JSON.stringify(text)}, got ${JSON.stringify(found)}`);
  return [found[0].direction, found[0].page, found[0].text];
}

test('parsePageRef', () => {
  assert.equal(parsePageRef('4'), 4);
  assert.equal(parsePageRef('04'), 4);
  assert.equal(parsePageRef('４'), 4);
  assert.equal(parsePageRef('第四'), 4);
  assert.equal(parsePageRef('四'), 4);
  assert.equal(parsePageRef('十'), 10);
  assert.equal(parsePageRef('十二'), 12);
  assert.equal(parsePageRef('二十'), 20);
  assert.equal(parsePageRef('九十九'), 99);
  assert.equal(parsePageRef('第十二版'), 12);
  assert.equal(parsePageRef('A4'), 'A04');
  assert.equal(parsePageRef('A04'), 'A04');
  assert.equal(parsePageRef('a4'), 'A04');
  assert.equal(parsePageRef('Ａ４'), 'A04');
  assert.equal(parsePageRef('A-4'), 'A04');
  assert.equal(parsePageRef('B2'), 'B02');
  assert.equal(parsePageRef('B12'), 'B12');
  assert.equal(parsePageRef('Page 5'), 5);
  assert.equal(parsePageRef(''), null);
  assert.equal(parsePageRef('  '), null);
  assert.equal(parsePageRef('0'), null);
  assert.equal(parsePageRef('图'), null);
  assert.equal(parsePageRef('十十'), null);
});

test('下转 / 转: to', () => {
  assert.deepEqual(one('时给予救助，（下转4版）'), ['to', 4, '（下转4版）']);
  assert.deepEqual(one('（下转第四版）'), ['to', 4, '（下转第四版）']);
  assert.deepEqual(one('(下转第2版)'), ['to', 2, '(下转第2版)']);
  assert.deepEqual(one('（下转第十二版）'), ['to', 12, '（下转第十二版）']);
  assert.deepEqual(one('（下转04版）'), ['to', 4, '（下转04版）']);
  assert.deepEqual(one('（转A2版）'), ['to', 'A02', '（转A2版）']);
  assert.deepEqual(one('（转第3版）'), ['to', 3, '（转第3版）']);
  assert.deepEqual(one('（下转B12版）'), ['to', 'B12', '（下转B12版）']);
  assert.deepEqual(one('各项工作有序推进。下转第5版'), ['to', 5, '下转第5版']);
  assert.deepEqual(one('各项工作有序推进。下转第5版\n\n新段落'), ['to', 5, '下转第5版']);
  // Mixed bracket widths.
  assert.deepEqual(one('（下转第2版)'), ['to', 2, '（下转第2版)']);
});

test('上接 / 接 / 紧接: from', () => {
  assert.deepEqual(one('（上接1版）本报讯'), ['from', 1, '（上接1版）']);
  assert.deepEqual(one('(上接第一版)'), ['from', 1, '(上接第一版)']);
  assert.deepEqual(one('（接第3版）'), ['from', 3, '（接第3版）']);
  assert.deepEqual(one('（紧接第2版）'), ['from', 2, '（紧接第2版）']);
  assert.deepEqual(one('上接第1版 会议指出'), ['from', 1, '上接第1版']);
});

test('见 / 详见: see', () => {
  assert.deepEqual(one('（见2版）'), ['see', 2, '（见2版）']);
  assert.deepEqual(one('（详见第3版）'), ['see', 3, '（详见第3版）']);
  assert.deepEqual(one('具体安排详见第3版。'), ['see', 3, '详见第3版']);
  assert.deepEqual(one('（见第A3版）'), ['see', 'A03', '（见第A3版）']);
  assert.deepEqual(one('（参见第6版）'), ['see', 6, '（参见第6版）']);
  assert.deepEqual(one('（见 版）'), ['see', null, '（见 版）']);
  assert.deepEqual(one('（见版）'), ['see', null, '（见版）']);
  // What it points to may be named first, inside the bracket.
  assert.deepEqual(one('方案》。（相关报道见第5版）'), ['see', 5, '（相关报道见第5版）']);
  assert.deepEqual(one('（更多新闻详见A3版）'), ['see', 'A03', '（更多新闻详见A3版）']);
  assert.deepEqual(jumps('相关报道见本报今日评论'), []);
});

test('English: a continuation’s `From Page B1` alone on its line, and a pointer to a related story', () => {
  assert.deepEqual(one('Port volumes hit record\nFrom Page B1\nThe port handled'), ['from', 'B01', 'From Page B1']);
  assert.deepEqual(jumps('Visitors came from Page county last year.'), []);
  assert.deepEqual(one('the talks went on. (See related story, Page B3.)'), ['see', 'B03', '(See related story, Page B3']);
});

test('lost page numbers', () => {
  assert.deepEqual(one('（下转 版）'), ['to', null, '（下转 版）']);
  assert.deepEqual(one('（上接 版）'), ['from', null, '（上接 版）']);
  assert.deepEqual(one('（下转第 版）'), ['to', null, '（下转第 版）']);
  // Unbracketed with no page is not a pointer.
  assert.deepEqual(jumps('下转 版'), []);
  assert.deepEqual(jumps('（见 版'), []);
});

test('fullwidth digits and letters', () => {
  assert.deepEqual(one('（下转４版）'), ['to', 4, '（下转４版）']);
  assert.deepEqual(one('（下转第１２版）'), ['to', 12, '（下转第１２版）']);
  assert.deepEqual(one('（见第Ａ３版）'), ['see', 'A03', '（见第Ａ３版）']);
});

test('spaced justified text', () => {
  assert.deepEqual(one('（ 下 转 4 版 ）'), ['to', 4, '（ 下 转 4 版 ）']);
  assert.deepEqual(one('（　上　接　第　一　版　）'), ['from', 1, '（　上　接　第　一　版　）']);
  assert.deepEqual(one('（ 转 A 2 版 ）'), ['to', 'A02', '（ 转 A 2 版 ）']);
  assert.deepEqual(one('救 助 。 下 转 第 5 版'), ['to', 5, '下 转 第 5 版']);
});

test('vertical marker, one character per line', () => {
  const text = '关于严明端午节期间各项纪律的通告\n（\n见\n\n版\n）\n 拼版照片：左图为走访脱贫户。';
  const found = jumps(text);
  assert.equal(found.length, 1);
  assert.equal(found[0].direction, 'see');
  assert.equal(found[0].page, null);
  assert.equal(found[0].text, '（\n见\n\n版\n）');
  assert.deepEqual(found[0].range, range(1, 0, 5, 1));
});

test('vertical marker with CRLF and a page number', () => {
  const text = '通告\r\n（\r\n下\r\n\r\n转\r\n\r\n4\r\n\r\n版\r\n）\r\n正文';
  const found = jumps(text);
  assert.equal(found.length, 1);
  assert.equal(found[0].direction, 'to');
  assert.equal(found[0].page, 4);
  assert.deepEqual(found[0].range, range(1, 0, 9, 1));
  assert.equal(found[0].text, '（\r\n下\r\n\r\n转\r\n\r\n4\r\n\r\n版\r\n）');
});

test('marker split at a line end', () => {
  const text = '时给予救助，（下转\n4版）';
  const found = jumps(text);
  assert.equal(found.length, 1);
  assert.equal(found[0].page, 4);
  assert.equal(found[0].direction, 'to');
  assert.deepEqual(found[0].range, range(0, 6, 1, 3));
  assert.equal(found[0].text, '（下转\n4版）');

  const crlf = jumps('时给予救助，（下转第\r\n四版）\r\n');
  assert.equal(crlf.length, 1);
  assert.equal(crlf[0].page, 4);
  assert.deepEqual(crlf[0].range, range(0, 6, 1, 3));

  const cr = jumps('时给予救助，（下转\r4版）');
  assert.equal(cr.length, 1);
  assert.deepEqual(cr[0].range, range(0, 6, 1, 3));
});

test('exact ranges', () => {
  const text = '第一行\n救助，（下转4版）\n（上接第一版）本报讯\n具体详见第3版。';
  const found = jumps(text);
  assert.deepEqual(
    found.map((j) => [j.direction, j.page, j.range]),
    [
      ['to', 4, range(1, 3, 1, 9)],
      ['from', 1, range(2, 0, 2, 7)],
      ['see', 3, range(3, 2, 3, 7)],
    ],
  );
});

test('CRLF text', () => {
  const text = '标题\r\n正文，（下转4版）\r\n\r\n（上接1版）\r\nContinued on Page A4\r\n';
  const found = jumps(text);
  assert.deepEqual(
    found.map((j) => [j.direction, j.page, j.text, j.range]),
    [
      ['to', 4, '（下转4版）', range(1, 3, 1, 9)],
      ['from', 1, '（上接1版）', range(3, 0, 3, 6)],
      ['to', 'A04', 'Continued on Page A4', range(4, 0, 4, 20)],
    ],
  );
});

test('unbracketed marker followed by a stray closing bracket ends at 版', () => {
  const found = jumps('下转第5版）');
  assert.equal(found.length, 1);
  assert.equal(found[0].text, '下转第5版');
});

test('English: Continued on / from', () => {
  assert.deepEqual(one('budget talks. Continued on Page A4'), ['to', 'A04', 'Continued on Page A4']);
  assert.deepEqual(one('Continued on page 4'), ['to', 4, 'Continued on page 4']);
  assert.deepEqual(one('(Continued on A4)'), ['to', 'A04', '(Continued on A4)']);
  assert.deepEqual(one('CONTINUED ON PAGE 5'), ['to', 5, 'CONTINUED ON PAGE 5']);
  assert.deepEqual(one('(Continued on 7)'), ['to', 7, '(Continued on 7)']);
  assert.deepEqual(one('Continued from Page 1'), ['from', 1, 'Continued from Page 1']);
  assert.deepEqual(one('Continued from A1'), ['from', 'A01', 'Continued from A1']);
  assert.deepEqual(one('Continued on\nPage B2'), ['to', 'B02', 'Continued on\nPage B2']);
});

test('English: See pointers', () => {
  const budget = jumps('See BUDGET, Page 5');
  assert.equal(budget.length, 1);
  assert.equal(budget[0].direction, 'see');
  assert.equal(budget[0].page, 5);
  assert.equal(budget[0].slug, 'BUDGET');
  assert.equal(budget[0].text, 'See BUDGET, Page 5');
  assert.deepEqual(budget[0].range, range(0, 0, 0, 18));

  const on = jumps('See BUDGET on Page A5');
  assert.equal(on[0].slug, 'BUDGET');
  assert.equal(on[0].page, 'A05');

  const caps = jumps('SEE BUDGET ON PAGE A5');
  assert.equal(caps.length, 1);
  assert.equal(caps[0].slug, 'BUDGET');
  assert.equal(caps[0].page, 'A05');

  const please = jumps('council vote. Please see BUDGET, A5');
  assert.equal(please.length, 1);
  assert.equal(please[0].slug, 'BUDGET');
  assert.equal(please[0].page, 'A05');
  assert.equal(please[0].text, 'Please see BUDGET, A5');
  assert.deepEqual(please[0].range, range(0, 14, 0, 35));

  const multi = jumps('See CRIME ON CAMPUS, Page B3');
  assert.equal(multi[0].slug, 'CRIME ON CAMPUS');
  assert.equal(multi[0].page, 'B03');

  const page = jumps('For the full table, see page 5 of the report.');
  assert.equal(page.length, 1);
  assert.equal(page[0].page, 5);
  assert.equal(page[0].text, 'see page 5');
  assert.equal('slug' in page[0], false);

  const bracketed = jumps('(See BUDGET, Page 5)');
  assert.equal(bracketed[0].text, '(See BUDGET, Page 5)');
});

test('not jumps', () => {
  const prose = [
    '本报今日第4版刊发评论文章。',
    '该消息被广泛转发。',
    '思想观念的转变',
    '接受采访时表示',
    '见证了历史',
    '见到了亲人',
    '（见图）',
    '（见图2）',
    '（2020年6月18日）',
    '6月18日至6月20日',
    '详见附件',
    '（详见附件）',
    '可见2版面设计',
    '详见《编辑规范》第3版本说明',
    '转第3版的稿件',
    '接第3版的通知',
    '第 4 版',
    '《现代汉语词典》（第7版）',
    '全年共刊发稿件两百余篇、专版 4版',
    '拼版照片',
    'see you tomorrow',
    'See you on Friday',
    'We oversee BUDGET, Page 5',
    'The protest continued on 4 occasions.',
    'Sales continued from 1990 to 2000.',
    'See Budget, Page 5',
    '',
  ];
  for (const text of prose) assert.deepEqual(jumps(text), [], text);
});

test('document order across Chinese and English', () => {
  const text = 'See TAXES, Page 3\n（上接1版）\nContinued on Page A4\n（见 版）';
  assert.deepEqual(
    jumps(text).map((j) => [j.direction, j.page]),
    [
      ['see', 3],
      ['from', 1],
      ['to', 'A04'],
      ['see', null],
    ],
  );
});

test('adjacent markers are all found', () => {
  const found = jumps('（下转4版）（下转5版）（见6版）');
  assert.deepEqual(
    found.map((j) => j.page),
    [4, 5, 6],
  );
  assert.deepEqual(found[2].range, range(0, 12, 0, 17));
});

test('hostile input completes and finds nothing', () => {
  const text = '（'.repeat(100_000) + '\n' + '汉字 see 转接见（下转第'.repeat(200_000).slice(0, 2_000_000) + '\n' + '\n'.repeat(1_000_000);
  assert.deepEqual(jumps(text), []);
});

test('hostile input: many markers on one very long line', () => {
  const text = '（见2版）'.repeat(200_000);
  const found = jumps(text);
  assert.equal(found.length, 200_000);
  assert.deepEqual(found[199_999].range, range(0, 999_995, 0, 1_000_000));
});
