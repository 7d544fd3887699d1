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
/**
 * Jobs a worker holds at once: the next one waits in its inbox while it works on the first,
 * so it never sits idle while this thread takes in a result.
 */
const JOBS_PER_WORKER = 2;

export class WorkerPool {
  readonly #workers: Worker[] = [];
  /** Each worker's jobs, in the order it answers them: a reply needs no id. */
  readonly #held = new Map<Worker, Pending[]>();
  readonly #queue: Pending[] = [];
  readonly #script: string;
  readonly #size: number;
  #started = false;

  /**
   * Workers start with the first job: a server that only ever sees single open pages never
   * pays for them.
   * @param script the bundled worker (dist/worker.js beside dist/server.js and dist/cli.js)
   */
  constructor(script = path.join(__dirname, 'worker.js'), size = Math.min(MAX_WORKERS, availableParallelism())) {
    this.#script = script;
    this.#size = size;
  }

  /** Workers running (none before the first job, nor where they cannot run). */
  get workers(): number {
    return this.#workers.length;
  }

  #start(): void {
    this.#started = true;
    if (!existsSync(this.#script)) return;
    for (let k = 0; k < this.#size; k++) {
      try {
        this.#add(new Worker(this.#script));
      } catch {
        break;
      }
    }
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
    await Promise.all([...this.#workers].map((w) => w.terminate()));
  }

  /** Never rejects: jobs report their failures in their results. */
  #run(job: Job): Promise<JobResult> {
    if (!this.#started) this.#start();
    if (this.workers === 0) return Promise.resolve(runJob(job));
    return new Promise((resolve) => {
      this.#queue.push({ job, resolve });
      this.#dispatch();
    });
  }

  #add(worker: Worker): void {
    this.#workers.push(worker);
    this.#held.set(worker, []);
    worker.on('message', (result: JobResult) => {
      const held = this.#held.get(worker);
      held?.shift()?.resolve(result);
      if (held?.length === 0) worker.unref();
      this.#dispatch();
    });
    const lose = (): void => {
      const held = this.#held.get(worker) ?? [];
      this.#held.delete(worker);
      const at = this.#workers.indexOf(worker);
      if (at >= 0) this.#workers.splice(at, 1);
      // The jobs the worker held run here instead; the rest go to the workers left.
      for (const p of held) p.resolve(runJob(p.job));
      if (this.workers === 0) for (const p of this.#queue.splice(0)) p.resolve(runJob(p.job));
      else this.#dispatch();
    };
    worker.on('error', lose);
    worker.on('exit', lose);
    // An idle worker never keeps the process alive (listeners ref it, so this comes after
    // them); a busy one does, until its results are in.
    worker.unref();
  }

  #dispatch(): void {
    for (let round = 0; round < JOBS_PER_WORKER && this.#queue.length > 0; round++) {
      for (const worker of this.#workers) {
        const held = this.#held.get(worker)!;
        if (held.length > round || this.#queue.length === 0) continue;
        const pending = this.#queue.shift()!;
        held.push(pending);
        worker.ref();
        worker.postMessage(pending.job);
      }
    }
  }
}
