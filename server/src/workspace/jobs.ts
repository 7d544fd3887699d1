/**
 * The work the worker pool takes: indexing a page file for the server's workspace, checking an
 * issue folder for the command line. The same function runs a job in a worker or, where
 * workers cannot run, in the calling thread.
 */
import { indexPageFile, type Indexed } from './indexModel';
import { checkIssue, type CheckedIssue } from '../cli/checkIssue';

export type Job = { readonly kind: 'index'; readonly path: string; readonly uri: string } | { readonly kind: 'check'; readonly files: readonly string[] };

export type JobResult = Indexed | CheckedIssue;

/** Runs a job; never throws (a page that cannot be read or parsed is reported in the result). */
export function runJob(job: Job): JobResult {
  return job.kind === 'index' ? indexPageFile(job.path, job.uri) : checkIssue(job.files);
}
