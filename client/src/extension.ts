/**
 * The Galley VS Code extension: a thin client that starts the Galley language server over IPC
 * and adds what only an editor has — a command to treat a plain `.txt` page as a newspaper
 * page, the parse result beside the text, and a status item with the pages indexed.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ParseTree } from './parseTree';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

/** Shows the parse result of a page as JSON in a virtual document, kept in sync while typing. */
class ParseResultView implements vscode.TextDocumentContentProvider {
  static readonly scheme = 'galley-parse';
  readonly #changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.#changed.event;

  constructor(private readonly languageClient: LanguageClient) {}

  static uriFor(page: vscode.Uri): vscode.Uri {
    return vscode.Uri.from({ scheme: ParseResultView.scheme, path: `${page.path}.parse.json`, query: page.toString() });
  }

  refresh(page: vscode.Uri): void {
    this.#changed.fire(ParseResultView.uriFor(page));
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const result = await this.languageClient.sendRequest('galley/parseResult', { uri: uri.query });
    return JSON.stringify(result, null, 2);
  }
}

/** What the extension gives other extensions and its tests: the parse-result tree. */
export interface GalleyApi {
  readonly parseTree: ParseTree;
}

export async function activate(context: vscode.ExtensionContext): Promise<GalleyApi> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'newspaper' }],
    synchronize: { configurationSection: 'galley' },
    initializationOptions: {},
  };
  client = new LanguageClient('galley', 'Galley', serverOptions, clientOptions);

  const status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Right, 100);
  status.name = 'Galley';
  status.text = '$(book) Galley';
  status.command = 'galley.showParseResult';
  context.subscriptions.push(status);

  const view = new ParseResultView(client);
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(ParseResultView.scheme, view),
    vscode.commands.registerCommand('galley.setLanguage', async () => {
      const editor = vscode.window.activeTextEditor;
      if (editor) await vscode.languages.setTextDocumentLanguage(editor.document, 'newspaper');
    }),
    vscode.commands.registerCommand('galley.showParseResult', async () => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || editor.document.languageId !== 'newspaper') return;
      const doc = await vscode.workspace.openTextDocument(ParseResultView.uriFor(editor.document.uri));
      await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true });
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document.languageId === 'newspaper') view.refresh(e.document.uri);
    }),
  );

  // Registered before start: the server may report its first count while start() is settling.
  context.subscriptions.push(
    client.onNotification('galley/status', (s: { pages: number }) => {
      status.text = `$(book) Galley: ${s.pages} ${s.pages === 1 ? 'page' : 'pages'}`;
      status.tooltip = vscode.l10n.t('Pages indexed by Galley');
      status.show();
    }),
  );
  await client.start();

  const languageClient = client;
  const tree = new ParseTree((uri) => languageClient.sendRequest('galley/parseResult', { uri }));
  const follow = (editor: vscode.TextEditor | undefined) =>
    void tree.show(editor?.document.languageId === 'newspaper' ? editor.document.uri : undefined);
  let pending: ReturnType<typeof setTimeout> | undefined;
  context.subscriptions.push(
    vscode.window.createTreeView(ParseTree.viewId, { treeDataProvider: tree, showCollapseAll: true }),
    vscode.window.onDidChangeActiveTextEditor((editor) => {
      // Clicking into the tree must not clear it: only a newspaper page replaces what it shows.
      if (editor?.document.languageId === 'newspaper') follow(editor);
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document.uri.toString() !== tree.document?.toString()) return;
      // Typing re-parses once the burst of edits settles.
      clearTimeout(pending);
      pending = setTimeout(() => void tree.show(e.document.uri), 300);
    }),
    { dispose: () => clearTimeout(pending) },
  );
  follow(vscode.window.activeTextEditor);
  return { parseTree: tree };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
