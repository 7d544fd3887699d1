/// <reference types="mocha" />
/**
 * The extension in a real VS Code: the language, activation, the server's diagnostics, outline,
 * hover, definition and completion through the `vscode` API, and the client's own commands.
 *
 * The workspace must be a copy of the repo's `samples/` folder (test/e2e/run.ts and
 * scripts/test-electron.mjs make one): one test adds a page file to it, and removes it after.
 * No fixed sleeps: every wait is on an editor event, with a timeout.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { GalleyApi } from '../../extension';

const EXTENSION_ID = 'galley.galley';
const SAMPLE = '000_2600d985db85e4f0.news.txt';
/** A page file the issue lacks: `（下转4版）` on line 273 of the sample names it. */
const PAGE_4 = '04.news.txt';
const PAGE_4_TEXT = [
  '扶贫政策落到实处',
  '',
  '本报讯 全市各级各部门认真落实兜底保障政策，对符合条件的困难群众及时给予救助，确保应保尽保。',
  '',
].join('\n');
const WAIT_MS = 30_000;

// Lines and columns are 0-based here; the comments give the 1-based line an editor shows.
const LINE_JUMP_TO_4 = 272; // 273: `时给予救助， （下转4版）`
const LINE_POINTER_NO_PAGE = 280; // 281: `（` `见` `版` `）` over five lines
const LINE_FIGURE = 260; // 261: `助 资 金 2.242 亿 元 ， …`

/**
 * Resolves with the first truthy result of `probe`, tried at once and again after each of
 * `events`; rejects after `ms` with what it waited for and, if given, what it saw last.
 */
function when<T>(
  what: string,
  events: readonly vscode.Event<unknown>[],
  probe: () => T | undefined | null | false | Thenable<T | undefined | null | false>,
  seen?: () => string,
  ms = WAIT_MS,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let done = false;
    let again = false;
    let running = false;
    const subscriptions: vscode.Disposable[] = [];
    const finish = (f: () => void): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      for (const s of subscriptions) s.dispose();
      f();
    };
    const timer = setTimeout(
      () => finish(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}${seen ? `; last seen: ${seen()}` : ''}`))),
      ms,
    );
    const check = async (): Promise<void> => {
      if (running) {
        again = true;
        return;
      }
      running = true;
      try {
        do {
          again = false;
          const v = await probe();
          if (v) return finish(() => resolve(v));
        } while (again && !done);
      } catch (err) {
        finish(() => reject(err));
      } finally {
        running = false;
      }
    };
    for (const e of events) subscriptions.push(e(() => void check()));
    void check();
  });
}

const codeOf = (d: vscode.Diagnostic): string =>
  d.code === undefined ? '' : typeof d.code === 'object' ? String(d.code.value) : String(d.code);

function galleyDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => /galley/i.test(d.source ?? '') || /^[a-z]+(-[a-z]+)+$/.test(codeOf(d)));
}

const listDiagnostics = (uri: vscode.Uri) => (): string =>
  JSON.stringify(galleyDiagnostics(uri).map((d) => `${d.range.start.line + 1}:${codeOf(d)}`));

function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n---\n');
}

function symbolNames(symbols: readonly (vscode.DocumentSymbol | vscode.SymbolInformation)[]): string[] {
  return symbols.flatMap((s) => [s.name, ...('children' in s ? symbolNames(s.children) : [])]);
}

const labelOf = (item: vscode.CompletionItem): string => (typeof item.label === 'string' ? item.label : item.label.label);

const targetOf = (d: vscode.Location | vscode.LocationLink): vscode.Uri => ('targetUri' in d ? d.targetUri : d.uri);

suite('Galley in VS Code', () => {
  let folder: vscode.Uri;
  let sample: vscode.Uri;
  let page4: vscode.Uri;
  let doc: vscode.TextDocument;

  suiteSetup(() => {
    const ws = vscode.workspace.workspaceFolders?.[0];
    assert.ok(ws, 'the tests need a workspace folder: a copy of samples/');
    folder = ws.uri;
    sample = vscode.Uri.joinPath(folder, SAMPLE);
    page4 = vscode.Uri.joinPath(folder, PAGE_4);
  });

  suiteTeardown(async () => {
    await vscode.workspace.fs.delete(page4).then(undefined, () => undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('a .news.txt file opens as a newspaper page', async () => {
    doc = await vscode.workspace.openTextDocument(sample);
    await vscode.window.showTextDocument(doc);
    assert.equal(doc.languageId, 'newspaper');
  });

  test('the extension activates and the server reports the issue’s diagnostics', async () => {
    const want = (ds: vscode.Diagnostic[]): boolean =>
      ds.some((d) => codeOf(d) === 'jump-missing-page') && ds.some((d) => codeOf(d) === 'jump-target-missing');
    await when('Galley diagnostics on the sample', [vscode.languages.onDidChangeDiagnostics], () => want(galleyDiagnostics(sample)), listDiagnostics(sample));
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is installed`);
    assert.equal(ext.isActive, true, 'activated by opening a newspaper page');
  });

  test('a page pointer without a page number is an error on line 281', () => {
    const ds = galleyDiagnostics(sample).filter((d) => codeOf(d) === 'jump-missing-page');
    const d = ds.find((x) => x.range.start.line === LINE_POINTER_NO_PAGE);
    assert.ok(d, `jump-missing-page at line ${LINE_POINTER_NO_PAGE + 1}; found at ${ds.map((x) => x.range.start.line + 1).join(', ')}`);
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
  });

  test('`（下转4版）` on line 273 names a page the issue lacks', () => {
    const ds = galleyDiagnostics(sample).filter((d) => codeOf(d) === 'jump-target-missing');
    const d = ds.find((x) => x.range.start.line === LINE_JUMP_TO_4);
    assert.ok(d, `jump-target-missing at line ${LINE_JUMP_TO_4 + 1}; found at ${ds.map((x) => x.range.start.line + 1).join(', ')}`);
    assert.match(d.message, /\b(?:page|p\.?)\s*4\b|第?\s*4\s*版/i, `message names page 4: ${d.message}`);
    assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
  });

  test('the outline lists the articles', async () => {
    const symbols = await vscode.commands.executeCommand<(vscode.DocumentSymbol | vscode.SymbolInformation)[] | undefined>(
      'vscode.executeDocumentSymbolProvider',
      sample,
    );
    const names = symbolNames(symbols ?? []);
    for (const headline of ['张稳科深入包联企业调研', '以人民为中心 让老百姓过上幸福生活', '扶贫“夫妻档”']) {
      assert.ok(names.some((n) => n.includes(headline)), `outline has “${headline}”: ${JSON.stringify(names.slice(0, 20))}`);
    }
  });

  test('hover on `2.242 亿 元` shows the normalised value', async () => {
    const column = doc.lineAt(LINE_FIGURE).text.indexOf('2.242');
    assert.ok(column >= 0, `line ${LINE_FIGURE + 1} holds 2.242`);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', sample, new vscode.Position(LINE_FIGURE, column + 1));
    const text = hoverText(hovers ?? []);
    assert.ok(hovers?.length, 'a hover on the figure (does the server offer hoverProvider?)');
    assert.match(text, /224,200,000/, `hover shows 224,200,000: ${text}`);
  });

  test('a page added on disk is read and resolves the jump line (file watching)', async () => {
    // Without the warning there first, its absence below would prove nothing.
    const missing = (): boolean => galleyDiagnostics(sample).some((d) => codeOf(d) === 'jump-target-missing' && d.range.start.line === LINE_JUMP_TO_4);
    assert.ok(missing(), `jump-target-missing on line ${LINE_JUMP_TO_4 + 1} before 04.news.txt exists: ${listDiagnostics(sample)()}`);
    await vscode.workspace.fs.writeFile(page4, new TextEncoder().encode(PAGE_4_TEXT));
    await when(
      'jump-target-missing on line 273 to go once 04.news.txt exists',
      [vscode.languages.onDidChangeDiagnostics],
      () => !missing(),
      listDiagnostics(sample),
    );
  });

  test('go to definition on `（下转4版）` leads to page 4', async () => {
    const column = doc.lineAt(LINE_JUMP_TO_4).text.indexOf('下转4版');
    assert.ok(column >= 0, `line ${LINE_JUMP_TO_4 + 1} holds 下转4版`);
    const defs = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
      'vscode.executeDefinitionProvider',
      sample,
      new vscode.Position(LINE_JUMP_TO_4, column + 1),
    );
    assert.ok(defs?.length, 'a definition for the jump line (does the server offer definitionProvider?)');
    const targets = defs.map((d) => targetOf(d).toString());
    assert.ok(targets.some((t) => t.endsWith(`/${PAGE_4}`)), `a target is ${PAGE_4}: ${JSON.stringify(targets)}`);
  });

  test('completion after `（下转` offers the issue’s pages', async () => {
    const column = doc.lineAt(LINE_JUMP_TO_4).text.indexOf('下转4版') + 2; // just before `4`
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      sample,
      new vscode.Position(LINE_JUMP_TO_4, column),
    );
    const labels = (list?.items ?? []).map(labelOf);
    assert.ok(labels.includes('4'), `page 4 offered (does the server offer completionProvider?): ${JSON.stringify(labels.slice(0, 20))}`);
  });

  test('“Galley: Show Parse Result” opens the parse result beside the page', async () => {
    await vscode.window.showTextDocument(doc);
    const opened = when(
      'a galley-parse editor',
      [vscode.window.onDidChangeVisibleTextEditors],
      () => vscode.window.visibleTextEditors.find((e) => e.document.uri.scheme === 'galley-parse'),
    );
    await vscode.commands.executeCommand('galley.showParseResult');
    const editor = await opened;
    const json = JSON.parse(editor.document.getText()) as unknown;
    assert.ok(json && typeof json === 'object', 'the parse result is JSON');
    assert.ok(editor.document.getText().includes('张稳科深入包联企业调研'), 'the parse result holds the first headline');
  });

  test('the parse-result tree follows the page, and a node selects its source range', async () => {
    const ext = vscode.extensions.getExtension<GalleyApi>(EXTENSION_ID);
    assert.ok(ext?.isActive);
    const tree = ext.exports.parseTree;
    await vscode.window.showTextDocument(doc);
    await tree.show(doc.uri);
    const items = tree.getChildren().find((n) => n.label === 'items');
    assert.ok(items, 'the tree has the page’s items');
    const first = tree.getChildren(items)[0];
    assert.match(first.label, /张稳科深入包联企业调研/);
    const command = tree.getTreeItem(first).command;
    assert.equal(command?.command, 'vscode.open');
    const selected = when('the headline to be selected', [vscode.window.onDidChangeTextEditorSelection], () => {
      const e = vscode.window.activeTextEditor;
      return e?.document.uri.toString() === doc.uri.toString() && e.selection.start.line === 52 && e.selection;
    });
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const selection = await selected;
    assert.equal(doc.getText(selection), '张稳科深入包联企业调研');
  });

  test('“Galley: Treat This File as a Newspaper Page” switches a plain text file', async () => {
    const plain = await vscode.workspace.openTextDocument({ language: 'plaintext', content: '张稳科深入包联企业调研\n\n本报讯 （见 版）\n' });
    await vscode.window.showTextDocument(plain);
    const switched = when(
      'the document to become newspaper',
      [vscode.workspace.onDidOpenTextDocument, vscode.window.onDidChangeActiveTextEditor],
      () => vscode.window.activeTextEditor?.document.languageId === 'newspaper' && vscode.window.activeTextEditor.document,
    );
    await vscode.commands.executeCommand('galley.setLanguage');
    const now = await switched;
    assert.equal(now.uri.toString(), plain.uri.toString());
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
