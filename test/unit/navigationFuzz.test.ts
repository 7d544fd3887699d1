// Hover, definition, references, links, completion and code actions on random pages of a
// random issue: none throws, every range they return lies inside its document, and every code
// action keeps the page's non-whitespace characters in order (a page-number fix adds only the
// number).
//
//   GALLEY_FUZZ_RUNS=2000 node --import tsx --test test/unit/navigationFuzz.test.ts
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import { GalleyLanguageService } from '../../server/src/languageService';

const RUNS = Number(process.env.GALLEY_FUZZ_RUNS ?? 60);
const SEED = Number(process.env.GALLEY_FUZZ_SEED ?? 4242);

const FRAGMENTS = [
  '（下转4版）', '（上接1版）', '（见 版）', '（见2版）', '（\n见\n\n版\n）', '（下转', '（上接第', '(见', '版）',
  '2.242 亿 元', '83.7%', '16—60 周岁', '近 18 万', '300余幅',
  '本报讯（记者 李 雅\n萍 通讯员 樊\n燕）', '□ 王富贵 苏凤凤', '（李小军）', '图①', '右图为', '拼版照片：左图为', '（新华社记者 曹阳 摄）', '记者 张文慧 摄',
  '劳 动 力 和 大 学 生', '全市经济工作会议召开', '会议强调，要稳住经济基本盘。', '乡村振兴上 出', 'Continued on Page A4', 'See BUDGET, Page 5',
  '\n', '\n\n', '\r\n', ' ', '\u3000', '😀', '，', '。', '“', '”', 'A', '7',
];

const page = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }).map((parts) => parts.join(''));
const issue = fc.tuple(page, page, page);

const nonWhitespace = (s: string): string => s.replace(/\s+/g, '');

function checkRange(service: GalleyLanguageService, uri: string, r: Range, what: string): void {
  const text = service.pages.text(uri);
  assert.ok(text !== undefined, `${what}: ${uri} is a page of the issue`);
  const lines = text.split(/\r\n|\r|\n/);
  for (const p of [r.start, r.end]) {
    assert.ok(p.line >= 0 && p.line < lines.length, `${what}: line ${p.line} of ${lines.length}`);
    assert.ok(p.character >= 0 && p.character <= lines[p.line].length, `${what}: character ${p.character} of ${lines[p.line].length}`);
  }
  assert.ok(r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character), `${what}: ordered`);
}

test('the navigation features on random issues', () => {
  fc.assert(
    fc.property(issue, (texts) => {
      const service = new GalleyLanguageService();
      const uris = ['01', '02', '04'].map((n) => `file:///fuzz/${n}.news`);
      texts.forEach((t, i) => service.pages.set(uris[i], t));
      uris.forEach((uri, i) => {
        const text = texts[i];
        const lines = text.split(/\r\n|\r|\n/);
        for (const link of service.getDocumentLinks(uri)) {
          checkRange(service, uri, link.range, 'link');
          assert.match(link.target ?? '', /^file:\/\/\/fuzz\/0[124]\.news#L\d+$/);
        }
        for (let line = 0; line < lines.length; line++) {
          for (let character = 0; character <= lines[line].length; character += 2) {
            const p = { line, character };
            const hover = service.getHover(uri, p, character % 4 === 0 ? 'en' : 'zh');
            if (hover?.range) checkRange(service, uri, hover.range, 'hover');
            for (const l of service.getDefinition(uri, p)) {
              checkRange(service, uri, l.originSelectionRange!, 'definition origin');
              checkRange(service, l.targetUri, l.targetRange, 'definition target');
              checkRange(service, l.targetUri, l.targetSelectionRange, 'definition selection');
            }
            for (const l of service.getReferences(uri, p, true)) checkRange(service, l.uri, l.range, 'reference');
            const completion = service.getCompletions(uri, p);
            for (const item of completion?.items ?? []) {
              assert.match(item.textEdit?.newText ?? '', /^[0-9A-Z]+(?:版[）)]?)?$/);
              if (item.textEdit && 'range' in item.textEdit) checkRange(service, uri, item.textEdit.range, 'completion');
            }
          }
        }
        const doc = TextDocument.create(uri, 'newspaper', 1, text);
        const cursor = (line: number): Range => ({ start: { line, character: 0 }, end: { line, character: 0 } });
        const diagnostics = service.getDiagnostics(uri);
        const requests = [
          ...diagnostics.map((d) => ({ range: d.range, diagnostics: [d] })),
          ...lines.map((_, line) => ({ range: cursor(line), diagnostics: [] })),
        ];
        for (const request of requests) {
          for (const action of service.getCodeActions(uri, request.range, request)) {
            const edits = action.edit!.changes![uri];
            for (const e of edits) checkRange(service, uri, e.range, action.title);
            const after = TextDocument.applyEdits(doc, edits);
            const added = edits.map((e) => e.newText).join('');
            if (action.title.startsWith('Insert page')) {
              assert.equal(edits.length, 1);
              assert.match(added, /^[0-9A-Z]+$/);
              const at = doc.offsetAt(edits[0].range.start);
              assert.equal(nonWhitespace(after), nonWhitespace(text.slice(0, at) + added + text.slice(doc.offsetAt(edits[0].range.end))));
              assert.equal(nonWhitespace(text.slice(at, doc.offsetAt(edits[0].range.end))), '', 'a fix replaces only whitespace');
            } else {
              assert.equal(nonWhitespace(after), nonWhitespace(text), `${action.title} keeps every character`);
            }
          }
        }
      });
    }),
    { numRuns: RUNS, seed: SEED },
  );
});
