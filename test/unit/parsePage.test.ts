// The parser on the two real pages in samples/: what a careful reader sees in them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { parsePage, parseSummary } from '../../server/src/core/parsePage';

const page000 = parsePage(readFileSync('samples/000_2600d985db85e4f0.news.txt', 'utf8'), 'samples/000_2600d985db85e4f0.news.txt');
const page004 = parsePage(readFileSync('samples/004_f2a9e54971a23ea8.news.txt', 'utf8'), 'samples/004_f2a9e54971a23ea8.news.txt');

const line = (r: { start: { line: number } } | null) => (r ? r.start.line + 1 : null);

test('a seed file name with a hash is not a page id', () => {
  assert.equal(page000.id, null);
  assert.equal(page004.id, null);
});

test('headlines set after their body attach to that body', () => {
  const first = page000.items[0];
  assert.equal(first.headline, '张稳科深入包联企业调研');
  assert.equal(line(first.bodyRange), 1);
  assert.equal(first.bodyRange.end.line + 1, 51);
  assert.deepEqual(first.people.map((p) => [p.name, p.role]), [['王涛', 'reporter']]);
});

test('a subtitle and a □ byline belong to the headline stack', () => {
  const item = page000.items[1];
  assert.equal(item.headline, '以人民为中心 让老百姓过上幸福生活');
  assert.equal(item.subtitle, '——我市民生保障工作发展综述');
  assert.deepEqual(item.people.map((p) => p.name), ['穆佳妮']);
  assert.deepEqual(item.sections.map((s) => line(s.range)), [93, 205]);
});

test('a title over a vertical page pointer is a teaser with no page number', () => {
  const teaser = page000.items.find((i) => i.kind === 'teaser');
  assert.ok(teaser);
  assert.equal(teaser.headline, '关于严明端午节期间各项纪律的通告');
  const pointer = page000.jumps.find((j) => j.direction === 'see');
  assert.ok(pointer);
  assert.equal(pointer.page, null);
  assert.equal(line(pointer.range), 281);
});

test('a notice keeps its numbered sections and a source line is recorded', () => {
  const notice = page000.items.find((i) => i.kind === 'notice');
  assert.ok(notice);
  assert.deepEqual(notice.sections.map((s) => s.title), ['一、征文主题', '二、组织单位', '三、征文内容', '四、征文要求', '五、征文评选']);
  const reprint = page000.items.find((i) => i.source !== null);
  assert.equal(reprint?.source, '新华社发');
  assert.equal(line(reprint?.sourceRange ?? null), 370);
  assert.equal(reprint?.headline, '扶贫“夫妻档”');
});

test('bylines split across lines and letter-spaced read as whole names', () => {
  const names = page004.items.map((i) => i.people.map((p) => p.name).join(' '));
  assert.ok(names.includes('罗丽 安豪'));
  assert.ok(names.includes('刘丽霞'));
  assert.ok(names.includes('李亚芝'));
  assert.ok(names.includes('王富贵 苏凤凤 董艳婷'));
  assert.ok(names.includes('李小军'));
});

test('a name spaced apart and wrapped onto the next line gets the range of its own characters', () => {
  const person = page004.items.flatMap((i) => i.people).find((p) => p.name === '刘丽霞');
  // `本 报 讯 （记 者 刘 丽` / `霞）…`: from 刘 on line 521 to 霞 on line 522.
  const spaced = '本 报 讯 （记 者 刘 丽';
  assert.deepEqual(person?.range, { start: { line: 521, character: spaced.indexOf('刘') }, end: { line: 522, character: 1 } });
});

test('a headline standing after the next article’s headline finds its own article by its words', () => {
  const training = page004.items.find((i) => i.headline === '我市对项目资金争取与专项债券使用进行专项培训');
  assert.ok(training);
  assert.equal(line(training.bodyRange), 682);
  const award = page004.items.find((i) => i.headline === '省见义勇为协会褒奖我市见义勇为先进个人');
  assert.equal(line(award?.bodyRange ?? null), 765);
});

test('numbered photos share the credit printed after the last one, and form a photo story', () => {
  assert.deepEqual(page004.photos.map((p) => [p.marker, p.credit]), [
    ['图①', '记者 张文慧 摄'],
    ['图②', '记者 张文慧 摄'],
    ['图③', '记者 张文慧 摄'],
  ]);
  const story = page004.items[0];
  assert.equal(story.kind, 'photo-story');
  assert.equal(story.headline, null);
  assert.deepEqual(story.people.map((p) => [p.name, p.role]), [['张文慧', 'photographer']]);
});

test('body paragraphs are repaired for reading but keep their source ranges', () => {
  const p = page004.items[4].paragraphs[0];
  assert.ok(p.text.startsWith('本报讯（记者刘丽霞）9月28日，市政协召开中心城区建管工作专题协商会议'), p.text);
  assert.equal(line(p.range), 522);
});

test('each person’s range covers their own name, even split over a line break', () => {
  const item = page000.items.find((i) => i.people.some((p) => p.name === '樊燕'));
  assert.ok(item);
  const [li, fan] = item.people;
  assert.deepEqual([li.range.start, li.range.end], [{ line: 445, character: 8 }, { line: 445, character: 11 }]);
  assert.deepEqual([fan.range.start, fan.range.end], [{ line: 445, character: 16 }, { line: 446, character: 1 }]);
});

test('a section head set in two lines is one paragraph', () => {
  const item = page004.items[2];
  const head = item.paragraphs.find((p) => p.range.start.line === 158);
  assert.equal(head?.text, '优化工作体系，解决“吕梁山护工”工作怎么开展的问题。');
  assert.equal(head?.range.end.line, 159);
});

test('a page’s summary is its full parse without people, sections, figures, dates and all but an untitled item’s first paragraph', () => {
  const files = [
    ...readdirSync('samples').map((f) => `samples/${f}`),
    ...readdirSync('test/fixtures/conventions').map((f) => `test/fixtures/conventions/${f}`),
  ];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const full = parsePage(text, file);
    const summary = parseSummary(text, file);
    assert.deepEqual(
      summary,
      {
        ...full,
        items: full.items.map((item) => ({ ...item, people: [], sections: [], paragraphs: item.headline === null ? item.paragraphs.slice(0, 1) : [] })),
        photos: full.photos.map((photo) => ({ ...photo, people: [] })),
        figures: [],
        dates: [],
      },
      file,
    );
  }
});
