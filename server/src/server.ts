/**
 * The Galley language server: a thin LSP shell over the language service. It keeps the page
 * store in step with the editor and the disk, and answers each request with one call.
 *
 * Runs over IPC for VS Code and over `--stdio` for other editors (`galley-language-server --stdio`).
 */
import {
  createConnection,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CODE_ACTION_KINDS,
  COMPLETION_TRIGGERS,
  GalleyLanguageService,
  type DiagnosticSettings,
  type Locale,
} from './languageService';
import { DiskPages } from './workspace/diskPages';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const service = new GalleyLanguageService();
const files = new DiskPages(service.pages, (message) => connection.console.warn(message));

let locale: Locale = 'en';
let canPullConfiguration = false;
let canRefreshDiagnostics = false;
let canWatchFiles = false;
let hasWorkspaceFolders = false;
let canLinkDefinitions = false;
const settingsCache = new Map<string, Promise<DiagnosticSettings>>();

connection.onInitialize((params: InitializeParams): InitializeResult => {
  locale = /^zh/i.test(params.locale ?? '') ? 'zh' : 'en';
  canPullConfiguration = params.capabilities.workspace?.configuration === true;
  canRefreshDiagnostics = params.capabilities.workspace?.diagnostics?.refreshSupport === true;
  canWatchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  hasWorkspaceFolders = params.capabilities.workspace?.workspaceFolders === true;
  canLinkDefinitions = params.capabilities.textDocument?.definition?.linkSupport === true;
  files.setRoots((params.workspaceFolders ?? []).map((f) => f.uri));
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      documentSymbolProvider: { label: 'Galley' },
      foldingRangeProvider: true,
      workspaceSymbolProvider: true,
      hoverProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      documentLinkProvider: { resolveProvider: false },
      completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: false },
      codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS, resolveProvider: false },
      diagnosticProvider: { identifier: 'galley', interFileDependencies: true, workspaceDiagnostics: false },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'galley-language-server', version: '0.1.0' },
  };
});

connection.onInitialized(() => {
  if (canWatchFiles) {
    void connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: [{ globPattern: '**/*.{news,txt}' }],
    });
  }
  if (hasWorkspaceFolders) {
    connection.workspace.onDidChangeWorkspaceFolders((e) => {
      files.setRoots([...files.roots.filter((r) => !e.removed.some((f) => f.uri === r)), ...e.added.map((f) => f.uri)]);
      void indexWorkspace();
    });
  }
  void indexWorkspace();
});

/** Reads the page files of the workspace folders in the background and reports the count. */
async function indexWorkspace(): Promise<void> {
  await files.indexRoots();
  void connection.sendNotification('galley/status', { pages: service.pages.uris.length });
  refreshDiagnostics();
}

function refreshDiagnostics(): void {
  if (canRefreshDiagnostics) void connection.languages.diagnostics.refresh();
}

async function settingsFor(uri: string): Promise<DiagnosticSettings> {
  if (!canPullConfiguration) return { enable: true, severity: {}, ignore: [] };
  let settings = settingsCache.get(uri);
  if (!settings) {
    settings = connection.workspace.getConfiguration({ scopeUri: uri, section: 'galley.diagnostics' }).then((c) => ({
      enable: c?.enable !== false,
      severity: c?.severity ?? {},
      ignore: c?.ignore ?? [],
    }));
    settingsCache.set(uri, settings);
  }
  return settings;
}

connection.onDidChangeConfiguration(() => {
  settingsCache.clear();
  refreshDiagnostics();
});

documents.onDidOpen(async (e) => {
  service.pages.set(e.document.uri, e.document.getText(), e.document.version);
  // The other pages of its issue are read from disk, never opened as editor documents.
  await files.indexFolderOf(e.document.uri, (uri) => documents.get(uri) !== undefined);
  void connection.sendNotification('galley/status', { pages: service.pages.uris.length });
  refreshDiagnostics();
});

documents.onDidChangeContent((e) => {
  // A change on one page can break or mend a jump line on another: re-pull them all.
  if (service.pages.set(e.document.uri, e.document.getText(), e.document.version)) refreshDiagnostics();
});

documents.onDidClose(async (e) => {
  // Closed, the page is what the disk says again (or gone, if it was never saved).
  await files.reload(e.document.uri);
  refreshDiagnostics();
});

connection.onDidChangeWatchedFiles(async (params) => {
  for (const change of params.changes) {
    if (documents.get(change.uri)) continue; // the editor's text wins while it is open
    if (change.type === FileChangeType.Deleted) service.pages.delete(change.uri);
    else await files.reload(change.uri);
  }
  void connection.sendNotification('galley/status', { pages: service.pages.uris.length });
  refreshDiagnostics();
});

connection.languages.diagnostics.on(async (params) => ({
  kind: 'full',
  items: service.getDiagnostics(params.textDocument.uri, await settingsFor(params.textDocument.uri), locale),
}));

connection.onDocumentSymbol((params) => service.getDocumentSymbols(params.textDocument.uri));
connection.onFoldingRanges((params) => service.getFoldingRanges(params.textDocument.uri));
connection.onWorkspaceSymbol((params) => service.getWorkspaceSymbols(params.query));
connection.onHover((params, token) => service.getHover(params.textDocument.uri, params.position, locale, token));
connection.onDefinition((params, token) => {
  const links = service.getDefinition(params.textDocument.uri, params.position, token);
  return canLinkDefinitions ? links : links.map((l) => ({ uri: l.targetUri, range: l.targetSelectionRange }));
});
connection.onReferences((params, token) =>
  service.getReferences(params.textDocument.uri, params.position, params.context.includeDeclaration, token),
);
connection.onDocumentLinks((params, token) => service.getDocumentLinks(params.textDocument.uri, locale, token));
connection.onCompletion((params, token) => service.getCompletions(params.textDocument.uri, params.position, locale, token));
connection.onCodeAction((params, token) => service.getCodeActions(params.textDocument.uri, params.range, params.context, locale, token));
connection.onRequest('galley/parseResult', (params: { uri: string }) => service.getParseResult(params.uri));

documents.listen(connection);
connection.listen();
