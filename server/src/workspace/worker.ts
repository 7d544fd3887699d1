/**
 * A thread of the worker pool: a job in (a page file to index, an issue folder to check), its
 * result out. Files are read and parsed here, so neither their text nor the parse costs the
 * main thread anything, and every core is put to work.
 */
import { parentPort } from 'node:worker_threads';
import { runJob, type Job } from './jobs';

parentPort?.on('message', (job: Job) => {
  parentPort!.postMessage(runJob(job));
});
