/**
 * Malformed and oversized JSON-RPC on the server's stdin: bodies that are not JSON, JSON that is
 * not JSON-RPC, headers that lie or are missing, a 50 MB message. After each, the server must
 * still be running and answer the next ordinary request.
 *
 * What the server answers is what vscode-jsonrpc does: a request it can read but not serve gets
 * an error response (-32601, -32602, -32603); a message it cannot read at all gets no response
 * (no -32700 or -32600 with a null id) and a `window/logMessage` error instead. Framing faults
 * are the server's own reader's business (server/src/resyncingMessageReader.ts): it skips to the
 * next header, where vscode-jsonrpc's reader stayed misaligned and never answered again.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { DocumentSymbol } from 'vscode-languageserver-protocol/node';
import { Driver, frame, PAGE_01, type RawResponse } from './driver';

const ERROR_LOG = 1;
const METHOD_NOT_FOUND = -32601;
const INVALID_PARAMS = -32602;
const INTERNAL_ERROR = -32603;

/** An open page in a folder that does not exist: its outline is never empty. */
const PAGE = 'file:///nonexistent-galley-folder/jsonrpc/01.news';

/** A request the test writes itself: its string id tells its response from the driver's own. */
const rawRequest = (id: string, method = 'textDocument/documentSymbol', params: unknown = { textDocument: { uri: PAGE } }): string =>
  JSON.stringify({ jsonrpc: '2.0', id, method, params });

describe('malformed and oversized JSON-RPC over stdio', () => {
  let d: Driver;
  before(async () => {
    d = await Driver.start();
    await d.open(PAGE, PAGE_01);
  });
  after(async () => {
    await d?.stop();
  });

  /** The server is up and reading in step: an ordinary request gets the page's outline. */
  async function answersTheNextRequest(): Promise<void> {
    const symbols = await d.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: PAGE } });
    assert.ok(symbols.length > 0, 'the outline of the open page');
  }

  /** The error messages the server logged after a mark. */
  const errorsLogged = (mark: number): string[] =>
    d
      .eventsOf('window/logMessage', mark)
      .map((e) => e.params as { type: number; message: string })
      .filter((p) => p.type === ERROR_LOG)
      .map((p) => p.message);

  /** Waits for a logged error that contains `text`. */
  const logged = (mark: number, text: string) =>
    d.waitFor(`a logged error with ${JSON.stringify(text)}`, (e) => e.method === 'window/logMessage' && (e.params as { message: string }).message.includes(text), mark);

  /** No response with a null id: nothing the server could not read was answered. */
  const noNullIdResponses = () =>
    assert.deepEqual(
      d.events.filter((e) => e.kind === 'response' && (e.params as RawResponse).id === null),
      [],
    );

  test('a body that is not JSON: logged, not answered, and the next request is', async () => {
    const mark = d.mark();
    await d.writeRaw(frame('{"jsonrpc":"2.0","id":"cut-short",'));
    await d.writeRaw(frame('not json at all'));
    await d.writeRaw(frame(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]))); // `{`, invalid UTF-8, `}`
    await logged(mark, 'not JSON');
    await answersTheNextRequest();
    noNullIdResponses();
  });

  test('JSON that is not a JSON-RPC message: logged and ignored', async () => {
    const bodies = [
      '{"hello":"world"}',
      '42',
      '"a string"',
      '{"jsonrpc":"2.0","id":"no-method"}',
      '{"jsonrpc":"2.0","id":{"an":"object"},"method":"textDocument/documentSymbol","params":{}}',
      // LSP has no batches; were this one run, the server would be shutting down.
      '[{"jsonrpc":"2.0","id":"in-a-batch","method":"shutdown"}]',
    ];
    const mark = d.mark();
    for (const body of bodies) await d.writeRaw(frame(body));
    await d.writeRaw(frame('null'));
    await answersTheNextRequest();
    const errors = errorsLogged(mark);
    assert.equal(errors.filter((m) => m.includes('neither a response nor a notification')).length, bodies.length, errors.join('\n'));
    assert.equal(errors.filter((m) => m.includes('empty message')).length, 1, errors.join('\n'));
    assert.ok(!d.events.some((e) => e.kind === 'response' && ['no-method', 'in-a-batch'].includes((e.params as RawResponse).id as string)));
    noNullIdResponses();
  });

  test('a request it can read but not serve gets an error response', async () => {
    await d.writeRaw(frame(rawRequest('unknown-method', 'galley/noSuchMethod', {})));
    await d.writeRaw(frame(JSON.stringify({ jsonrpc: '2.0', id: 'no-params', method: 'textDocument/hover' })));
    await d.writeRaw(frame(rawRequest('params-a-string', 'textDocument/documentSymbol', 'nonsense')));
    assert.equal((await d.waitForResponse('unknown-method')).error?.code, METHOD_NOT_FOUND);
    assert.equal((await d.waitForResponse('no-params')).error?.code, INVALID_PARAMS);
    assert.equal((await d.waitForResponse('params-a-string')).error?.code, INTERNAL_ERROR);
    await answersTheNextRequest();
  });

  test('a Content-Length too short: the cut message is lost, the ones after it are answered', async () => {
    const mark = d.mark();
    const cut = rawRequest('too-short');
    await d.writeRaw(Buffer.concat([frame(cut, cut.length - 12), frame(rawRequest('after-too-short'))]));
    assert.ok(Array.isArray((await d.waitForResponse('after-too-short')).result));
    await logged(mark, 'not JSON');
    await answersTheNextRequest();
    assert.ok(!d.events.some((e) => e.kind === 'response' && (e.params as RawResponse).id === 'too-short'));
  });

  test('a Content-Length too long: the message and the next one are both answered', async () => {
    // Too long by a few bytes (the next header is swallowed), by a megabyte (the server would
    // wait for bytes that never come), and beyond what a message can be.
    for (const [name, excess] of [
      ['by-30', 30],
      ['by-1MB', 1024 * 1024],
    ] as const) {
      const mark = d.mark();
      const body = rawRequest(`too-long-${name}`);
      await d.writeRaw(Buffer.concat([frame(body, Buffer.byteLength(body) + excess), frame(rawRequest(`after-too-long-${name}`))]));
      assert.ok(Array.isArray((await d.waitForResponse(`too-long-${name}`)).result), name);
      assert.ok(Array.isArray((await d.waitForResponse(`after-too-long-${name}`)).result), name);
      await logged(mark, 'ran');
    }
    const mark = d.mark();
    await d.writeRaw(Buffer.concat([frame(rawRequest('impossible-length'), 10 ** 12), frame(rawRequest('after-impossible-length'))]));
    assert.ok(Array.isArray((await d.waitForResponse('after-impossible-length')).result));
    await logged(mark, 'bad message header');
    await answersTheNextRequest();
  });

  test('a message with no header, and headers that are not LSP headers: skipped', async () => {
    const faults = [
      rawRequest('no-header'),
      'Content-Length: abc\r\n\r\n{}',
      'Content-Length: -5\r\n\r\n{}',
      'Content-Type: application/vscode-jsonrpc\r\n\r\n{}',
      'a header line without a colon\r\n\r\n{}',
      'Content-Length: 2\r\nContent-Length: 2\r\n\r\n{}',
    ];
    for (const [i, fault] of faults.entries()) {
      const mark = d.mark();
      await d.writeRaw(Buffer.concat([Buffer.from(fault), frame(rawRequest(`after-fault-${i}`))]));
      assert.ok(Array.isArray((await d.waitForResponse(`after-fault-${i}`)).result), JSON.stringify(fault));
      await logged(mark, 'bad message header');
    }
    await answersTheNextRequest();
    assert.ok(!d.events.some((e) => e.kind === 'response' && (e.params as RawResponse).id === 'no-header'));
  });

  test('a megabyte of bytes with no header at all, then a request: answered', async () => {
    const mark = d.mark();
    await d.writeRaw(Buffer.alloc(1024 * 1024, 'x'));
    await d.writeRaw(frame(rawRequest('after-flood')));
    assert.ok(Array.isArray((await d.waitForResponse('after-flood')).result));
    await logged(mark, 'without a message header');
    await answersTheNextRequest();
  });

  test('well-formed headers in other spellings are read: lower case, a Content-Type, odd spacing', async () => {
    const body = rawRequest('lower-case');
    await d.writeRaw(`content-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    const typed = rawRequest('with-content-type');
    await d.writeRaw(`Content-Type: application/vscode-jsonrpc; charset=utf-8\r\nContent-Length:${Buffer.byteLength(typed)}  \r\n\r\n${typed}`);
    assert.ok(Array.isArray((await d.waitForResponse('lower-case')).result));
    assert.ok(Array.isArray((await d.waitForResponse('with-content-type')).result));
  });

  test('a 50 MB request is answered, and so is the request after it', { timeout: 120_000 }, async () => {
    const started = Date.now();
    const huge = frame(rawRequest('fifty-megabytes', 'galley/noSuchMethod', { padding: 'x'.repeat(50 * 1024 * 1024) }));
    assert.ok(huge.length > 50 * 1024 * 1024);
    await d.writeRaw(huge);
    assert.equal((await d.waitForResponse('fifty-megabytes', 60_000)).error?.code, METHOD_NOT_FOUND);
    await answersTheNextRequest();
    const ms = Date.now() - started;
    assert.ok(ms < 30_000, `a 50 MB message took ${ms} ms`);
  });
});
