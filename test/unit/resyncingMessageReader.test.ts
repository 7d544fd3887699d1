// The server's stdio reader (server/src/resyncingMessageReader.ts), fed byte streams in random
// chunkings: good frames are read whole and in order, however the stream is cut; after a bad
// frame the reader finds the next header, losing no message it need not lose.
//
// Runs and seed as in fuzz.test.ts: GALLEY_FUZZ_RUNS, GALLEY_FUZZ_SEED.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import * as fc from 'fast-check';
import { MAX_MESSAGE_BYTES, ResyncingMessageReader } from '../../server/src/resyncingMessageReader';

const SEED = Number(process.env.GALLEY_FUZZ_SEED ?? 20240618);
const RUNS = Number(process.env.GALLEY_FUZZ_RUNS ?? 250);
const params = { seed: SEED, numRuns: RUNS };

interface Read {
  readonly messages: unknown[];
  readonly problems: string[];
}

/** Feeds `bytes` to a reader in the given chunks (cut at `cuts`) and collects what it reads. */
function read(bytes: Buffer, cuts: readonly number[] = []): Read {
  const input = new EventEmitter();
  const problems: string[] = [];
  const messages: unknown[] = [];
  const reader = new ResyncingMessageReader(input as unknown as NodeJS.ReadableStream, (p) => problems.push(p));
  reader.listen((m) => messages.push(m));
  let at = 0;
  for (const cut of [...new Set(cuts)].filter((c) => c > 0 && c < bytes.length).sort((a, b) => a - b)) {
    input.emit('data', bytes.subarray(at, cut));
    at = cut;
  }
  input.emit('data', bytes.subarray(at));
  return { messages, problems };
}

const frame = (body: string, contentLength = Buffer.byteLength(body)): Buffer =>
  Buffer.concat([Buffer.from(`Content-Length: ${contentLength}\r\n\r\n`), Buffer.from(body)]);

/**
 * JSON-RPC messages whose text includes what could confuse a reader: CJK and astral
 * characters, braces, and the words of a header with escaped line breaks.
 */
const messageArb = fc.record({
  jsonrpc: fc.constant('2.0'),
  id: fc.nat(),
  method: fc.constantFrom('textDocument/documentSymbol', 'textDocument/didChange', 'galley/parseResult'),
  params: fc.record({
    text: fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.constantFrom('Content-Length: 12\r\n\r\n{}', 'content-length:5', '第01版：要闻（下转4版）', '}{"a":1}\r\n', '𠀀\uFEFF'),
    ),
  }),
});
const messagesArb = fc.array(messageArb, { minLength: 1, maxLength: 6 });
/** A message as JSON.parse gives it back (fast-check may build objects without a prototype). */
const plain = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
/** Cut points as fractions of the stream length, so they fit whatever length it has. */
const cutsArb = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 12 });
const at = (fractions: readonly number[], length: number) => fractions.map((f) => Math.floor(f * length));

describe('the resyncing message reader', () => {
  test('good frames: every message, in order, however the stream is cut; no problem reported', () => {
    fc.assert(
      fc.property(messagesArb, cutsArb, fc.boolean(), (messages, cuts, byteByByte) => {
        const bytes = Buffer.concat(messages.map((m) => frame(JSON.stringify(m))));
        const got = read(bytes, byteByByte ? Array.from({ length: bytes.length }, (_, i) => i) : at(cuts, bytes.length));
        assert.deepEqual(got.messages, plain(messages));
        assert.deepEqual(got.problems, []);
      }),
      params,
    );
  });

  test('a body that is not JSON, a body without a header, garbage: only that is lost', () => {
    const faultArb = fc.oneof(
      fc.constant(frame('{"jsonrpc":"2.0","id":1,')),
      fc.constant(Buffer.from('{"jsonrpc":"2.0","id":"no header"}')),
      fc.constant(Buffer.from('Content-Length: abc\r\n\r\n{}')),
      fc.constant(Buffer.from('Content-Length: 1\r\nContent-Length: 1\r\n\r\n{}')),
      fc.constant(Buffer.from(`Content-Length: ${MAX_MESSAGE_BYTES + 1}\r\n\r\n{}`)),
      fc.constant(Buffer.from('\r\n\r\n')),
      // Any bytes but a header's name (that would be a frame, good or bad).
      fc.uint8Array({ minLength: 1, maxLength: 300 }).map((a) => Buffer.from(a)).filter((b) => !/ontent-/i.test(b.toString('latin1'))),
    );
    fc.assert(
      fc.property(messagesArb, faultArb, messagesArb, cutsArb, (before, fault, after, cuts) => {
        const bytes = Buffer.concat([...before.map((m) => frame(JSON.stringify(m))), fault, ...after.map((m) => frame(JSON.stringify(m)))]);
        const got = read(bytes, at(cuts, bytes.length));
        assert.deepEqual(got.messages, plain([...before, ...after]));
        assert.ok(got.problems.length >= 1, 'the bad input is reported');
      }),
      params,
    );
  });

  test('a Content-Length too short: that message is lost, the next ones are read', () => {
    fc.assert(
      fc.property(messageArb, fc.integer({ min: 1, max: 20 }), messagesArb, cutsArb, (lying, shortBy, after, cuts) => {
        const body = JSON.stringify(lying);
        const bytes = Buffer.concat([frame(body, Buffer.byteLength(body) - shortBy), ...after.map((m) => frame(JSON.stringify(m)))]);
        assert.deepEqual(read(bytes, at(cuts, bytes.length)).messages, plain(after));
      }),
      params,
    );
  });

  test('a Content-Length too long by a whole header line or more: no message is lost', () => {
    // Too long by less than `Content-Length: N\r\n` leaves no header to find inside the body:
    // then the lying message and the one after it are lost, and the rest are read.
    fc.assert(
      fc.property(messageArb, fc.integer({ min: 0, max: 10_000 }), messagesArb, messagesArb, cutsArb, (lying, extra, after, later, cuts) => {
        const body = JSON.stringify(lying);
        const next = Buffer.concat(after.map((m) => frame(JSON.stringify(m))));
        const headerLine = `Content-Length: ${Buffer.byteLength(JSON.stringify(after[0]))}\r\n`.length;
        const tooLongBy = Math.min(headerLine + extra, next.length);
        const bytes = Buffer.concat([frame(body, Buffer.byteLength(body) + tooLongBy), next, ...later.map((m) => frame(JSON.stringify(m)))]);
        const got = read(bytes, at(cuts, bytes.length));
        assert.deepEqual(got.messages, plain([lying, ...after, ...later]));
        assert.ok(got.problems.length >= 1);
      }),
      params,
    );
  });

  test('a Content-Length far too long does not make it wait: the next message is read at once', () => {
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'a' });
    const next = { jsonrpc: '2.0', id: 2, method: 'b' };
    const got = read(Buffer.concat([frame(body, 100 * 1024 * 1024), frame(JSON.stringify(next))]));
    assert.deepEqual(got.messages, [JSON.parse(body), next]);
  });

  test('one report per run of bad input, another after a good message', () => {
    const good = frame('{"jsonrpc":"2.0","method":"a"}');
    const got = read(Buffer.concat([frame('{'), Buffer.from('junk\r\n\r\n'), frame('{'), good, frame('{')]));
    assert.equal(got.messages.length, 1);
    assert.equal(got.problems.length, 2, got.problems.join('\n'));
  });

  test('a 20 MB body in 64 KB chunks is read whole, and the message after it', () => {
    const message = { jsonrpc: '2.0', method: 'big', params: { text: '版'.repeat(7 * 1024 * 1024) } };
    const bytes = Buffer.concat([frame(JSON.stringify(message)), frame('{"jsonrpc":"2.0","method":"small"}')]);
    const cuts = Array.from({ length: Math.floor(bytes.length / 65536) }, (_, i) => (i + 1) * 65536);
    const got = read(bytes, cuts);
    assert.equal(got.messages.length, 2);
    assert.equal((got.messages[0] as typeof message).params.text.length, message.params.text.length);
  });
});
