// The worker pool with its bundled worker (dist/worker.js, made by `npm run build`).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { URI } from 'vscode-uri';
import { WorkerPool } from '../../server/src/workspace/workerPool';
import { indexPageFile } from '../../server/src/workspace/indexModel';

const WORKER = join(__dirname, '../../dist/worker.js');
const SAMPLES = join(__dirname, '../../samples');

describe('worker pool threads', () => {
  let dir = '';
  let files: string[] = [];
  before(async () => {
    assert.ok(existsSync(WORKER), 'dist/worker.js is built (npm run build)');
    dir = await mkdtemp(join(tmpdir(), 'galley-pool-'));
    const samples = (await readdir(SAMPLES)).filter((f) => f.endsWith('.news.txt'));
    for (let k = 0; k < 8; k++) {
      const file = join(dir, `${String(k + 1).padStart(2, '0')}.news`);
      await copyFile(join(SAMPLES, samples[k % samples.length]), file);
      files.push(file);
    }
  });
  after(() => rm(dir, { recursive: true, force: true }));

  test('workers give the same index models as this thread, and report unreadable files', async () => {
    const pool = new WorkerPool(WORKER, 2);
    try {
      assert.equal(pool.workers, 0, 'no worker before the first job');
      const jobs = [...files, join(dir, 'missing.news')];
      const results = await Promise.all(jobs.map((f) => pool.index(f, URI.file(f).toString())));
      assert.equal(pool.workers, 2);
      jobs.forEach((f, k) => assert.deepEqual(results[k], indexPageFile(f, URI.file(f).toString()), f));
      assert.ok('error' in results[results.length - 1]);
    } finally {
      await pool.close();
    }
  });

  test('files queued when the workers end are indexed in this thread', async () => {
    const pool = new WorkerPool(WORKER, 1);
    const pending = files.map((f) => pool.index(f, URI.file(f).toString()));
    await pool.close();
    const results = await Promise.all(pending);
    assert.equal(pool.workers, 0);
    assert.ok(results.every((r) => 'page' in r && r.page.items.length > 0));
  });
});
