// Code actions: the page-number fix, collapsing justification spaces, joining a paragraph.
// Every edit must keep every non-whitespace character of the page, in order; the only
// characters a fix may add are the digits of a page number.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import type { GalleyLanguageService } from '../../server/src/languageService';
import { CODE_ACTION_KINDS } from '../../server/src/languageService';
import { collapseCjkGaps, joinParagraphText } from '../../server/src/languageFeatures/codeActions';
import { issueService, PAGE_1, sampleIssueService, samplesService, SAMPLE_000, SAMPLE_000_URI, SAMPLE_004, SAMPLE_004_URI, uri } from './helpers/issue';

/** The characters of a text that are not whitespace, in order. */
function nonWhitespace(s: string): string {
  return s.replace(/\s+/g, '');
}

function apply(uri: string, text: string, action: CodeAction): string {
  const edits = action.edit?.changes?.[uri];
  assert.ok(edits && edits.length > 0, `${action.title} edits ${uri}`);
  assert.deepEqual(Object.keys(action.edit!.changes!), [uri], 'only the page itself is edited');
  return TextDocument.applyEdits(TextDocument.create(uri, 'newspaper', 1, text), edits);
}

const diagnosticsOf = (service: GalleyLanguageService, u: string, code: string): Diagnostic[] => service.getDiagnostics(u).filter((d) => d.code === code);
const lines = (s: string): string[] => s.split(/\r\n|\r|\n/);

describe('quick fix: the lost page number of （见 版）', () => {
  test('the vertical pointer of the sample (lines 281–285): one action per page, the number on the 版 line', () => {
    const service = sampleIssueService();
    const u = uri('01', 'sample-issue');
    const [d] = diagnosticsOf(service, u, 'jump-missing-page');
    assert.equal(d.range.start.line + 1, 281);
    const actions = service.getCodeActions(u, d.range, { diagnostics: [d] });
    assert.deepEqual(actions.map((a) => a.title), ['Insert page 4 (关于严明端午节期间各项纪律的通告)', 'Insert page 2 (城区供暖管网改造启动)']);
    assert.deepEqual(actions.map((a) => a.isPreferred), [true, undefined], 'page 4 holds the story the teaser names');
    for (const a of actions) {
      assert.equal(a.kind, 'quickfix');
      assert.deepEqual(a.diagnostics, [d]);
      const page = String(a.edit!.changes![u][0].newText);
      const after = apply(u, SAMPLE_000, a);
      assert.deepEqual(lines(after).slice(280, 285), ['（', '见', '', `${page}版`, '）']);
      // Nothing but the page number was added, and nothing was lost.
      const ban = SAMPLE_000.indexOf('版\n）');
      assert.equal(after, SAMPLE_000.slice(0, ban) + page + SAMPLE_000.slice(ban));
      assert.equal(nonWhitespace(after), nonWhitespace(SAMPLE_000.slice(0, ban) + page + SAMPLE_000.slice(ban)));
    }
  });

  test('in Chinese', () => {
    const service = sampleIssueService();
    const u = uri('01', 'sample-issue');
    const d = diagnosticsOf(service, u, 'jump-missing-page');
    assert.equal(service.getCodeActions(u, d[0].range, { diagnostics: d }, 'zh')[0].title, '补上版次：第4版（关于严明端午节期间各项纪律的通告）');
  });

  test('a horizontal （见 版）: the number takes the place of the gap', () => {
    const service = issueService();
    const d = diagnosticsOf(service, uri('01'), 'jump-missing-page');
    assert.equal(d.length, 1);
    const actions = service.getCodeActions(uri('01'), d[0].range, { diagnostics: d });
    assert.deepEqual(actions.map((a) => a.edit!.changes![uri('01')][0].newText), ['4', '2', '3']);
    const after = apply(uri('01'), PAGE_1, actions[0]);
    assert.equal(lines(after)[13], '端午假期文旅市场火热（见4版）');
    assert.equal(nonWhitespace(after), nonWhitespace(PAGE_1.replace('（见 版）', '（见4版）')));
    // The fix mends the pointer: the page now resolves.
    service.pages.set(uri('01'), after);
    assert.deepEqual(diagnosticsOf(service, uri('01'), 'jump-missing-page'), []);
  });

  test('no page to offer when the issue has no other page with an id', () => {
    const service = samplesService();
    const d = diagnosticsOf(service, SAMPLE_000_URI, 'jump-missing-page');
    assert.deepEqual(service.getCodeActions(SAMPLE_000_URI, d[0].range, { diagnostics: d, only: ['quickfix'] }), []);
  });
});

describe('quick fix: collapse justification spaces', () => {
  test('line 160: only the spaces between Han characters go', () => {
    const service = samplesService();
    const d = diagnosticsOf(service, SAMPLE_000_URI, 'text-spaced').find((x) => x.range.start.line === 159)!;
    const [action] = service.getCodeActions(SAMPLE_000_URI, d.range, { diagnostics: [d] }).filter((a) => a.kind === 'quickfix');
    assert.equal(action.title, 'Collapse justification spaces');
    assert.equal(lines(apply(SAMPLE_000_URI, SAMPLE_000, action))[159], '劳动力和 8128 名大学生建档立卡任');
  });

  test('spaces around full-width punctuation between Han characters go too; Latin and digits keep theirs', () => {
    assert.equal(collapseCjkGaps('口 中 的 “ 四 类 人 群 ” 和'), '口中的“四类人群”和');
    assert.equal(collapseCjkGaps('用 户 9187 人 ，完 成'), '用户 9187 人，完成');
    assert.equal(collapseCjkGaps('发至 Word 文档 llrdyj@163.com'), '发至 Word 文档 llrdyj@163.com');
  });

  for (const [name, u, text] of [['000', SAMPLE_000_URI, SAMPLE_000], ['004', SAMPLE_004_URI, SAMPLE_004]] as const) {
    test(`every text-spaced hint of sample ${name}: one fix, keeping every other character in order`, () => {
      const service = samplesService();
      const hints = diagnosticsOf(service, u, 'text-spaced');
      assert.ok(hints.length > 0);
      for (const d of hints) {
        const actions = service.getCodeActions(u, d.range, { diagnostics: [d], only: ['quickfix'] });
        assert.equal(actions.length, 1, `one fix at line ${d.range.start.line + 1}`);
        const after = apply(u, text, actions[0]);
        assert.equal(nonWhitespace(after), nonWhitespace(text), `line ${d.range.start.line + 1}`);
        assert.ok(after.length < text.length, `line ${d.range.start.line + 1} lost some spaces`);
        // Outside the hint's line, nothing changed.
        const n = d.range.start.line;
        assert.deepEqual([...lines(after).slice(0, n), ...lines(after).slice(n + 1)], [...lines(text).slice(0, n), ...lines(text).slice(n + 1)]);
        // Inside the hint's range, no space is left between two Han characters.
        const fixed = lines(after)[n];
        assert.doesNotMatch(fixed, /[\u4e00-\u9fff] +[\u4e00-\u9fff]{3}/, fixed);
      }
    });
  }
});

describe('refactor: join a hard-wrapped paragraph', () => {
  test('the first paragraph of sample 000 (lines 1–19, as the parser cuts it) becomes one line', () => {
    const service = samplesService();
    const actions = service.getCodeActions(SAMPLE_000_URI, { start: { line: 4, character: 2 }, end: { line: 4, character: 2 } }, { diagnostics: [] });
    assert.deepEqual(actions.map((a) => [a.title, a.kind]), [['Join hard-wrapped paragraph', 'refactor.rewrite']]);
    const after = lines(apply(SAMPLE_000_URI, SAMPLE_000, actions[0]));
    assert.equal(
      after[0],
      ' 本报讯 （记者 王涛） 6月 18日，市政协主席张稳科在交城县深入所包联企业——美锦煤化工有限公司调研，了解企业生产运行中的具体困难。' +
        '在美锦煤化工有限公司，张稳科实地查看了企业生产加工环境，对企业发展状况、生产运营等情况进行详细了解，并与企业负责人就企业生产经营管理、发展思路、存在的困难和问题进行沟通交流。',
    );
    assert.equal(after[1], '');
    assert.equal(after[2], '张稳科强调，企业要牢固树立安');
  });

  test('letter-spaced lines lose their spaces, ordinary single spaces stay', () => {
    assert.equal(joinParagraphText('截至 6\n月 11 日，全市\n\n劳 动 力 和 8128 名 大 学 生 建 档 立 卡 任\n\n务。'), '截至 6月 11 日，全市劳动力和 8128 名大学生建档立卡任务。');
    assert.equal(joinParagraphText('有效衔接乡村振兴上 出\r\n\r\n了一条新路子。'), '有效衔接乡村振兴上 出了一条新路子。');
    assert.equal(joinParagraphText('Continued growth in\nthe region'), 'Continued growth in the region');
  });

  for (const [name, u, text] of [['000', SAMPLE_000_URI, SAMPLE_000], ['004', SAMPLE_004_URI, SAMPLE_004]] as const) {
    test(`every paragraph of sample ${name}: joined onto one line, every character kept in order`, () => {
      const service = samplesService();
      const paragraphs = service.pages.get(u)!.page.items.flatMap((i) => i.paragraphs);
      let joined = 0;
      for (const p of paragraphs) {
        const cursor = { start: p.range.start, end: p.range.start };
        const actions = service.getCodeActions(u, cursor, { diagnostics: [], only: ['refactor.rewrite'] });
        if (p.range.start.line === p.range.end.line) {
          assert.deepEqual(actions, [], `a one-line paragraph at line ${p.range.start.line + 1} has nothing to join`);
          continue;
        }
        assert.equal(actions.length, 1, `a join for the paragraph at lines ${p.range.start.line + 1}–${p.range.end.line + 1}`);
        const after = apply(u, text, actions[0]);
        assert.equal(nonWhitespace(after), nonWhitespace(text), `paragraph at line ${p.range.start.line + 1}`);
        const joinedLine = lines(after)[p.range.start.line];
        assert.equal(nonWhitespace(joinedLine.slice(p.range.start.character)), nonWhitespace(p.text), 'the joined line is the paragraph');
        assert.equal(lines(after).length, lines(text).length - (p.range.end.line - p.range.start.line), 'its line breaks are gone');
        joined++;
      }
      assert.ok(joined >= 20, `${joined} paragraphs joined`);
    });
  }

  test('no join outside a body paragraph, nor when only quick fixes are asked for', () => {
    const service = samplesService();
    assert.deepEqual(service.getCodeActions(SAMPLE_000_URI, { start: { line: 274, character: 2 }, end: { line: 274, character: 2 } }, { diagnostics: [] }), []);
    assert.deepEqual(service.getCodeActions(SAMPLE_000_URI, { start: { line: 4, character: 2 }, end: { line: 4, character: 2 } }, { diagnostics: [], only: ['quickfix'] }), []);
    assert.equal(service.getCodeActions(SAMPLE_000_URI, { start: { line: 4, character: 2 }, end: { line: 4, character: 2 } }, { diagnostics: [], only: ['refactor'] }).length, 1);
  });
});

test('diagnostics from other tools get no Galley fix; the kinds are quickfix and refactor.rewrite', () => {
  const service = samplesService();
  const [d] = diagnosticsOf(service, SAMPLE_000_URI, 'text-spaced');
  assert.deepEqual(service.getCodeActions(SAMPLE_000_URI, d.range, { diagnostics: [{ ...d, source: 'cspell' }], only: ['quickfix'] }), []);
  assert.deepEqual(CODE_ACTION_KINDS, ['quickfix', 'refactor.rewrite']);
});
