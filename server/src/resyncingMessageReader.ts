/**
 * Reads JSON-RPC messages framed as LSP's base protocol (`Content-Length: N\r\n\r\n` and N bytes
 * of JSON) from a stream, and finds the next message again after a bad frame.
 *
 * vscode-jsonrpc's own stream reader trusts every header. After one Content-Length that lies, a
 * message sent without a header, or a header it cannot parse, it stays misaligned for good: it
 * takes the rest of each body for the next header and each header for part of a body, so the
 * server keeps running but never answers again (not even `shutdown`). This reader instead:
 *
 * - takes a header only if every line is `Name: value` and it holds one Content-Length, a
 *   number no larger than a JavaScript string can hold; anything else is skipped up to the next
 *   `Content-Length:`;
 * - cuts a body short where a header starts inside it: the Content-Length was too long and the
 *   next message began before the announced end. No JSON text holds `Content-Length: <digits>`
 *   followed by a raw line break (a raw line break cannot stand inside a JSON string, and the
 *   bare word cannot stand outside one), so such a cut never splits a valid message;
 * - drops a body that is not JSON (a Content-Length too short leaves the rest of the message as
 *   garbage before the next header, which the first rule skips).
 *
 * Each run of bad input is reported once, through `report`. Nothing is answered: like
 * vscode-jsonrpc, the server sends no `-32700` response, since no id can be known.
 */
import { AbstractMessageReader, Disposable, type DataCallback, type Message, type MessageReader } from 'vscode-languageserver/node';

/** The longest body taken: about the longest string V8 can make of it. A larger Content-Length is a lie. */
export const MAX_MESSAGE_BYTES = 512 * 1024 * 1024;
/** A header block is a few dozen bytes; this much input without its blank line is not a header. */
const MAX_HEADER_BYTES = 8 * 1024;
/** A buffer this large is given back once it is empty again (after a huge message). */
const KEEP_BUFFER_BYTES = 1024 * 1024;

const HEADER_END = Buffer.from('\r\n\r\n', 'latin1');
/** The header name as clients spell it (LSP's spelling, and vscode-jsonrpc's lower-cased keys). */
const KEYS = [Buffer.from('Content-Length:', 'latin1'), Buffer.from('content-length:', 'latin1')];
const KEY_LENGTH = KEYS[0].length;
/** A header line an LSP client may send: an RFC 7230 token, a colon, printable text. */
const HEADER_LINE = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+):[ \t]*([\x20-\x7e]*?)[ \t]*$/;
/** A whole Content-Length line, as it starts a frame. */
const LENGTH_LINE = /^content-length:[ \t]*\d+[ \t]*\r\n/i;
/** What such a line looks like when the input stops inside it. */
const LENGTH_LINE_START = /^content-length:[ \t]*\d*[ \t]*\r?$/i;

export class ResyncingMessageReader extends AbstractMessageReader implements MessageReader {
  readonly #input: NodeJS.ReadableStream;
  readonly #report: (problem: string) => void;
  #callback: DataCallback | undefined;
  /** Input not yet taken by a message: `#buffer[#start, #end)`. */
  #buffer = Buffer.alloc(0);
  #start = 0;
  #end = 0;
  /** The body length the current header announced; -1 while a header is awaited. */
  #bodyLength = -1;
  /** How far into the current body the search for a header has got. */
  #searched = 0;
  /** Between bad input and the next good message: a problem is reported once per run. */
  #lost = false;

  constructor(input: NodeJS.ReadableStream, report: (problem: string) => void) {
    super();
    this.#input = input;
    this.#report = report;
  }

  listen(callback: DataCallback): Disposable {
    this.#callback = callback;
    const onData = (chunk: Buffer | string): void => {
      this.#append(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
      this.#read();
    };
    const onError = (error: Error): void => this.fireError(error);
    let closed = false;
    const onClose = (): void => {
      if (closed) return;
      closed = true;
      this.fireClose();
    };
    this.#input.on('data', onData);
    this.#input.on('error', onError);
    this.#input.on('end', onClose);
    this.#input.on('close', onClose);
    return Disposable.create(() => {
      this.#input.off('data', onData);
      this.#input.off('error', onError);
      this.#input.off('end', onClose);
      this.#input.off('close', onClose);
    });
  }

  /** The input not yet taken. */
  #pending(): Buffer {
    return this.#buffer.subarray(this.#start, this.#end);
  }

  #take(bytes: number): void {
    this.#start += bytes;
    if (this.#start === this.#end) {
      this.#start = this.#end = 0;
      if (this.#buffer.length > KEEP_BUFFER_BYTES) this.#buffer = Buffer.alloc(0);
    }
  }

  /** Appends input; the buffer at least doubles when it grows, so a huge body is copied O(1) times per byte. */
  #append(chunk: Buffer): void {
    const pending = this.#end - this.#start;
    if (this.#end + chunk.length > this.#buffer.length) {
      const needed = pending + chunk.length;
      const target = needed > this.#buffer.length ? Buffer.allocUnsafe(Math.max(needed, 2 * this.#buffer.length, 64 * 1024)) : this.#buffer;
      this.#buffer.copy(target, 0, this.#start, this.#end);
      this.#buffer = target;
      this.#start = 0;
      this.#end = pending;
    }
    chunk.copy(this.#buffer, this.#end);
    this.#end += chunk.length;
  }

  #read(): void {
    try {
      while (this.#bodyLength < 0 ? this.#readHeader() : this.#readBody());
    } catch (error) {
      // Never reached by bad input; a bug here must not stop the reading either.
      this.#problem(`could not read a message: ${error instanceof Error ? error.message : String(error)}`);
      this.#start = this.#end = 0;
      this.#bodyLength = -1;
    }
  }

  /** Reads a header block; false when more input is needed. */
  #readHeader(): boolean {
    const pending = this.#pending();
    const end = pending.indexOf(HEADER_END);
    if (end < 0) {
      if (pending.length <= MAX_HEADER_BYTES) return false;
      this.#problem(`${pending.length} bytes without a message header`);
      const next = nextKey(pending, 1, pending.length);
      this.#take(next >= 0 ? next : pending.length - (KEY_LENGTH - 1));
      return true;
    }
    const length = end <= MAX_HEADER_BYTES ? contentLength(pending.toString('latin1', 0, end)) : undefined;
    if (length === undefined) {
      this.#problem(`skipped a bad message header: ${JSON.stringify(pending.toString('latin1', 0, Math.min(end, 200)))}`);
      // The next header may start inside this block (a message sent without one runs into it).
      const next = nextKey(pending, 1, pending.length);
      this.#take(next >= 0 ? next : end + HEADER_END.length);
      return true;
    }
    this.#take(end + HEADER_END.length);
    this.#bodyLength = length;
    this.#searched = 0;
    return true;
  }

  /** Reads the body the header announced, or the part of it before a header; false when more input is needed. */
  #readBody(): boolean {
    const pending = this.#pending();
    const available = Math.min(pending.length, this.#bodyLength);
    // A header inside the body means the Content-Length was too long: the body ends there.
    for (let at = nextKey(pending, this.#searched, available); at >= 0; at = nextKey(pending, at + 1, available)) {
      const line = pending.toString('latin1', at, Math.min(pending.length, at + 64));
      if (LENGTH_LINE.test(line)) {
        this.#problem(`a Content-Length of ${this.#bodyLength} ran ${this.#bodyLength - at} bytes into the next message`);
        this.#deliver(pending, at);
        return true;
      }
      if (at + 64 > pending.length && LENGTH_LINE_START.test(line) && pending.length < this.#bodyLength) {
        // It may be one once more input comes; look here again then.
        this.#searched = at;
        return false;
      }
    }
    if (pending.length < this.#bodyLength) {
      this.#searched = Math.max(0, pending.length - (KEY_LENGTH - 1));
      return false;
    }
    this.#deliver(pending, this.#bodyLength);
    return true;
  }

  /** Hands on the first `length` bytes as a message if they are JSON, and waits for the next header. */
  #deliver(pending: Buffer, length: number): void {
    let message: Message | undefined;
    try {
      message = JSON.parse(pending.toString('utf8', 0, length)) as Message;
    } catch (error) {
      this.#problem(`dropped a message that is not JSON (${error instanceof Error ? error.message : String(error)})`);
    }
    this.#take(length);
    this.#bodyLength = -1;
    if (message === undefined) return;
    this.#lost = false;
    this.#callback?.(message);
  }

  #problem(what: string): void {
    if (this.#lost) return;
    this.#lost = true;
    this.#report(`Galley read bad input from the client and skipped it: ${what}`);
  }
}

/** The first `Content-Length:` (either spelling) starting in `[from, before)`, or -1. */
function nextKey(data: Buffer, from: number, before: number): number {
  const window = data.subarray(0, Math.min(data.length, before + KEY_LENGTH - 1));
  let first = -1;
  for (const key of KEYS) {
    const at = window.indexOf(key, from);
    if (at >= 0 && at < before && (first < 0 || at < first)) first = at;
  }
  return first;
}

/** The Content-Length of a well-formed header block (without its blank line), else undefined. */
function contentLength(block: string): number | undefined {
  let length: number | undefined;
  for (const line of block.split('\r\n')) {
    const m = HEADER_LINE.exec(line);
    if (!m) return undefined;
    if (m[1].toLowerCase() !== 'content-length') continue;
    if (length !== undefined || !/^\d{1,10}$/.test(m[2])) return undefined;
    length = Number(m[2]);
  }
  return length !== undefined && length <= MAX_MESSAGE_BYTES ? length : undefined;
}
