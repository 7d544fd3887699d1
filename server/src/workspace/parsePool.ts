/**
 * Reads and parses page files on worker threads, one per core: a workspace of 10,000 pages is
 * indexed in parallel and off the thread that answers the editor. Where workers cannot run
 * (the worker script is missing, as under a test runner, or a worker died) pages are indexed
 * in this thread.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Page } from '../core/model';
import { parseDocument } from '../core/parsePage';
import { readPageSync } from '../cli/readPage';
import { indexModel } from './indexModel';

/** A worker holds one job at a time, so its reply needs no id. */
export interface IndexJob {
  readonly path: string;
  readonly uri: string;
}

/** A page file indexed: its index model, or why it could not be read. */
export type Indexed = { readonly page: Page } | { readonly error: string };

/** Reads a page file and makes its index model; never throws. */
export function indexPageFile(file: string, uri: string): Indexed {
  const read = readPageSync(file);
  if (!read.ok) return { error: read.error };
  try {
    return { page: indexModel(parseDocument(read.text, uri).page) };
  } catch (e) {
    return { error: `could not be parsed: ${e instanceof Error ? e.message : String(e)}` };
  }
}

interface Pending {
  readonly job: IndexJob;
  readonly resolve: (result: Indexed) => void;
}

/** The most workers a pool starts, whatever the core count. */
const MAX_WORKERS = 4;

export class ParsePool {
  readonly #idle: Worker[] = [];
  readonly #busy = new Map<Worker, Pending>();
  readonly #queue: Pending[] = [];

  /** @param script the bundled worker (dist/parseWorker.js beside dist/server.js) */
  constructor(script = path.join(__dirname, 'parseWorker.js'), size = Math.min(MAX_WORKERS, availableParallelism())) {
    if (!existsSync(script)) return;
    for (let k = 0; k < size; k++) {
      try {
        this.#add(new Worker(script));
      } catch {
        break;
      }
    }
  }

  get workers(): number {
    return this.#idle.length + this.#busy.size;
  }

  /** Reads and parses a page file; never rejects. */
  index(file: string, uri: string): Promise<Indexed> {
    if (this.workers === 0) return Promise.resolve(indexPageFile(file, uri));
    return new Promise((resolve) => {
      this.#queue.push({ job: { path: file, uri }, resolve });
      this.#dispatch();
    });
  }

  async close(): Promise<void> {
    const workers = [...this.#idle, ...this.#busy.keys()];
    this.#idle.length = 0;
    await Promise.all(workers.map((w) => w.terminate()));
  }

  #add(worker: Worker): void {
    // The pool never keeps the server alive: it ends when the connection does.
    worker.unref();
    worker.on('message', (reply: Indexed) => {
      const pending = this.#busy.get(worker);
      this.#busy.delete(worker);
      this.#idle.push(worker);
      pending?.resolve(reply);
      this.#dispatch();
    });
    const lose = (): void => {
      const pending = this.#busy.get(worker);
      this.#busy.delete(worker);
      const at = this.#idle.indexOf(worker);
      if (at >= 0) this.#idle.splice(at, 1);
      // The file the worker held is indexed here instead; the rest go to the workers left.
      if (pending) pending.resolve(indexPageFile(pending.job.path, pending.job.uri));
      if (this.workers === 0) for (const p of this.#queue.splice(0)) p.resolve(indexPageFile(p.job.path, p.job.uri));
    };
    worker.on('error', lose);
    worker.on('exit', lose);
    this.#idle.push(worker);
  }

  #dispatch(): void {
    while (this.#idle.length > 0 && this.#queue.length > 0) {
      const worker = this.#idle.pop()!;
      const pending = this.#queue.shift()!;
      this.#busy.set(worker, pending);
      worker.postMessage(pending.job);
    }
  }
}
