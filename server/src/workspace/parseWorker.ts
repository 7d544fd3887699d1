/**
 * A worker thread of the parse pool: a page file's path in, the page's index model out. The
 * file is read and parsed here, so neither its text nor the parse costs the server's main
 * thread anything, and every core is put to work.
 */
import { parentPort } from 'node:worker_threads';
import { indexPageFile, type IndexJob } from './parsePool';

parentPort?.on('message', (job: IndexJob) => {
  parentPort!.postMessage(indexPageFile(job.path, job.uri));
});
