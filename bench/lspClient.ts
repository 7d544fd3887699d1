/**
 * A minimal LSP client for the benchmark: spawns `node dist/server.js --stdio` and talks to it
 * with vscode-languageserver-protocol, the way an editor does. Every wait is bounded.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import {
  createProtocolConnection,
  DiagnosticRefreshRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  ShutdownRequest,
  type ClientCapabilities,
  type InitializeResult,
  type ProtocolConnection,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';

/**
 * Node options for the server and the CLI, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile
 * them (a profile is written when the process exits normally, as it does on shutdown/exit).
 */
export const SERVER_NODE_ARGS: readonly string[] = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);

/** Every child process started here, so that an early exit can end them. */
export const children = new Set<ChildProcess>();

export function killChildren(): void {
  for (const c of children) {
    if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  }
  children.clear();
}

export class TimeoutError extends Error {}

export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const t = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([p, t]).finally(() => clearTimeout(timer));
}

const CAPABILITIES: ClientCapabilities = {
  workspace: {
    diagnostics: { refreshSupport: true },
    workspaceFolders: false,
    configuration: false,
    didChangeWatchedFiles: { dynamicRegistration: false },
    symbol: { dynamicRegistration: false },
  },
  textDocument: {
    synchronization: { dynamicRegistration: false, didSave: false },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    foldingRange: { lineFoldingOnly: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
  },
};

interface Waiter {
  readonly test: () => boolean;
  readonly resolve: () => void;
}

export class LspServer {
  readonly proc: ChildProcess;
  readonly conn: ProtocolConnection;
  /** When `spawn` was called (performance.now()). */
  readonly spawnedAt: number;
  capabilities: InitializeResult['capabilities'] | undefined;
  /** `workspace/diagnostic/refresh` requests received, with the time of each. */
  readonly refreshes: number[] = [];
  /** The last `galley/status` page count, and when it came. */
  status: { pages: number; at: number } | null = null;
  stderr = '';
  #waiters: Waiter[] = [];
  #versions = new Map<string, number>();

  private constructor(serverJs: string, extraArgs: readonly string[]) {
    this.spawnedAt = performance.now();
    this.proc = spawn(process.execPath, [...SERVER_NODE_ARGS, serverJs, '--stdio', ...extraArgs], { stdio: ['pipe', 'pipe', 'pipe'] });
    children.add(this.proc);
    this.proc.once('exit', () => children.delete(this.proc));
    this.proc.stderr!.on('data', (d: Buffer) => {
      if (this.stderr.length < 20_000) this.stderr += d.toString();
    });
    this.conn = createProtocolConnection(this.proc.stdout!, this.proc.stdin!);
    this.conn.onRequest(DiagnosticRefreshRequest.type, () => {
      this.refreshes.push(performance.now());
      this.#poke();
    });
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onRequest('window/workDoneProgress/create', () => null);
    this.conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
    this.conn.onNotification('galley/status', (p: { pages: number }) => {
      this.status = { pages: p.pages, at: performance.now() };
      this.#poke();
    });
    this.conn.onNotification('window/logMessage', () => {});
    this.conn.onNotification('window/showMessage', () => {});
    this.conn.onError(() => {});
    this.conn.listen();
  }

  /** Starts a server and initializes it; `initMs` is from spawn to the initialize result. */
  static async start(serverJs: string, opts: { rootUri?: string; timeoutMs?: number; args?: string[] } = {}): Promise<{ server: LspServer; initMs: number; initRequestMs: number }> {
    const server = new LspServer(serverJs, opts.args ?? []);
    const t0 = performance.now();
    const result = await withTimeout(
      server.conn.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: opts.rootUri ?? null,
        capabilities: CAPABILITIES,
        workspaceFolders: opts.rootUri ? [{ uri: opts.rootUri, name: 'bench' }] : null,
        locale: 'en',
      }),
      opts.timeoutMs ?? 20_000,
      'initialize',
    );
    const t1 = performance.now();
    server.capabilities = result.capabilities;
    await server.conn.sendNotification(InitializedNotification.type, {});
    return { server, initMs: t1 - server.spawnedAt, initRequestMs: t1 - t0 };
  }

  #poke(): void {
    const ready = this.#waiters.filter((w) => w.test());
    this.#waiters = this.#waiters.filter((w) => !ready.includes(w));
    for (const w of ready) w.resolve();
  }

  /** Resolves when `test` holds (checked on each refresh and status message). */
  waitUntil(test: () => boolean, timeoutMs: number, what: string): Promise<void> {
    if (test()) return Promise.resolve();
    const p = new Promise<void>((resolve) => this.#waiters.push({ test, resolve }));
    return withTimeout(p, timeoutMs, what);
  }

  /** Resolves with the time of the first refresh request after `count` had been received. */
  async nextRefresh(count: number, timeoutMs: number): Promise<number> {
    await this.waitUntil(() => this.refreshes.length > count, timeoutMs, 'workspace/diagnostic/refresh');
    return this.refreshes[count];
  }

  request<R>(method: string, params: unknown, timeoutMs = 30_000): Promise<R> {
    return withTimeout(this.conn.sendRequest(method, params) as Promise<R>, timeoutMs, method);
  }

  async open(uri: string, text: string): Promise<void> {
    this.#versions.set(uri, 1);
    await this.conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'newspaper', version: 1, text } });
  }

  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    const version = (this.#versions.get(uri) ?? 1) + 1;
    this.#versions.set(uri, version);
    await this.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
  }

  /** Peak resident set size of the server process so far (VmHWM), in bytes. */
  peakRss(): number {
    return procStatusBytes(this.proc.pid, 'VmHWM');
  }

  /** Shuts the server down; kills it when it does not exit within `timeoutMs`. */
  async stop(timeoutMs = 5_000): Promise<void> {
    const exited = new Promise<void>((resolve) => {
      if (this.proc.exitCode !== null || this.proc.signalCode !== null) resolve();
      else this.proc.once('exit', () => resolve());
    });
    try {
      await withTimeout(this.conn.sendRequest(ShutdownRequest.type), timeoutMs, 'shutdown');
      await this.conn.sendNotification(ExitNotification.type);
      await withTimeout(exited, timeoutMs, 'exit');
    } catch {
      this.proc.kill('SIGKILL');
      await withTimeout(exited, timeoutMs, 'kill').catch(() => {});
    } finally {
      this.conn.dispose();
      children.delete(this.proc);
    }
  }
}

/** A field of /proc/<pid>/status in bytes (kB in the file), or NaN when it cannot be read. */
export function procStatusBytes(pid: number | undefined, field: 'VmHWM' | 'VmRSS'): number {
  if (pid === undefined) return NaN;
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : NaN;
  } catch {
    return NaN;
  }
}
