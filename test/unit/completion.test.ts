// Completion of page numbers inside jump lines, from the pages of the issue.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CompletionItem, MarkupContent, TextEdit } from 'vscode-languageserver-types';
import { COMPLETION_TRIGGERS } from '../../server/src/languageService';
import { issueService, PAGE_1, PAGE_2, PAGE_3, PAGE_4, samplesService, SAMPLE_000_URI, uri } from './helpers/issue';

/** Page 2 with `typed` appended as a last line, the cursor after it (or where `|` is). */
function complete(typed: string, locale: 'en' | 'zh' = 'en', pages: Record<string, string> = { '01': PAGE_1, '03': PAGE_3, '04': PAGE_4 }) {
  const cursor = typed.includes('|') ? typed.indexOf('|') : typed.length;
  const line = typed.replace('|', '');
  const text = `${PAGE_2}\n${line}`;
  const service = issueService({ ...pages, '02': text });
  const lineNo = text.split('\n').length - 1;
  return { list: service.getCompletions(uri('02'), { line: lineNo, character: cursor }, locale), lineNo, cursor };
}

const edit = (item: CompletionItem): TextEdit => item.textEdit as TextEdit;

describe('page numbers after a jump keyword', () => {
  test('（下转 offers the other pages of the issue, inserting the number and 版）', () => {
    const { list, lineNo, cursor } = complete('全文（下转');
    assert.ok(list);
    assert.deepEqual(list.items.map((i) => i.label), ['1', '3', '4'], 'not its own page 2');
    const four = list.items.find((i) => i.label === '4')!;
    assert.deepEqual(edit(four), { range: { start: { line: lineNo, character: cursor }, end: { line: lineNo, character: cursor } }, newText: '4版）' });
  });

  test('each page shows its headlines', () => {
    const four = complete('全文（下转').list!.items.find((i) => i.label === '4')!;
    assert.equal(four.detail, 'Page 4 · 全市经济工作会议召开');
    const doc = (four.documentation as MarkupContent).value;
    assert.match(doc, /- 全市经济工作会议召开\n- 端午假期文旅市场火热/);
    assert.equal(complete('全文（下转', 'zh').list!.items.find((i) => i.label === '4')!.detail, '第4版 · 全市经济工作会议召开');
  });

  test('with or without 第, after each keyword', () => {
    for (const typed of ['（下转第', '（上接', '（上接第', '（见', '（见第', '（转', '（接', '（详见', '（下 转 第 ']) {
      const { list } = complete(`导读${typed}`);
      assert.ok(list, typed);
      assert.deepEqual(list.items.map((i) => i.label), ['1', '3', '4'], typed);
    }
  });

  test('what is already typed after the cursor is not typed again', () => {
    assert.equal(edit(complete('全文（上接第|版）').list!.items[0]).newText, '1');
    assert.equal(edit(complete('全文（见|）').list!.items[0]).newText, '1版');
    assert.equal(edit(complete('全文(见').list!.items[0]).newText, '1版)', 'a half-width bracket is closed half-width');
  });

  test('a number being typed is replaced, and filtered by', () => {
    const { list, lineNo, cursor } = complete('全文（下转4');
    const four = list!.items.find((i) => i.label === '4')!;
    assert.deepEqual(edit(four).range, { start: { line: lineNo, character: cursor - 1 }, end: { line: lineNo, character: cursor } });
    assert.equal(four.filterText, '4');
  });

  test('the page whose jump waits for this one is preselected', () => {
    // Page 1 is still typing its `（下转`: page 4's `（上接1版）` has no partner, so 4 is the likely page.
    const typing = PAGE_1.replace('（下转4版）', '（下转');
    const service = issueService({ '01': typing, '02': PAGE_2, '03': PAGE_3, '04': PAGE_4 });
    const line = typing.split('\n').findIndex((l) => l.endsWith('（下转'));
    const list = service.getCompletions(uri('01'), { line, character: typing.split('\n')[line].length });
    assert.deepEqual(list!.items.filter((i) => i.preselect).map((i) => i.label), ['4']);
  });

  test('a teaser pointer preselects the page holding its story', () => {
    const list = complete('端午假期文旅市场火热（见').list!;
    assert.deepEqual(list.items.filter((i) => i.preselect).map((i) => i.label), ['4']);
  });
});

describe('no completion elsewhere', () => {
  test('ordinary text, and a sample page of an issue without page ids', () => {
    assert.equal(complete('全文下转').list, null);
    assert.equal(complete('见面会').list, null);
    assert.equal(samplesService().getCompletions(SAMPLE_000_URI, { line: 0, character: 5 }), null);
    const onSample = samplesService().getCompletions(SAMPLE_000_URI, { line: 272, character: 11 });
    assert.deepEqual(onSample?.items ?? [], [], 'inside （下转4 of the sample: no page of its issue has an id');
  });

  test('triggered by the last characters of the keywords and by digits', () => {
    for (const c of ['转', '见', '接', '第', '0', '4', '9']) assert.ok(COMPLETION_TRIGGERS.includes(c), c);
  });
});
