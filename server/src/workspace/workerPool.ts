/**
 * Runs jobs (see jobs.ts) on worker threads, one per core: a workspace of 10,000 pages is
 * indexed, and an archive checked, in parallel and off the thread that answers the editor.
 * Where workers cannot run (the worker script is missing, as under a test runner, or a worker
 * died) jobs run in this thread.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Indexed } from './indexModel';
import type { CheckedIssue } from '../cli/checkIssue';
import { runJob, type Job, type JobResult } from './jobs';

interface Pending {
  readonly job: Job;
  readonly resolve: (result: JobResult) => void;
}

/** The most workers a pool starts, whatever the core count. */
const MAX_WORKERS = 4;

export class WorkerPool {
  readonly #idle: Worker[] = [];
  /** A worker holds one job at a time, so its reply needs no id. */
  readonly #busy = new Map<Worker, Pending>();
  readonly #queue: Pending[] = [];

  /** @param script the bundled worker (dist/worker.js beside dist/server.js and dist/cli.js) */
  constructor(script = path.join(__dirname, 'worker.js'), size = Math.min(MAX_WORKERS, availableParallelism())) {
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

  /** Reads a page file and makes its index model. */
  index(file: string, uri: string): Promise<Indexed> {
    return this.#run({ kind: 'index', path: file, uri }) as Promise<Indexed>;
  }

  /** Checks the page files of one issue. */
  check(files: readonly string[]): Promise<CheckedIssue> {
    return this.#run({ kind: 'check', files }) as Promise<CheckedIssue>;
  }

  async close(): Promise<void> {
    const workers = [...this.#idle, ...this.#busy.keys()];
    this.#idle.length = 0;
    await Promise.all(workers.map((w) => w.terminate()));
  }

  /** Never rejects: jobs report their failures in their results. */
  #run(job: Job): Promise<JobResult> {
    if (this.workers === 0) return Promise.resolve(runJob(job));
    return new Promise((resolve) => {
      this.#queue.push({ job, resolve });
      this.#dispatch();
    });
  }

  #add(worker: Worker): void {
    worker.on('message', (result: JobResult) => {
      const pending = this.#busy.get(worker);
      this.#busy.delete(worker);
      this.#idle.push(worker);
      worker.unref();
      pending?.resolve(result);
      this.#dispatch();
    });
    const lose = (): void => {
      const pending = this.#busy.get(worker);
      this.#busy.delete(worker);
      const at = this.#idle.indexOf(worker);
      if (at >= 0) this.#idle.splice(at, 1);
      // The job the worker held runs here instead; the rest go to the workers left.
      if (pending) pending.resolve(runJob(pending.job));
      if (this.workers === 0) for (const p of this.#queue.splice(0)) p.resolve(runJob(p.job));
    };
    worker.on('error', lose);
    worker.on('exit', lose);
    // An idle worker never keeps the process alive (listeners ref it, so this comes after
    // them); a busy one does, until its result is in.
    worker.unref();
    this.#idle.push(worker);
  }

  #dispatch(): void {
    while (this.#idle.length > 0 && this.#queue.length > 0) {
      const worker = this.#idle.pop()!;
      const pending = this.#queue.shift()!;
      this.#busy.set(worker, pending);
      worker.ref();
      worker.postMessage(pending.job);
    }
  }
}
