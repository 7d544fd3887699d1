/**
 * A small LSP client for protocol tests: it spawns the BUILT server (`node dist/server.js
 * --stdio`), speaks JSON-RPC to it, answers its requests and records everything it sends.
 *
 *     const d = await Driver.start({ settings: { galley: { diagnostics: { ignore: ['text-spaced'] } } } });
 *     await d.openFile('samples/000_2600d985db85e4f0.news.txt');   // waits until its issue is read
 *     const diags = await d.diagnostics(uri);                      // `textDocument/diagnostic`
 *     const mark = d.mark();
 *     await d.change(uri, text);
 *     await d.waitForRefresh(mark);                                 // `workspace/diagnostic/refresh`
 *     await d.stop();                                               // shutdown + exit, always
 *
 * Nothing here sleeps for a fixed time: every wait is on an event (a notification or request
 * from the server, a response, the child's exit) raced against a timeout that fails the test.
 * Every timer is cleared when its wait ends and `stop()` ends the child and all waits, so a
 * test file never outlives its tests.
 */
import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import {
  createProtocolConnection,
  type CancellationToken,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type ConfigurationParams,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type FileEvent,
  type InitializeParams,
  type InitializeResult,
  type MessageConnection,
  type ProtocolConnection,
  type WorkspaceFolder,
} from 'vscode-languageserver-protocol/node';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const SERVER_JS = path.join(REPO_ROOT, 'dist', 'server.js');
export const SAMPLES = path.join(REPO_ROOT, 'samples');
export const SAMPLE_000 = path.join(SAMPLES, '000_2600d985db85e4f0.news.txt');
export const SAMPLE_004 = path.join(SAMPLES, '004_f2a9e54971a23ea8.news.txt');

/** How long any one wait may take before it fails the test. */
export const DEFAULT_TIMEOUT_MS = 15_000;

/** The URI an editor sends for a file path (the form the server uses for pages read from disk). */
export function fileUri(p: string): string {
  return URI.file(path.resolve(REPO_ROOT, p)).toString();
}

/**
 * Something the server sent: a notification, a request it made of the client, or its response
 * to a request the test wrote itself with `writeRaw` (method '', params the whole response).
 */
export interface ServerEvent {
  readonly seq: number;
  readonly kind: 'notification' | 'request' | 'response';
  readonly method: string;
  readonly params: unknown;
}

/** A response as JSON-RPC sends it. */
export interface RawResponse {
  readonly id: string | number | null;
  readonly result?: unknown;
  readonly error?: { readonly code: number; readonly message: string };
}

/**
 * One base-protocol frame: `Content-Length` and the body. `contentLength` overrides the
 * header's value, to write a header that lies.
 */
export function frame(body: string | Buffer, contentLength?: number): Buffer {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  return Buffer.concat([Buffer.from(`Content-Length: ${contentLength ?? bytes.length}\r\n\r\n`, 'ascii'), bytes]);
}

type Settings = Record<string, unknown>;

export interface DriverOptions {
  /** The settings tree answered to `workspace/configuration`, e.g. `{ galley: { diagnostics: {…} } }`. */
  readonly settings?: Settings;
  /** Workspace folders (paths) sent in `initialize`; none by default. */
  readonly workspaceFolders?: readonly string[];
  /** `initialize`'s locale. */
  readonly locale?: string;
  /** Node options for the server process, before the script (e.g. `--require` a preload). */
  readonly nodeArgs?: readonly string[];
  /** Client capabilities merged over the defaults (shallowly, per top-level key). */
  readonly capabilities?: ClientCapabilities;
  /**
   * How the client answers a server request; return a value or throw. The default answers
   * `workspace/configuration` from the settings and everything else with null.
   */
  readonly onServerRequest?: (method: string, params: unknown, driver: Driver) => unknown;
  /** Wait for the `galley/status` that ends the workspace index after `initialized` (default true). */
  readonly waitForIndex?: boolean;
  /** Per-wait timeout. */
  readonly timeoutMs?: number;
}

/** The client capabilities a full-featured editor sends. */
export const DEFAULT_CAPABILITIES: ClientCapabilities = {
  workspace: {
    configuration: true,
    workspaceFolders: true,
    didChangeConfiguration: { dynamicRegistration: false },
    didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
    diagnostics: { refreshSupport: true },
    symbol: { dynamicRegistration: false },
  },
  textDocument: {
    synchronization: { dynamicRegistration: false, didSave: true },
    diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    foldingRange: { lineFoldingOnly: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    definition: { linkSupport: true },
    references: {},
    documentLink: { tooltipSupport: true },
    completion: { completionItem: { snippetSupport: false, documentationFormat: ['markdown', 'plaintext'] } },
    codeAction: {
      codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source'] } },
      dataSupport: true,
      resolveSupport: { properties: ['edit'] },
    },
  },
  window: { workDoneProgress: false },
  general: { positionEncodings: ['utf-16'] },
};

interface Waiter {
  readonly after: number;
  readonly match: (e: ServerEvent) => boolean;
  readonly resolve: (e: ServerEvent) => void;
  readonly reject: (err: Error) => void;
}

export class Driver {
  readonly connection: ProtocolConnection;
  readonly child: ChildProcessWithoutNullStreams;
  initializeResult!: InitializeResult;
  /** Everything the server sent, in order. */
  readonly events: ServerEvent[] = [];
  /** The settings tree `workspace/configuration` is answered from. */
  settings: Settings;
  /** Per-document settings trees, by scope URI; they win over `settings`. */
  readonly scopedSettings = new Map<string, Settings>();
  readonly timeoutMs: number;

  #stderr = '';
  #seq = 0;
  #stopped = false;
  #exitCode: number | null | undefined = undefined;
  readonly #exited: Promise<number | null>;
  readonly #waiters = new Set<Waiter>();
  readonly #timers = new Set<NodeJS.Timeout>();
  readonly #versions = new Map<string, number>();
  readonly #onServerRequest?: DriverOptions['onServerRequest'];
  readonly #canRefresh: boolean;

  private constructor(options: DriverOptions) {
    if (!existsSync(SERVER_JS)) throw new Error(`${SERVER_JS} is missing: run \`npm run build\` first`);
    this.settings = options.settings ?? {};
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#onServerRequest = options.onServerRequest;
    const workspace = { ...DEFAULT_CAPABILITIES, ...options.capabilities }.workspace;
    this.#canRefresh = workspace?.diagnostics?.refreshSupport === true;
    this.child = spawn(process.execPath, [...(options.nodeArgs ?? []), SERVER_JS, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr.setEncoding('utf8');
    this.child.stderr.on('data', (chunk: string) => {
      this.#stderr = (this.#stderr + chunk).slice(-64_000);
    });
    this.#exited = new Promise((resolve) => {
      this.child.on('exit', (code, signal) => {
        this.#exitCode = code;
        if (!this.#stopped) this.#failAll(new Error(`the server exited unexpectedly (code ${code}, signal ${signal})${this.#stderrTail()}`));
        resolve(code);
      });
      this.child.on('error', (err) => {
        this.#failAll(new Error(`could not run the server: ${err.message}`));
        resolve(null);
      });
    });
    // A write after the child died must not crash the test process.
    this.child.stdin.on('error', () => undefined);

    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout), new StreamMessageWriter(this.child.stdin));
    // createProtocolConnection returns a vscode-jsonrpc MessageConnection, whose catch-all
    // handlers ProtocolConnection's type does not list: they record every method the server sends.
    const raw = this.connection as unknown as MessageConnection;
    raw.onNotification((method: string, params: unknown) => {
      this.#record('notification', method, params);
    });
    raw.onRequest((method: string, params: unknown) => {
      this.#record('request', method, params);
      if (this.#onServerRequest) return this.#onServerRequest(method, params, this);
      return this.defaultAnswer(method, params);
    });
    this.connection.onError(() => undefined);
    this.connection.listen();
    // A second reader on the same output sees the responses to requests written with
    // `writeRaw` (their ids are strings; the connection's own are numbers and it answers those)
    // and any response with a null id (JSON-RPC's answer to a message it could not read).
    new StreamMessageReader(this.child.stdout).listen((message) => {
      const m = message as { id?: unknown; method?: unknown };
      if ((typeof m.id === 'string' || m.id === null) && m.method === undefined) this.#record('response', '', message);
    });
  }

  /** Spawns the server and runs `initialize` + `initialized`. */
  static async start(options: DriverOptions = {}): Promise<Driver> {
    const d = new Driver(options);
    try {
      const folders: WorkspaceFolder[] = (options.workspaceFolders ?? []).map((f) => ({ uri: fileUri(f), name: path.basename(f) }));
      const capabilities: ClientCapabilities = { ...DEFAULT_CAPABILITIES, ...options.capabilities };
      const params: InitializeParams = {
        processId: process.pid,
        clientInfo: { name: 'galley-protocol-tests' },
        locale: options.locale ?? 'en',
        rootUri: folders[0]?.uri ?? null,
        workspaceFolders: folders.length > 0 ? folders : null,
        capabilities,
      };
      d.initializeResult = await d.request<InitializeResult>('initialize', params);
      const mark = d.mark();
      await d.notify('initialized', {});
      // After `initialized` the server indexes the workspace folders and reports the page
      // count; waiting for it keeps that status apart from the one a later didOpen sends.
      if (options.waitForIndex !== false) await d.settled(mark);
      return d;
    } catch (err) {
      await d.stop();
      throw err;
    }
  }

  /** The default answer to a server request: configuration from the settings, else null. */
  defaultAnswer(method: string, params: unknown): unknown {
    if (method === 'workspace/configuration') {
      return (params as ConfigurationParams).items.map((item) => {
        const tree = (item.scopeUri !== undefined && this.scopedSettings.get(item.scopeUri)) || this.settings;
        return lookup(tree, item.section);
      });
    }
    return null;
  }

  get stderr(): string {
    return this.#stderr;
  }

  /** The `seq` of the last event so far: pass it to a `waitFor…` to wait for what comes after. */
  mark(): number {
    return this.#seq;
  }

  /** Events of one method, optionally only those after a mark. */
  eventsOf(method: string, after = 0): ServerEvent[] {
    return this.events.filter((e) => e.method === method && e.seq > after);
  }

  /** Resolves with the first event after `after` that matches; rejects after the timeout. */
  waitFor(what: string, match: (e: ServerEvent) => boolean, after = 0, timeoutMs = this.timeoutMs): Promise<ServerEvent> {
    const found = this.events.find((e) => e.seq > after && match(e));
    if (found) return Promise.resolve(found);
    if (this.#stopped || this.#exitCode !== undefined) return Promise.reject(new Error(`waiting for ${what}: the server is not running${this.#stderrTail()}`));
    let waiter: Waiter | undefined;
    const wait = new Promise<ServerEvent>((resolve, reject) => {
      waiter = { after, match, resolve, reject };
      this.#waiters.add(waiter);
    });
    return this.#withTimeout(wait, timeoutMs, `waiting for ${what}`).finally(() => {
      if (waiter) this.#waiters.delete(waiter);
    });
  }

  waitForNotification(method: string, after = 0, timeoutMs?: number): Promise<ServerEvent> {
    return this.waitFor(`notification ${method}`, (e) => e.kind === 'notification' && e.method === method, after, timeoutMs);
  }

  waitForServerRequest(method: string, after = 0, timeoutMs?: number): Promise<ServerEvent> {
    return this.waitFor(`request ${method}`, (e) => e.kind === 'request' && e.method === method, after, timeoutMs);
  }

  /** The next `workspace/diagnostic/refresh` after a mark. */
  waitForRefresh(after: number, timeoutMs?: number): Promise<ServerEvent> {
    return this.waitForServerRequest('workspace/diagnostic/refresh', after, timeoutMs);
  }

  /** The next `galley/status` after a mark; resolves with its params. */
  async waitForStatus(after: number, timeoutMs?: number): Promise<{ pages: number }> {
    return (await this.waitForNotification('galley/status', after, timeoutMs)).params as { pages: number };
  }

  /**
   * Sends a request; fails on timeout or if the server dies first. Cancelling `token` sends
   * `$/cancelRequest`; the promise still settles with the server's answer.
   */
  request<R = unknown>(method: string, params: unknown, timeoutMs = this.timeoutMs, token?: CancellationToken): Promise<R> {
    const sent = (token ? this.connection.sendRequest(method, params, token) : this.connection.sendRequest(method, params)) as Promise<R>;
    const died = this.#exited.then((code) => {
      throw new Error(`request ${method}: the server exited (code ${code})${this.#stderrTail()}`);
    });
    died.catch(() => undefined);
    return this.#withTimeout(Promise.race([sent, died]), timeoutMs, `request ${method}`);
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  /**
   * Writes bytes to the server's stdin as they are, past the connection: bad frames, lying
   * headers. Await the connection's own sends first, so the two never interleave.
   */
  writeRaw(bytes: Buffer | string): Promise<void> {
    return new Promise((resolve, reject) => this.child.stdin.write(bytes, (err) => (err ? reject(err) : resolve())));
  }

  /** The server's response to a request written with `writeRaw` under a string id. */
  async waitForResponse(id: string, timeoutMs?: number): Promise<RawResponse> {
    const match = (e: ServerEvent) => e.kind === 'response' && (e.params as RawResponse).id === id;
    return (await this.waitFor(`the response to ${id}`, match, 0, timeoutMs)).params as RawResponse;
  }

  /** The server process's resident memory in MB (`VmRSS`; `ps` where there is no /proc). */
  rssMB(): number {
    const pid = this.child.pid;
    if (pid === undefined) throw new Error('the server is not running');
    const status = `/proc/${pid}/status`;
    if (existsSync(status)) {
      const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(status, 'utf8'));
      if (kb) return Number(kb[1]) / 1024;
    }
    return Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim()) / 1024;
  }

  /** How many threads the server process runs (`Threads` in /proc; `ps` where there is no /proc). */
  threadCount(): number {
    const pid = this.child.pid;
    if (pid === undefined) throw new Error('the server is not running');
    const status = `/proc/${pid}/status`;
    if (existsSync(status)) {
      const m = /^Threads:\s+(\d+)/m.exec(readFileSync(status, 'utf8'));
      if (m) return Number(m[1]);
    }
    return Number(execFileSync('ps', ['-o', 'nlwp=', '-p', String(pid)], { encoding: 'utf8' }).trim());
  }

  // ---- documents -------------------------------------------------------------------------

  /** Opens a document; by default waits until the server has read its issue (see `settled`). */
  async open(uri: string, text: string, options: { languageId?: string; version?: number; wait?: boolean } = {}): Promise<void> {
    const version = options.version ?? 1;
    this.#versions.set(uri, version);
    const mark = this.mark();
    await this.notify('textDocument/didOpen', { textDocument: { uri, languageId: options.languageId ?? 'newspaper', version, text } });
    if (options.wait !== false) await this.settled(mark);
  }

  /**
   * Waits for the `galley/status` after a mark and, when the client can take refreshes, the
   * `workspace/diagnostic/refresh` that follows it: the server sends both once it has read the
   * pages of a folder (after `initialized`, didOpen and watched-file changes). Waiting for the
   * refresh too keeps it from being taken for the refresh of a later change.
   */
  async settled(mark: number): Promise<{ pages: number }> {
    const status = await this.waitForNotification('galley/status', mark);
    if (this.#canRefresh) await this.waitForRefresh(status.seq);
    return status.params as { pages: number };
  }

  /** Opens a file with its text from disk; returns its URI. */
  async openFile(p: string, options: { wait?: boolean } = {}): Promise<string> {
    const uri = fileUri(p);
    await this.open(uri, readFileSync(path.resolve(REPO_ROOT, p), 'utf8'), options);
    return uri;
  }

  /** Replaces a document's whole text (a full-content change). */
  async change(uri: string, text: string): Promise<void> {
    const version = (this.#versions.get(uri) ?? 1) + 1;
    this.#versions.set(uri, version);
    await this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  /** Applies one ranged (incremental) change. */
  async edit(uri: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }, text: string): Promise<void> {
    const version = (this.#versions.get(uri) ?? 1) + 1;
    this.#versions.set(uri, version);
    await this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
  }

  async close(uri: string): Promise<void> {
    this.#versions.delete(uri);
    await this.notify('textDocument/didClose', { textDocument: { uri } });
  }

  async filesChanged(changes: FileEvent[]): Promise<void> {
    await this.notify('workspace/didChangeWatchedFiles', { changes });
  }

  /** Sets the settings tree and tells the server (`workspace/didChangeConfiguration`). */
  async changeConfiguration(settings: Settings): Promise<void> {
    this.settings = settings;
    await this.notify('workspace/didChangeConfiguration', { settings });
  }

  /** Pulls a document's diagnostics (`textDocument/diagnostic`); expects a full report. */
  async diagnostics(uri: string): Promise<Diagnostic[]> {
    const report = await this.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
    if (report.kind !== 'full') throw new Error(`expected a full diagnostic report, got ${JSON.stringify(report)}`);
    return report.items;
  }

  // ---- shutdown --------------------------------------------------------------------------

  /**
   * `shutdown` + `exit`, then waits for the child to go; kills it if it does not. Always ends
   * every pending wait and timer. Returns the child's exit code (null if it had to be killed).
   * Safe to call more than once.
   */
  async stop(): Promise<number | null> {
    if (this.#stopped) return this.#exited;
    this.#stopped = true;
    try {
      if (this.#exitCode === undefined) {
        await this.#withTimeout(Promise.race([this.connection.sendRequest('shutdown'), this.#exited]), 5_000, 'request shutdown').catch(() => undefined);
        await this.connection.sendNotification('exit').catch(() => undefined);
        const exited = await this.#withTimeout(this.#exited, 5_000, 'the server to exit').catch(() => 'timeout' as const);
        if (exited === 'timeout') {
          this.child.kill('SIGKILL');
          await this.#exited;
        }
      }
    } finally {
      this.#failAll(new Error('the driver was stopped'));
      for (const t of this.#timers) clearTimeout(t);
      this.#timers.clear();
      this.connection.dispose();
      this.child.stdin.destroy();
      this.child.stdout.destroy();
      this.child.stderr.destroy();
      if (this.#exitCode === undefined) this.child.kill('SIGKILL');
    }
    return this.#exitCode ?? null;
  }

  // ---- internals -------------------------------------------------------------------------

  #record(kind: ServerEvent['kind'], method: string, params: unknown): void {
    const event: ServerEvent = { seq: ++this.#seq, kind, method, params };
    this.events.push(event);
    for (const w of [...this.#waiters]) {
      if (event.seq > w.after && w.match(event)) {
        this.#waiters.delete(w);
        w.resolve(event);
      }
    }
  }

  #failAll(err: Error): void {
    for (const w of this.#waiters) w.reject(err);
    this.#waiters.clear();
  }

  #stderrTail(): string {
    const tail = this.#stderr.trim().slice(-2_000);
    return tail ? `\nserver stderr:\n${tail}` : '';
  }

  /** Races a promise against a timer; the timer is always cleared and never keeps Node alive. */
  #withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms ${what}${this.#stderrTail()}`)), ms);
      timer.unref();
      this.#timers.add(timer);
    });
    return Promise.race([promise, timeout]).finally(() => {
      if (timer) {
        clearTimeout(timer);
        this.#timers.delete(timer);
      }
    });
  }
}

function lookup(tree: Settings, section: string | undefined): unknown {
  if (!section) return tree;
  let node: unknown = tree;
  for (const key of section.split('.')) {
    if (node === null || typeof node !== 'object' || !(key in node)) return null;
    node = (node as Record<string, unknown>)[key];
  }
  return node ?? null;
}

/** Runs `fn` with a started driver and always stops it. */
export async function withDriver<T>(options: DriverOptions, fn: (d: Driver) => Promise<T>): Promise<T> {
  const d = await Driver.start(options);
  try {
    return await fn(d);
  } finally {
    await d.stop();
  }
}

/** The diagnostics of one code. */
export function ofCode(diags: readonly Diagnostic[], code: string): Diagnostic[] {
  return diags.filter((d) => d.code === code);
}

/** A short summary of diagnostics for assertion messages: `code@line`, 1-based lines. */
export function summarize(diags: readonly Diagnostic[]): string {
  return diags.map((d) => `${d.code}@${d.range.start.line + 1}`).join(', ') || '(none)';
}

// ---- a two-page issue ----------------------------------------------------------------------

/** Page 1 of a small issue: one story continued on page 4, with a figure to hover. */
export const PAGE_01 = [
  '第01版：要闻',
  '',
  '市长调研重点工程建设',
  '',
  '本报讯（记者 王涛）6月21日，市长深入吕梁新区部分重点工程现场督导调研。项目总投资2.242亿元。他强调，要加快推进项目建设，确保工程按期完工，（下转4版）',
  '',
].join('\n');
/** Page 4: the continuation from page 1, then a story of its own. */
export const PAGE_04 = [
  '（上接1版）早日建成投用，更好地服务群众。',
  '',
  '全市防汛工作会议召开',
  '',
  '本报讯 会议要求各地压实责任，做好防汛各项准备工作。',
  '',
].join('\n');
/** Where page 1's jump line stands. */
export const JUMP = '（下转4版）';
export const JUMP_LINE = 4;
export const JUMP_CHAR = PAGE_01.split('\n')[JUMP_LINE]!.indexOf(JUMP);
