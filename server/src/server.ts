/**
 * The Galley language server: a thin LSP shell over the language service. It keeps the page
 * store in step with the editor and the disk, and answers each request with one call.
 *
 * Runs over IPC for VS Code and over `--stdio` for other editors (`galley-language-server --stdio`).
 */
import {
  createConnection,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  FileChangeType,
  LSPErrorCodes,
  MessageType,
  ProposedFeatures,
  ResponseError,
  ShowMessageNotification,
  StreamMessageWriter,
  TextDocuments,
  TextDocumentSyncKind,
  type DiagnosticServerCancellationData,
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
import { URI } from 'vscode-uri';
import { posix } from 'node:path';
import { format } from 'node:util';
import { ResyncingMessageReader } from './resyncingMessageReader';
import { DiskPages } from './workspace/diskPages';
import { MAX_PAGE_LENGTH, sizeAgainstLimit } from './core/limits';
import { DEFAULT_PAGE_SETTINGS, PageFilter, type PageSettings } from './workspace/pageFilter';

/**
 * Over stdio the server reads with a reader that finds the next message again after bad input
 * from the client (see resyncingMessageReader); VS Code's IPC channel carries whole messages.
 */
const stdio = process.argv.includes('--stdio');
const connection = stdio
  ? createConnection(
      ProposedFeatures.all,
      new ResyncingMessageReader(process.stdin, (problem) => connection.console.error(problem)),
      new StreamMessageWriter(process.stdout),
    )
  : createConnection(ProposedFeatures.all);
if (stdio) keepStdioConventions();
// The server never goes down with one failed promise: it logs the failure and carries on.
process.on('unhandledRejection', (reason) => connection.console.error(`Galley: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`));
const documents = new TextDocuments(TextDocument);
const service = new GalleyLanguageService();
const files = new DiskPages(service.pages, (message) => connection.console.warn(message));

let locale: Locale = 'en';
let canPullConfiguration = false;
let canRefreshDiagnostics = false;
let canWatchFiles = false;
let hasWorkspaceFolders = false;
let canLinkDefinitions = false;
let canPullDiagnostics = false;
/** Settings sent with didChangeConfiguration, for clients that cannot be asked for them. */
let pushedSettings: DiagnosticSettings = { enable: true, severity: {}, ignore: [] };
const settingsCache = new Map<string, Promise<DiagnosticSettings>>();

/**
 * One spelling per page: clients encode URIs differently (`%E7` or `%e7`, `(` or `%28`), and a
 * page read from disk must not enter its issue twice.
 */
const key = (uri: string): string => {
  const u = URI.parse(uri);
  // `issue/x/../01.news` is `issue/01.news`: one page, in the issue of the pages beside it.
  return (u.scheme === 'file' ? u.with({ path: posix.normalize(u.path) }) : u).toString();
};
/** The open documents, by key, with the URI their client uses. */
const open = new Map<string, string>();

connection.onInitialize((params: InitializeParams): InitializeResult => {
  locale = /^zh/i.test(params.locale ?? '') ? 'zh' : 'en';
  canPullConfiguration = params.capabilities.workspace?.configuration === true;
  canRefreshDiagnostics = params.capabilities.workspace?.diagnostics?.refreshSupport === true;
  canWatchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  hasWorkspaceFolders = params.capabilities.workspace?.workspaceFolders === true;
  canLinkDefinitions = params.capabilities.textDocument?.definition?.linkSupport === true;
  canPullDiagnostics = params.capabilities.textDocument?.diagnostic !== undefined;
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
  void configurePages().then((settings) => {
    if (!canWatchFiles) return;
    connection.client
      .register(DidChangeWatchedFilesNotification.type, { watchers: PageFilter.globs(settings).map((globPattern) => ({ globPattern })) })
      .catch((e: unknown) => connection.console.warn(`Galley could not watch page files: ${String(e)}`));
  });
  if (hasWorkspaceFolders) {
    connection.workspace.onDidChangeWorkspaceFolders((e) => {
      files.setRoots([...files.roots.filter((r) => !e.removed.some((f) => f.uri === r)), ...e.added.map((f) => f.uri)]);
      // A removed folder's pages leave with it, unless the editor still has them open.
      for (const folder of e.removed) {
        const prefix = `${key(folder.uri)}/`;
        for (const uri of service.pages.uris) if (uri.startsWith(prefix) && !open.has(uri)) service.pages.delete(uri);
      }
      void configurePages();
    });
  }
});

/**
 * Reads which files are pages (`galley.pages.include` / `exclude`) for each workspace folder,
 * drops pages that no longer match, and reads the workspace's pages.
 */
async function configurePages(): Promise<PageSettings[]> {
  const settings = await Promise.all(
    files.roots.map(async (root) => {
      if (!canPullConfiguration) return DEFAULT_PAGE_SETTINGS;
      const c = (await connection.workspace.getConfiguration({ scopeUri: root, section: 'galley.pages' }).catch(() => null)) as Partial<PageSettings> | null;
      return { include: c?.include ?? DEFAULT_PAGE_SETTINGS.include, exclude: c?.exclude ?? DEFAULT_PAGE_SETTINGS.exclude };
    }),
  );
  files.filter = new PageFilter(files.roots.map((root, i) => ({ dir: URI.parse(root).fsPath, settings: settings[i] })));
  for (const uri of service.pages.uris) {
    const u = URI.parse(uri);
    if (u.scheme === 'file' && !open.has(uri) && !files.filter.isPage(u.fsPath)) service.pages.delete(uri);
  }
  await indexWorkspace();
  return settings;
}

/** Reads the page files of the workspace folders in the background and reports the count. */
async function indexWorkspace(): Promise<void> {
  await files.indexRoots();
  service.prepareWorkspaceSymbols();
  void connection.sendNotification('galley/status', { pages: service.pages.uris.length });
  refreshDiagnostics();
}

let pushPending = false;
/** A `workspace/diagnostic/refresh` is awaiting the client's answer; changes meanwhile want one more. */
let refreshInFlight = false;
let refreshAgain = false;
/** How long an unanswered refresh holds back the next one. */
const REFRESH_ANSWER_MS = 2_000;

/**
 * After a change, every page of an issue may have gained or lost a diagnostic: clients that pull
 * are asked to pull again; the others get the open pages' diagnostics pushed.
 */
function refreshDiagnostics(): void {
  if (canPullDiagnostics) {
    if (canRefreshDiagnostics) requestRefresh();
    return;
  }
  if (pushPending) return;
  pushPending = true;
  setImmediate(() => {
    pushPending = false;
    for (const [page, clientUri] of open) {
      void settingsFor(page).then((settings) =>
        connection.sendDiagnostics({ uri: clientUri, diagnostics: service.getDiagnostics(page, settings, locale) }),
      );
    }
  });
}

/**
 * One refresh at a time: the changes made while the client answers one fold into a single
 * next one, sent when it has answered. A burst of keystrokes so asks the editor to pull again
 * once per round trip, not once per keystroke, and the last change is always followed by a
 * refresh. A client that never answers holds the next refresh back only REFRESH_ANSWER_MS.
 */
function requestRefresh(): void {
  if (refreshInFlight) {
    refreshAgain = true;
    return;
  }
  refreshInFlight = true;
  let settled = false;
  const answered = (): void => {
    if (settled) return;
    settled = true;
    clearTimeout(timer);
    refreshInFlight = false;
    if (refreshAgain) {
      refreshAgain = false;
      requestRefresh();
    }
  };
  const timer = setTimeout(answered, REFRESH_ANSWER_MS).unref();
  connection.languages.diagnostics.refresh().then(answered, answered);
}

/** Diagnostic settings from a `galley.diagnostics` configuration section. */
function readSettings(c: { enable?: boolean; severity?: DiagnosticSettings['severity']; ignore?: DiagnosticSettings['ignore'] } | null | undefined): DiagnosticSettings {
  return { enable: c?.enable !== false, severity: c?.severity ?? {}, ignore: c?.ignore ?? [] };
}

async function settingsFor(uri: string): Promise<DiagnosticSettings> {
  if (!canPullConfiguration) return pushedSettings;
  let settings = settingsCache.get(uri);
  if (!settings) {
    settings = connection.workspace.getConfiguration({ scopeUri: uri, section: 'galley.diagnostics' }).then(readSettings);
    // A failed request is not remembered: the next pull asks again.
    settings.catch(() => settingsCache.delete(uri));
    settingsCache.set(uri, settings);
  }
  return settings;
}

connection.onDidChangeConfiguration((params) => {
  settingsCache.clear();
  pushedSettings = readSettings((params.settings as { galley?: { diagnostics?: Parameters<typeof readSettings>[0] } } | null)?.galley?.diagnostics);
  void configurePages();
});

documents.onDidOpen(async (e) => {
  const uri = key(e.document.uri);
  open.set(uri, e.document.uri);
  service.pages.set(uri, e.document.getText(), e.document.version);
  // The other pages of its issue are read from disk, never opened as editor documents.
  await files.indexFolderOf(uri, (u) => open.has(u));
  void connection.sendNotification('galley/status', { pages: service.pages.uris.length });
  refreshDiagnostics();
});

/** Open pages too large to check, told once each. */
const tooLarge = new Set<string>();

documents.onDidChangeContent((e) => {
  const uri = key(e.document.uri);
  const text = e.document.getText();
  if (text.length > MAX_PAGE_LENGTH && !tooLarge.has(uri)) {
    tooLarge.add(uri);
    const { size, limit } = sizeAgainstLimit(text.length);
    // A notification, not a request: there is nothing to answer.
    void connection.sendNotification(ShowMessageNotification.type, {
      type: MessageType.Warning,
      message:
        locale === 'zh'
          ? `Galley 不检查此版面：它有 ${size} 百万字符，超过了 ${limit} 百万字符的上限。`
          : `Galley does not check this page: it holds ${size} million characters, more than the ${limit} million a page may hold.`,
    });
  }
  // A change on one page can break or mend a jump line on another: re-pull them all.
  if (service.pages.set(uri, text, e.document.version)) refreshDiagnostics();
});

documents.onDidClose(async (e) => {
  // Closed, the page is what the disk says again (or gone, if it was never saved).
  const uri = key(e.document.uri);
  open.delete(uri);
  tooLarge.delete(uri);
  // Its settings are asked again if it opens again: the cache holds the open pages only.
  settingsCache.delete(uri);
  service.pages.close(uri);
  // The last open page of a folder outside the workspace takes its folder with it; reading
  // it again first would only start the worker pool for a page about to be forgotten.
  if (!files.releaseFolderOf(uri, (u) => open.has(u))) await files.reload(uri);
  if (!canPullDiagnostics) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  refreshDiagnostics();
});

connection.onDidChangeWatchedFiles(async (params) => {
  for (const change of params.changes) {
    const uri = key(change.uri);
    // Only page files are pages; the editor's text wins while a page is open.
    if (!files.filter.isPage(URI.parse(uri).fsPath) || open.has(uri)) continue;
    if (change.type === FileChangeType.Deleted) service.pages.delete(uri);
    else await files.reload(uri);
  }
  void connection.sendNotification('galley/status', { pages: service.pages.uris.length });
  refreshDiagnostics();
});

/**
 * The answer to a request cancelled before it ran: nothing is computed. Editors cancel the
 * outline and diagnostics of each superseded version while someone types.
 */
const cancelled = <D = void>(data?: D) => new ResponseError<D>(LSPErrorCodes.RequestCancelled, 'The request was cancelled.', data);
/**
 * A client cancels a pull when it wants a newer one (the page changed, or a refresh came while the
 * pull ran) and waits for this answer to send it: vscode-languageclient drops that next pull when
 * told `retriggerRequest: false`, and the page then shows no diagnostics until the next refresh.
 */
const diagnosticsCancelled = () => cancelled<DiagnosticServerCancellationData>({ retriggerRequest: true });

connection.languages.diagnostics.on(async (params, token) => {
  if (token.isCancellationRequested) return diagnosticsCancelled();
  const settings = await settingsFor(key(params.textDocument.uri));
  if (token.isCancellationRequested) return diagnosticsCancelled();
  return { kind: DocumentDiagnosticReportKind.Full, items: service.getDiagnostics(key(params.textDocument.uri), settings, locale) };
});

connection.onDocumentSymbol((params, token) => (token.isCancellationRequested ? cancelled() : service.getDocumentSymbols(key(params.textDocument.uri))));
connection.onFoldingRanges((params, token) => (token.isCancellationRequested ? cancelled() : service.getFoldingRanges(key(params.textDocument.uri))));
connection.onWorkspaceSymbol((params, token) => (token.isCancellationRequested ? cancelled() : service.getWorkspaceSymbols(params.query)));
connection.onHover((params, token) => service.getHover(key(params.textDocument.uri), params.position, locale, token));
connection.onDefinition((params, token) => {
  const links = service.getDefinition(key(params.textDocument.uri), params.position, token);
  return canLinkDefinitions ? links : links.map((l) => ({ uri: l.targetUri, range: l.targetSelectionRange }));
});
connection.onReferences((params, token) =>
  service.getReferences(key(params.textDocument.uri), params.position, params.context.includeDeclaration, token),
);
connection.onDocumentLinks((params, token) => service.getDocumentLinks(key(params.textDocument.uri), locale, token));
connection.onCompletion((params, token) => service.getCompletions(key(params.textDocument.uri), params.position, locale, token));
connection.onCodeAction((params, token) => service.getCodeActions(key(params.textDocument.uri), params.range, params.context, locale, token));
connection.onRequest('galley/parseResult', (params: { uri: string }) => service.getParseResult(key(params.uri)));

/**
 * What vscode-languageserver does itself for `--stdio` when it makes the reader, done here since
 * the server makes its own: exit when the client closes stdin (status 0 only after `shutdown`),
 * and send console output to the client's log, since stdout carries the protocol.
 */
function keepStdioConventions(): void {
  let shutdownReceived = false;
  connection.onShutdown(() => {
    shutdownReceived = true;
  });
  const exit = (): never => process.exit(shutdownReceived ? 0 : 1);
  process.stdin.on('end', exit);
  process.stdin.on('close', exit);
  const toClient = (log: (message: string) => void) => (...args: unknown[]) => log(format(...args));
  console.log = console.info = console.debug = toClient((m) => connection.console.log(m));
  console.warn = toClient((m) => connection.console.warn(m));
  console.error = toClient((m) => connection.console.error(m));
}

documents.listen(connection);
connection.listen();
