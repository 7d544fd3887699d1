/**
 * Nothing reaches the network: a session over stdio with a workspace folder (indexed on worker
 * threads), every feature asked once, opens no connection and looks up no host.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { withDriver } from './driver';

const PRELOAD = path.join(__dirname, 'fixtures/reportNetwork.cjs');
const SAMPLES = path.join(__dirname, '../../samples');

test('a whole session opens no connection and looks up no host', { timeout: 60_000 }, async () => {
  await withDriver({ workspaceFolders: [SAMPLES], nodeArgs: ['--require', PRELOAD] }, async (d) => {
    const uri = await d.openFile(path.join(SAMPLES, '000_2600d985db85e4f0.news.txt'));
    const td = { textDocument: { uri } };
    const position = { line: 4, character: 3 };
    assert.ok((await d.diagnostics(uri)).length > 0);
    for (const [method, params] of [
      ['textDocument/documentSymbol', td],
      ['textDocument/foldingRange', td],
      ['textDocument/documentLink', td],
      ['textDocument/hover', { ...td, position }],
      ['textDocument/definition', { ...td, position }],
      ['textDocument/references', { ...td, position, context: { includeDeclaration: true } }],
      ['textDocument/completion', { ...td, position }],
      ['workspace/symbol', { query: '吕梁' }],
    ] as const) {
      await d.request(method, params);
    }
    assert.doesNotMatch(d.stderr, /GALLEY-NETWORK/);
  });
});

test('the preload does report a connection (the test above can fail)', { timeout: 30_000 }, async () => {
  const { spawnSync } = await import('node:child_process');
  const run = spawnSync(process.execPath, ['--require', PRELOAD, '-e', "require('node:net').connect(9, '127.0.0.1').on('error', () => {})"], { encoding: 'utf8' });
  assert.match(run.stderr, /GALLEY-NETWORK connect/);
});
