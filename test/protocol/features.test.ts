/**
 * Editor features over the protocol: hover, definition, references, document links, completion
 * and code actions, on a two-page issue in a temp folder and on the real samples.
 *
 * Each test first checks that the server announces the capability in its `initialize` result;
 * a build without it fails here with a message saying so (these tests are never skipped).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  CodeAction,
  Command,
  CompletionItem,
  CompletionList,
  Diagnostic,
  DocumentLink,
  Hover,
  Location,
  LocationLink,
  MarkupContent,
  Position,
  Range,
  ServerCapabilities,
  TextEdit,
} from 'vscode-languageserver-protocol/node';
import { Driver, fileUri, JUMP, JUMP_CHAR, JUMP_LINE, PAGE_01, PAGE_04, SAMPLE_000, summarize } from './driver';

const JUMP_RANGE: Range = { start: { line: JUMP_LINE, character: JUMP_CHAR }, end: { line: JUMP_LINE, character: JUMP_CHAR + JUMP.length } };
const BACK = '（上接1版）';
const BACK_RANGE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: BACK.length } };
/** Inside `（下转4版）`, on the 4. */
const ON_JUMP: Position = { line: JUMP_LINE, character: JUMP_CHAR + 3 };

function requireCapability(d: Driver, name: keyof ServerCapabilities): void {
  const caps = d.initializeResult.capabilities;
  assert.ok(
    caps[name],
    `the server does not announce ${name} in its initialize result (${Object.keys(caps).join(', ')}): ` +
      'this build has no such feature yet; run `npm run build` after the feature work lands',
  );
}

function contains(r: Range, p: Position): boolean {
  const le = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return le(r.start, p) && le(p, r.end);
}

function hoverText(h: Hover): string {
  const c = h.contents;
  if (typeof c === 'string') return c;
  if (Array.isArray(c)) return c.map((x) => (typeof x === 'string' ? x : x.value)).join('\n');
  return (c as MarkupContent).value;
}

/** Locations from a definition answer in any of its shapes. */
function toLocations(r: Location | Location[] | LocationLink[] | null): Location[] {
  if (!r) return [];
  const list = Array.isArray(r) ? r : [r];
  return list.map((x) => ('targetUri' in x ? { uri: x.targetUri, range: x.targetSelectionRange } : x));
}

function completionItems(r: CompletionList | CompletionItem[] | null): CompletionItem[] {
  if (!r) return [];
  return Array.isArray(r) ? r : r.items;
}

/** The text an item puts into the document. */
function insertedText(item: CompletionItem): string {
  const edit = item.textEdit;
  if (edit) return edit.newText;
  return item.insertText ?? item.label;
}

describe('editor features', () => {
  let dir: string;
  let d: Driver;
  let uri01: string;
  let uri04: string;

  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'galley-features-'));
    await writeFile(path.join(dir, '01.news'), PAGE_01);
    await writeFile(path.join(dir, '04.news'), PAGE_04);
    uri01 = fileUri(path.join(dir, '01.news'));
    uri04 = fileUri(path.join(dir, '04.news'));
    d = await Driver.start();
    await d.open(uri01, PAGE_01);
  });
  after(async () => {
    await d?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  describe('hover', () => {
    test('on a jump line: where it leads, and the text it continues with', async () => {
      requireCapability(d, 'hoverProvider');
      const h = await d.request<Hover | null>('textDocument/hover', { textDocument: { uri: uri01 }, position: ON_JUMP });
      assert.ok(h, 'a hover on （下转4版）');
      const text = hoverText(h);
      assert.match(text, /4/, text);
      assert.ok(text.includes('早日建成投用'), `quotes how the story goes on on page 4: ${text}`);
      if (h.range) assert.ok(contains(h.range, ON_JUMP), JSON.stringify(h.range));
    });

    test('on a figure: its value', async () => {
      requireCapability(d, 'hoverProvider');
      const character = PAGE_01.split('\n')[JUMP_LINE]!.indexOf('2.242') + 1;
      const h = await d.request<Hover | null>('textDocument/hover', { textDocument: { uri: uri01 }, position: { line: JUMP_LINE, character } });
      assert.ok(h, 'a hover on 2.242亿元');
      assert.match(hoverText(h), /224,?200,?000/, hoverText(h));
    });

    test('on a blank line: nothing; on a document never opened: nothing', async () => {
      requireCapability(d, 'hoverProvider');
      assert.equal(await d.request('textDocument/hover', { textDocument: { uri: uri01 }, position: { line: 1, character: 0 } }), null);
      assert.equal(
        await d.request('textDocument/hover', { textDocument: { uri: 'file:///nonexistent-galley-folder/a.news' }, position: { line: 0, character: 0 } }),
        null,
      );
    });

    test('past the end of the document: no crash', async () => {
      requireCapability(d, 'hoverProvider');
      await d.request('textDocument/hover', { textDocument: { uri: uri01 }, position: { line: 10_000, character: 10_000 } });
      await d.request('textDocument/hover', { textDocument: { uri: uri01 }, position: { line: 0, character: 10_000 } });
    });
  });

  describe('definition', () => {
    test('of （下转4版）: the （上接1版） on page 4', async () => {
      requireCapability(d, 'definitionProvider');
      const r = await d.request<Location[] | LocationLink[] | null>('textDocument/definition', { textDocument: { uri: uri01 }, position: ON_JUMP });
      const locations = toLocations(r);
      assert.equal(locations.length, 1, JSON.stringify(r));
      assert.equal(locations[0]!.uri, uri04);
      assert.deepEqual(locations[0]!.range, BACK_RANGE);
    });

    test('of （上接1版）: the （下转4版） on page 1', async () => {
      requireCapability(d, 'definitionProvider');
      const r = await d.request<Location[] | LocationLink[] | null>('textDocument/definition', {
        textDocument: { uri: uri04 },
        position: { line: 0, character: 2 },
      });
      const locations = toLocations(r);
      assert.equal(locations.length, 1, JSON.stringify(r));
      assert.equal(locations[0]!.uri, uri01);
      assert.deepEqual(locations[0]!.range, JUMP_RANGE);
    });

    test('a client without link support gets plain locations', async () => {
      const plain = await Driver.start({ capabilities: { textDocument: { definition: { linkSupport: false }, diagnostic: { dynamicRegistration: false } } } });
      try {
        requireCapability(plain, 'definitionProvider');
        await plain.open(uri01, PAGE_01);
        const r = await plain.request<Location[] | null>('textDocument/definition', { textDocument: { uri: uri01 }, position: ON_JUMP });
        assert.ok(Array.isArray(r) && r.length === 1, JSON.stringify(r));
        assert.ok(!('targetUri' in r[0]!), 'a Location, not a LocationLink');
        assert.equal(r[0]!.uri, uri04);
      } finally {
        await plain.stop();
      }
    });

    test('on plain body text: nothing', async () => {
      requireCapability(d, 'definitionProvider');
      const r = await d.request<Location[] | null>('textDocument/definition', { textDocument: { uri: uri01 }, position: { line: 2, character: 2 } });
      assert.deepEqual(toLocations(r), []);
    });
  });

  describe('references', () => {
    test('of a jump line: both ends', async () => {
      requireCapability(d, 'referencesProvider');
      const withDecl = await d.request<Location[] | null>('textDocument/references', {
        textDocument: { uri: uri01 },
        position: ON_JUMP,
        context: { includeDeclaration: true },
      });
      assert.ok(withDecl, 'references answered');
      assert.ok(withDecl.some((l) => l.uri === uri04 && l.range.start.line === 0), JSON.stringify(withDecl));
      assert.ok(withDecl.some((l) => l.uri === uri01 && l.range.start.line === JUMP_LINE), JSON.stringify(withDecl));

      const without = await d.request<Location[] | null>('textDocument/references', {
        textDocument: { uri: uri01 },
        position: ON_JUMP,
        context: { includeDeclaration: false },
      });
      assert.ok(without?.some((l) => l.uri === uri04), JSON.stringify(without));
    });
  });

  describe('document links', () => {
    test('a jump line links to the page it names', async () => {
      requireCapability(d, 'documentLinkProvider');
      const links = await d.request<DocumentLink[] | null>('textDocument/documentLink', { textDocument: { uri: uri01 } });
      assert.ok(links && links.length >= 1, JSON.stringify(links));
      const link = links.find((l) => contains(l.range, ON_JUMP));
      assert.ok(link, `a link over （下转4版）: ${JSON.stringify(links)}`);
      let target = link.target;
      if (!target && d.initializeResult.capabilities.documentLinkProvider?.resolveProvider) {
        target = (await d.request<DocumentLink>('documentLink/resolve', link)).target;
      }
      assert.ok(target?.startsWith(uri04), `the link leads to 04.news: ${target}`);
    });

    test('a document never opened: no links', async () => {
      requireCapability(d, 'documentLinkProvider');
      const links = await d.request<DocumentLink[] | null>('textDocument/documentLink', { textDocument: { uri: 'file:///nonexistent-galley-folder/a.news' } });
      assert.ok(links === null || links.length === 0);
    });
  });

  describe('completion', () => {
    test('after （下转: the pages of the issue', async () => {
      requireCapability(d, 'completionProvider');
      const typing = PAGE_01.replace(JUMP, '（下转');
      const line = typing.split('\n')[JUMP_LINE]!;
      const mark = d.mark();
      await d.change(uri01, typing);
      await d.waitForRefresh(mark);
      try {
        const r = await d.request<CompletionList | CompletionItem[] | null>('textDocument/completion', {
          textDocument: { uri: uri01 },
          position: { line: JUMP_LINE, character: line.length },
          context: { triggerKind: 2, triggerCharacter: '转' },
        });
        const items = completionItems(r);
        assert.ok(items.length > 0, 'completion items after （下转');
        const page4 = items.find((i) => i.label === '4' || insertedText(i).startsWith('4'));
        assert.ok(page4, `page 4 is offered: ${items.map((i) => i.label).join(', ')}`);
      } finally {
        const back = d.mark();
        await d.change(uri01, PAGE_01);
        await d.waitForRefresh(back);
      }
    });

    test('trigger characters include 转', async () => {
      requireCapability(d, 'completionProvider');
      const triggers = d.initializeResult.capabilities.completionProvider?.triggerCharacters ?? [];
      assert.ok(triggers.includes('转'), JSON.stringify(triggers));
    });
  });

  describe('code actions', () => {
    test('quick fixes on the sample fix what they claim to fix', async () => {
      requireCapability(d, 'codeActionProvider');
      const text = readFileSync(SAMPLE_000, 'utf8');
      const uri = await d.openFile(SAMPLE_000);
      try {
        const diags = await d.diagnostics(uri);
        const lineCount = text.split('\n').length;
        const actions = await d.request<(CodeAction | Command)[] | null>('textDocument/codeAction', {
          textDocument: { uri },
          range: { start: { line: 0, character: 0 }, end: { line: lineCount, character: 0 } },
          context: { diagnostics: diags, only: ['quickfix'] },
        });
        const fixes = (actions ?? []).filter((a): a is CodeAction => 'kind' in a && a.kind === 'quickfix' && a.edit !== undefined);
        assert.ok(fixes.length > 0, `quick fixes for ${summarize(diags)}: ${JSON.stringify(actions)}`);

        // Apply each fix (at most one per code, to keep it short) and pull again.
        const tried = new Set<string>();
        for (const fix of fixes) {
          const target = fix.diagnostics?.[0];
          if (!target || tried.has(String(target.code))) continue;
          tried.add(String(target.code));
          const edits: TextEdit[] = fix.edit!.changes?.[uri] ?? [];
          assert.ok(edits.length > 0, `${fix.title}: edits to this document`);
          const doc = TextDocument.create(uri, 'newspaper', 1, text);
          const fixed = TextDocument.applyEdits(doc, edits);
          const mark = d.mark();
          await d.change(uri, fixed);
          await d.waitForRefresh(mark);
          const after: Diagnostic[] = await d.diagnostics(uri);
          const sameCode = (x: Diagnostic) => x.code === target.code;
          assert.equal(
            after.filter(sameCode).length,
            diags.filter(sameCode).length - 1,
            `${fix.title} removes its ${target.code} at line ${target.range.start.line + 1}: ${summarize(after)}`,
          );
          const restore = d.mark();
          await d.change(uri, text);
          await d.waitForRefresh(restore);
        }
      } finally {
        await d.close(uri);
      }
    });

    test('no diagnostics in the context, a range with nothing to fix: no quick fix, no crash', async () => {
      requireCapability(d, 'codeActionProvider');
      const actions = await d.request<(CodeAction | Command)[] | null>('textDocument/codeAction', {
        textDocument: { uri: uri01 },
        range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } },
        context: { diagnostics: [] },
      });
      const fixes = (actions ?? []).filter((a) => 'kind' in a && a.kind === 'quickfix');
      assert.deepEqual(fixes, []);
    });
  });
});
