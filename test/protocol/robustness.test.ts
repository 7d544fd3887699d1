/**
 * Robustness at the protocol level: unknown methods, documents the server never saw, a huge
 * single-line document, the client answering the server's own requests with errors, and the
 * shutdown handshake.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ResponseError, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver-protocol/node';
import { DEFAULT_CAPABILITIES, Driver, SAMPLE_000, SAMPLE_004, fileUri, withDriver } from './driver';
import { MAX_PAGE_LENGTH } from '../../server/src/core/limits';

const METHOD_NOT_FOUND = -32601;
/** A document in a folder that does not exist: no siblings to read. */
const NOWHERE = 'file:///nonexistent-galley-folder';

const isEmpty = (r: unknown) => r === null || (Array.isArray(r) && r.length === 0);

describe('robustness', () => {
  let d: Driver;
  let uri000: string;
  before(async () => {
    d = await Driver.start();
    uri000 = await d.openFile(SAMPLE_000);
  });
  after(async () => {
    await d?.stop();
  });

  test('an unknown request gets a MethodNotFound error and the server stays up', async () => {
    await assert.rejects(d.request('galley/noSuchMethod', { uri: uri000 }), (err: unknown) => {
      assert.ok(err instanceof ResponseError, String(err));
      assert.equal(err.code, METHOD_NOT_FOUND);
      return true;
    });
    await assert.rejects(d.request('textDocument/noSuchFeature', { textDocument: { uri: uri000 } }));
    const symbols = await d.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: uri000 } });
    assert.ok(symbols.length > 0);
  });

  test('an unknown notification is ignored', async () => {
    await d.notify('galley/noSuchNotification', { x: 1 });
    await d.notify('$/noSuchThing', {});
    const symbols = await d.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: uri000 } });
    assert.ok(symbols.length > 0);
  });

  test('requests for a document never opened: empty results, no crash', async () => {
    const uri = `${NOWHERE}/never-opened.news`;
    const textDocument = { uri };
    assert.ok(isEmpty(await d.request('textDocument/documentSymbol', { textDocument })));
    assert.ok(isEmpty(await d.request('textDocument/foldingRange', { textDocument })));
    assert.deepEqual(await d.diagnostics(uri), []);
    assert.equal(await d.request('galley/parseResult', { uri }), null);
    // Other schemes too.
    assert.ok(isEmpty(await d.request('textDocument/documentSymbol', { textDocument: { uri: 'untitled:Untitled-1' } })));
    // And the server still works.
    assert.ok((await d.diagnostics(uri000)).length > 0);
  });

  test('malformed params get an error answer, not a crash', async () => {
    await d.request('textDocument/documentSymbol', {}).catch(() => undefined);
    await d.request('galley/parseResult', null).catch(() => undefined);
    await d.request('textDocument/diagnostic', { textDocument: {} }).catch(() => undefined);
    await d.request('workspace/symbol', {}).catch(() => undefined);
    assert.ok((await d.diagnostics(uri000)).length > 0, 'the server is still up');
  });

  test('a change to a document never opened is ignored', async () => {
    await d.notify('textDocument/didChange', { textDocument: { uri: `${NOWHERE}/x.news`, version: 2 }, contentChanges: [{ text: '（下转4版）' }] });
    await d.notify('textDocument/didClose', { textDocument: { uri: `${NOWHERE}/y.news` } });
    assert.ok((await d.diagnostics(uri000)).length > 0, 'the server is still up');
  });

  test('an empty document and a whitespace-only document', async () => {
    for (const [name, text] of [['empty', ''], ['blank', '\n\n   \n\t\n'], ['crlf', '\r\n\r\n'], ['bom', '\uFEFF']] as const) {
      const uri = `${NOWHERE}/${name}.news`;
      await d.open(uri, text);
      assert.ok(isEmpty(await d.request('textDocument/documentSymbol', { textDocument: { uri } })), name);
      assert.ok(Array.isArray(await d.diagnostics(uri)), name);
      await d.close(uri);
    }
  });
});

describe('a 10 MB single-line document', () => {
  test('opens, and documentSymbol, folding and diagnostics answer', { timeout: 600_000 }, async () => {
    // Real page text with its line breaks taken out, repeated to 10 MB: one line, with the
    // sample's jump lines, figures, bylines and brackets at their natural density.
    const page = (readFileSync(SAMPLE_000, 'utf8') + readFileSync(SAMPLE_004, 'utf8')).replace(/\r?\n/g, '');
    const text = page.repeat(Math.ceil((10 * 1024 * 1024) / Buffer.byteLength(page)));
    assert.ok(Buffer.byteLength(text) >= 10 * 1024 * 1024);
    assert.ok(!text.includes('\n'));
    await withDriver({ timeoutMs: 300_000 }, async (d) => {
      const uri = `${NOWHERE}/huge.news`;
      await d.open(uri, text);
      const symbols = await d.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
      assert.ok(Array.isArray(symbols));
      for (const s of symbols) assert.equal(s.range.start.line, 0);
      const folding = await d.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
      assert.deepEqual(folding, [], 'nothing folds on one line');
      assert.ok(Array.isArray(await d.diagnostics(uri)));
      // Closing it frees it: the page was never on disk.
      const mark = d.mark();
      await d.close(uri);
      await d.waitForRefresh(mark);
      assert.equal(await d.request('galley/parseResult', { uri }), null);
    });
  });
});

describe('a page beyond the size Galley reads', () => {
  test('is kept but not parsed, the user is told once, and the pages beside it still answer', { timeout: 120_000 }, async () => {
    // Past 32 M characters: the model of such a page could outgrow the server's memory.
    const text = `${'本报讯 会议要求各地压实责任。\n'.repeat(Math.ceil((MAX_PAGE_LENGTH + 1) / 16))}`;
    assert.ok(text.length > MAX_PAGE_LENGTH);
    await withDriver({ timeoutMs: 60_000 }, async (d) => {
      const uri = `${NOWHERE}/too-large.news`;
      const mark = d.mark();
      await d.open(uri, text);
      assert.deepEqual(await d.request('textDocument/documentSymbol', { textDocument: { uri } }), []);
      assert.deepEqual(await d.diagnostics(uri), []);
      const told = d.eventsOf('window/showMessage', mark).map((e) => (e.params as { message: string }).message);
      assert.equal(told.length, 1);
      assert.match(told[0], /does not check this page/);
      // A one-character edit does not tell again.
      await d.change(uri, `的${text}`);
      assert.deepEqual(await d.request('textDocument/documentSymbol', { textDocument: { uri } }), []);
      assert.equal(d.eventsOf('window/showMessage', mark).length, 1);
      const small = await d.openFile(SAMPLE_000);
      assert.ok((await d.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: small } })).length > 0);
    });
  });
});

describe('the lifecycle', () => {
  test('shutdown then exit: status 0', async () => {
    const d = await Driver.start();
    assert.equal(await d.stop(), 0);
  });

  test('exit without shutdown: status 1 (LSP)', async () => {
    const d = await Driver.start();
    try {
      const exited = new Promise<number | null>((resolve) => d.child.once('exit', (code) => resolve(code)));
      await d.notify('exit', null);
      assert.equal(await exited, 1);
    } finally {
      assert.equal(await d.stop(), 1, 'stop() after the server is gone just cleans up');
    }
  });

  test('shutdown, a late request, then exit: status 0', async () => {
    const d = await Driver.start();
    try {
      await d.request('shutdown', null);
      // LSP says such a request should fail with InvalidRequest; either way it must not hang or crash.
      await d.request('textDocument/documentSymbol', { textDocument: { uri: `${NOWHERE}/a.news` } }).catch(() => undefined);
    } finally {
      assert.equal(await d.stop(), 0);
    }
  });

  test('the server exits when its stdin closes', async () => {
    const d = await Driver.start();
    try {
      const exited = new Promise<void>((resolve) => d.child.once('exit', () => resolve()));
      d.child.stdin.end();
      await exited;
    } finally {
      await d.stop();
    }
  });
});

describe('the client answers the server requests with errors', () => {
  test(
    'an error answer to workspace/diagnostic/refresh does not kill the server',
    async () => {
      const d = await Driver.start({
        waitForIndex: false,
        onServerRequest: (method, params, driver) => {
          if (method === 'workspace/diagnostic/refresh') throw new Error('refresh is not available right now');
          return driver.defaultAnswer(method, params);
        },
      });
      try {
        const uri = await d.openFile(SAMPLE_000, { wait: false });
        await d.waitForServerRequest('workspace/diagnostic/refresh');
        assert.ok((await d.diagnostics(uri)).length > 0);
      } finally {
        await d.stop();
      }
    },
  );

  test(
    'an error answer to client/registerCapability does not kill the server',
    async () => {
      const d = await Driver.start({
        waitForIndex: false,
        capabilities: { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } } },
        onServerRequest: (method, params, driver) => {
          if (method === 'client/registerCapability') throw new Error('no dynamic registration here');
          return driver.defaultAnswer(method, params);
        },
      });
      try {
        await d.waitForServerRequest('client/registerCapability');
        const uri = await d.openFile(SAMPLE_000);
        assert.ok((await d.diagnostics(uri)).length > 0);
      } finally {
        await d.stop();
      }
    },
  );
});

describe('a client that cannot pull diagnostics', () => {
  test('gets them pushed, and pushed again when another page of the issue changes', async () => {
    const { textDocument, ...rest } = DEFAULT_CAPABILITIES;
    const { diagnostic: _pull, ...documentCapabilities } = textDocument ?? {};
    const d = await Driver.start({ capabilities: { ...rest, textDocument: documentCapabilities }, waitForIndex: false });
    try {
      const uri = fileUri(SAMPLE_000);
      const mark = d.mark();
      await d.open(uri, readFileSync(SAMPLE_000, 'utf8'), { wait: false });
      const pushed = await d.waitFor(
        'published diagnostics with jump-missing-page',
        (e) => e.kind === 'notification' && e.method === 'textDocument/publishDiagnostics' && JSON.stringify(e.params).includes('jump-missing-page'),
        mark,
      );
      assert.equal((pushed.params as { uri: string }).uri, uri);
    } finally {
      await d.stop();
    }
  });
});
