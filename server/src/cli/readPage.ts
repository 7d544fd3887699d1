/**
 * Reads a page file from disk and decodes it to text, detecting its encoding.
 *
 * The rules, in order:
 *  1. An empty file is an empty page (UTF-8).
 *  2. A byte-order mark decides: UTF-8 (stripped, reported as "UTF-8 with BOM"), UTF-16LE or
 *     UTF-16BE (stripped, reported as "UTF-16LE with BOM" / "UTF-16BE with BOM"). UTF-32 BOMs
 *     are recognised only to report that UTF-32 is not supported.
 *  3. NUL bytes in the first 8 KB mean binary, unless the NULs sit almost all on one byte
 *     parity, which is how BOM-less UTF-16 looks (chardet itself only recognises UTF-16 by its
 *     BOM, so this check is ours).
 *  4. Valid UTF-8 is UTF-8: checked with a fatal decoder before chardet is asked, so short
 *     Chinese UTF-8 texts are never mis-detected.
 *  5. Otherwise chardet is asked (on a 64 KB sample starting at the first non-ASCII byte). Only
 *     its best guess is tried, and only multi-byte East Asian encodings with a confidence of at
 *     least 50 are accepted:
 *     GB2312/GBK/GB18030 (all decoded as GB18030), Big5, Shift_JIS, EUC-JP, EUC-KR,
 *     ISO-2022-JP. Single-byte guesses (windows-1252, ISO-8859-x, KOI8-R…) are refused: chardet
 *     readily takes short GB18030 texts for Arabic windows-1256, and decoding a Chinese page as
 *     mojibake is worse than reporting it. GB18030 texts shorter than about 14 characters may
 *     therefore be reported as undetected.
 *  6. Decoding is always fatal: a byte sequence the encoding cannot map is an error, never a
 *     U+FFFD replacement character (a U+FFFD actually encoded in the file is kept as text).
 *  7. The decoded text is checked for a high share (over 10 %) of control characters in its
 *     first 8 K characters: that is a binary file too. Tab, line feed, vertical tab, form feed
 *     (pdftotext's page break) and carriage return are text.
 *  8. A text longer than MAX_PAGE_LENGTH (core/limits.ts) is refused as too large to check.
 */
import { isUtf8 } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { analyse } from 'chardet';
import { MAX_PAGE_LENGTH, sizeAgainstLimit } from '../core/limits';

export type ReadResult =
  | {
      ok: true;
      path: string;
      text: string;
      /** e.g. 'UTF-8', 'UTF-8 with BOM', 'GB18030', 'UTF-16LE', 'UTF-16LE with BOM'. */
      encoding: string;
    }
  | {
      ok: false;
      path: string;
      /** One clear line, e.g. "binary file (NUL bytes), skipped". */
      error: string;
    };

/** How much of the file the binary checks look at, as git does. */
const SNIFF_BYTES = 8192;
/** How much of the file chardet analyses: it is slow (about 4.5 s for 12 MB). */
const CHARDET_SAMPLE_BYTES = 64 * 1024;
/** The lowest chardet confidence accepted for a multi-byte encoding. */
const MIN_CONFIDENCE = 50;
/** A text whose sample has more control characters than this share is binary. */
const MAX_CONTROL_SHARE = 0.1;

/** chardet's names of the encodings we accept → [WHATWG decoder label, name reported]. */
const CHARDET_ENCODINGS: Readonly<Record<string, readonly [label: string, name: string]>> = {
  GB18030: ['gb18030', 'GB18030'],
  Big5: ['big5', 'Big5'],
  Shift_JIS: ['shift_jis', 'Shift_JIS'],
  'EUC-JP': ['euc-jp', 'EUC-JP'],
  'EUC-KR': ['euc-kr', 'EUC-KR'],
  'ISO-2022-JP': ['iso-2022-jp', 'ISO-2022-JP'],
  'UTF-16LE': ['utf-16le', 'UTF-16LE'],
  'UTF-16BE': ['utf-16be', 'UTF-16BE'],
};

/** Decodes the bytes of a page file. Pure apart from allocating; never throws. */
export function decodePage(path: string, bytes: Uint8Array): ReadResult {
  const fail = (error: string): ReadResult => ({ ok: false, path, error });
  const done = (text: string, encoding: string): ReadResult => {
    if (isMostlyControl(text)) return fail('binary file (control characters), skipped');
    if (text.length > MAX_PAGE_LENGTH) {
      const { size, limit } = sizeAgainstLimit(text.length);
      return fail(`too large to check: ${size} million characters (a page may hold ${limit} million)`);
    }
    return { ok: true, path, text, encoding };
  };

  if (bytes.length === 0) return { ok: true, path, text: '', encoding: 'UTF-8' };

  // 1. Byte-order marks.
  const [b0, b1, b2, b3] = [bytes[0], bytes[1], bytes[2], bytes[3]];
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) {
    const text = strictDecode('utf-8', bytes.subarray(3));
    if (text === undefined) return fail('starts with a UTF-8 byte-order mark but is not valid UTF-8');
    return done(text, 'UTF-8 with BOM');
  }
  if ((b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) || (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff)) {
    return fail('UTF-32 text is not supported; convert it to UTF-8');
  }
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    const name = b0 === 0xff ? 'UTF-16LE' : 'UTF-16BE';
    const text = strictDecode(name.toLowerCase(), bytes.subarray(2));
    if (text === undefined) return fail(`starts with a ${name} byte-order mark but is not valid ${name}`);
    return done(text, `${name} with BOM`);
  }

  // 2. NUL bytes: BOM-less UTF-16, or binary.
  const sniff = bytes.subarray(0, SNIFF_BYTES);
  if (sniff.includes(0)) {
    const utf16 = guessUtf16(sniff);
    if (utf16 !== undefined) {
      const text = strictDecode(utf16.toLowerCase(), bytes);
      if (text !== undefined) return done(text, utf16);
    }
    return fail('binary file (NUL bytes), skipped');
  }

  // 3. Valid UTF-8 is UTF-8 (no byte-order mark is left here to strip): checked and decoded by
  // Node's own vectorised routines, the common case of every workspace index.
  if (isUtf8(bytes)) return done(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'), 'UTF-8');

  // 4. Ask chardet.
  let guesses: { name: string; confidence: number }[];
  try {
    guesses = analyse(chardetSample(bytes));
  } catch {
    guesses = [];
  }
  // Only the best guess (or guesses tied with it) is tried: falling back to a weaker one when
  // it does not decode would turn a damaged GB18030 page into EUC-KR mojibake.
  const top = guesses[0];
  for (const guess of guesses) {
    if (top === undefined || guess.confidence < top.confidence) break;
    const known = CHARDET_ENCODINGS[guess.name];
    if (known === undefined || guess.confidence < MIN_CONFIDENCE) continue;
    const text = strictDecode(known[0], bytes);
    if (text !== undefined) return done(text, known[1]);
    return fail(`not valid UTF-8, and looks like ${known[1]} (${guess.confidence}% confidence) but is not valid ${known[1]}`);
  }
  const hint = top && top.confidence > 0 ? ` (best guess ${top.name} at ${top.confidence}% confidence)` : '';
  return fail(`not valid UTF-8 and no known encoding detected${hint}`);
}

/** One clear line for a file-system error. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a folder, not a file';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'ENAMETOOLONG':
      return 'file name too long';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many open files';
    case 'ERR_FS_FILE_TOO_LARGE':
      return 'file too large to read';
    default: {
      const message = error instanceof Error ? error.message : String(error);
      return `cannot read: ${message.replace(/\s+/g, ' ').trim()}`;
    }
  }
}

/** Decodes with a fatal decoder; undefined when the bytes are not valid in the encoding. */
function strictDecode(label: string, bytes: Uint8Array): string | undefined {
  try {
    // ignoreBOM: the caller has already removed any BOM; a later U+FEFF is content.
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * BOM-less UTF-16: ASCII characters put a NUL in the high byte, so the NULs of a UTF-16 text
 * fall on one parity (even offsets for big-endian, odd for little-endian). CJK characters
 * whose low byte is 0 (U+4E00 …) put a few on the other parity; runs of NULs in binary data
 * put them on both equally.
 */
function guessUtf16(sample: Uint8Array): 'UTF-16LE' | 'UTF-16BE' | undefined {
  const units = sample.length >> 1;
  if (units < 2) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) even++;
    if (sample[i + 1] === 0) odd++;
  }
  const high = Math.max(even, odd);
  const low = Math.min(even, odd);
  if (high < Math.max(2, units * 0.02) || low * 10 > high) return undefined;
  return even > odd ? 'UTF-16BE' : 'UTF-16LE';
}

/** chardet is slow: give it a sample starting where the non-ASCII text starts. */
function chardetSample(bytes: Uint8Array): Uint8Array {
  if (bytes.length <= CHARDET_SAMPLE_BYTES) return bytes;
  let start = bytes.findIndex((b) => b >= 0x80);
  if (start < 0) start = 0;
  start = Math.max(0, Math.min(start, bytes.length - CHARDET_SAMPLE_BYTES));
  return bytes.subarray(start, start + CHARDET_SAMPLE_BYTES);
}

/** True when over 10 % of the first 8 K characters are control characters. */
function isMostlyControl(text: string): boolean {
  const n = Math.min(text.length, SNIFF_BYTES);
  if (n === 0) return false;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && (c < 0x09 || c > 0x0d)) || (c >= 0x7f && c <= 0x9f)) control++;
  }
  return control / n > MAX_CONTROL_SHARE;
}

/**
 * Reads and decodes a page file. File-system errors become `ok: false` results. Synchronous:
 * it runs on worker threads (the index, the checker) and when a feature needs a closed page.
 */
export function readPage(path: string): ReadResult {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    return { ok: false, path, error: describeFsError(error) };
  }
  return decodePage(path, bytes);
}
