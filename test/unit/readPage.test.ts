import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodePage, describeFsError, readPage, type ReadResult } from '../../server/src/cli/readPage';
import { MAX_PAGE_LENGTH } from '../../server/src/core/limits';

const hex = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s.replace(/\s+/g, ''), 'hex'));
const concat = (...parts: Uint8Array[]): Uint8Array => Uint8Array.from(Buffer.concat(parts));

function utf16le(text: string): Uint8Array {
  return Uint8Array.from(Buffer.from(text, 'utf16le'));
}
function utf16be(text: string): Uint8Array {
  const bytes = utf16le(text);
  for (let i = 0; i + 1 < bytes.length; i += 2) [bytes[i], bytes[i + 1]] = [bytes[i + 1]!, bytes[i]!];
  return bytes;
}

function assertText(result: ReadResult, text: string, encoding: string): void {
  assert.ok(result.ok, `expected ok, got ${result.ok ? '' : result.error}`);
  assert.equal(result.encoding, encoding);
  assert.equal(result.text.length, text.length);
  assert.equal(result.text, text);
  assert.ok(!result.text.includes('\uFFFD'), 'no replacement characters');
}

function assertError(result: ReadResult, pattern: RegExp): void {
  assert.equal(result.ok, false);
  if (!result.ok) {
    assert.match(result.error, pattern);
    assert.ok(!result.error.includes('\n'), 'one line');
  }
}

// The GB18030 bytes were produced with `iconv -f UTF-8 -t GB18030` and are written literally.
const GB_SENTENCE = '本报讯（记者王涛）6月18日，市政协主席在交城县深入企业调研，了解企业生产运行中的具体困难。（下转4版）';
const GB_BYTES = hex(`
  b1beb1a8d1b6a3a8bcc7d5dfcdf5cccea3a936d4c23138c8d5a3accad0d5fed0add6f7cfafd4dabdbbb3c7cfd8c9
  eec8ebc6f3d2b5b5f7d1d0a3acc1cbbde2c6f3d2b5c9fab2fad4cbd0d0d6d0b5c4bedfcce5c0a7c4d1a1a3a3a8cf
  c2d7aa34b0e6a3a9`);
const BIG5_SENTENCE = '本報訊（記者王濤）六月十八日，市政協主席在交城縣深入企業調研。';
const BIG5_BYTES = hex(`
  a5bbb3f8b054a15db04faacca4fdc0dca15ea4bba4eba451a44ba4e9a141a5abac46a8f3a544ae75a662a5e6abb0
  bfa4b260a44aa5f8b77ebdd5ace3a143`);

describe('decodePage', () => {
  test('a text past the page size limit is refused with its size, one under it is read', () => {
    const line = Buffer.from('本报讯 会议要求各地压实责任。\n');
    const over = Buffer.alloc(line.length * Math.ceil((MAX_PAGE_LENGTH + 1) / 16));
    for (let at = 0; at < over.length; at += line.length) line.copy(over, at);
    assertError(decodePage('big.news', over), /too large to check: 33\.6 million characters \(a page may hold 33\.5 million\)/);
    assertText(decodePage('ok.news', Uint8Array.from(line)), line.toString(), 'UTF-8');
  });

  test('empty file is an empty UTF-8 page', () => {
    assertText(decodePage('e.txt', new Uint8Array(0)), '', 'UTF-8');
  });

  test('plain and short Chinese UTF-8 is UTF-8', () => {
    assertText(decodePage('a.txt', new TextEncoder().encode('本报讯')), '本报讯', 'UTF-8');
    assertText(decodePage('a.txt', new TextEncoder().encode('讯')), '讯', 'UTF-8');
    const page = '（上接1版）\r\n经营管理\f第二版\t𠀀 “引号” U+FFFD kept: \uFFFD';
    const result = decodePage('a.txt', new TextEncoder().encode(page));
    assert.ok(result.ok);
    assert.equal(result.encoding, 'UTF-8');
    assert.equal(result.text, page); // an encoded U+FFFD is content, not a decoding error
  });

  test('GB18030 page is detected and decoded exactly', () => {
    assertText(decodePage('gb.txt', GB_BYTES), GB_SENTENCE, 'GB18030');
  });

  test('GB18030 with a four-byte sequence (U+20000) keeps every character', () => {
    const text = `${GB_SENTENCE}𠀀`;
    assertText(decodePage('gb.txt', concat(GB_BYTES, hex('95328236'))), text, 'GB18030');
  });

  test('GB18030 that does not decode cleanly is an error, not U+FFFD', () => {
    // A trailing lone lead byte: a replacing decoder would give U+FFFD.
    assertError(decodePage('gb.txt', concat(GB_BYTES, hex('81'))), /looks like GB18030 \(100% confidence\) but is not valid GB18030$/);
  });

  test('too-short GB18030 text is reported, never decoded as mojibake', () => {
    // chardet cannot place 本报讯 (6 bytes) and guesses wildly; we refuse instead of guessing.
    assertError(decodePage('gb.txt', hex('b1beb1a8d1b6')), /^not valid UTF-8 and no known encoding detected/);
  });

  test('Big5 page is detected', () => {
    assertText(decodePage('big5.txt', BIG5_BYTES), BIG5_SENTENCE, 'Big5');
  });

  test('UTF-8 BOM is stripped and reported', () => {
    const text = '本报讯 （记者 王涛）\n6月 18日';
    assertText(decodePage('bom.txt', concat(hex('efbbbf'), new TextEncoder().encode(text))), text, 'UTF-8 with BOM');
  });

  test('only the first BOM is removed', () => {
    const text = '\uFEFF本报讯';
    assertText(decodePage('bom.txt', concat(hex('efbbbf'), new TextEncoder().encode(text))), text, 'UTF-8 with BOM');
  });

  test('UTF-16LE and UTF-16BE with BOM', () => {
    const text = '本报讯（记者王涛）\n6月18日，市政协主席𠀀。';
    assertText(decodePage('le.txt', concat(hex('fffe'), utf16le(text))), text, 'UTF-16LE with BOM');
    assertText(decodePage('be.txt', concat(hex('feff'), utf16be(text))), text, 'UTF-16BE with BOM');
  });

  test('UTF-16 without BOM is recognised by its NUL pattern', () => {
    const text = '本报讯 （记者 王涛） 6月 18日，\n市政协主席张稳科在交城县深入所包\n联企业——美锦煤化工有限公司调\n研。\n';
    assertText(decodePage('be.txt', utf16be(text)), text, 'UTF-16BE');
    assertText(decodePage('le.txt', utf16le(text)), text, 'UTF-16LE');
    const english = 'Continued on Page A4\nSee BUDGET, Page 5\n';
    assertText(decodePage('be.txt', utf16be(english)), english, 'UTF-16BE');
  });

  test('UTF-16 with a BOM but broken content is an error', () => {
    // A lone high surrogate followed by a plain character.
    assertError(decodePage('le.txt', concat(hex('fffe'), hex('3ed84100'))), /UTF-16LE byte-order mark but is not valid UTF-16LE/);
  });

  test('UTF-32 is reported as unsupported', () => {
    assertError(decodePage('u32.txt', hex('fffe0000 41000000')), /UTF-32/);
  });

  test('binary: PNG header with NUL bytes', () => {
    const png = hex('89504e470d0a1a0a 0000000d49484452 00000001000000010806000000 1f15c489 0000000a49444154');
    assertError(decodePage('image.txt', png), /^binary file \(NUL bytes\), skipped$/);
  });

  test('binary: a high share of control characters without NULs', () => {
    const bytes = new Uint8Array(512);
    for (let i = 0; i < bytes.length; i++) bytes[i] = i % 3 === 0 ? 0x41 : 1 + (i % 8);
    assertError(decodePage('blob.txt', bytes), /^binary file \(control characters\), skipped$/);
  });

  test('invalid UTF-8 garbage is reported', () => {
    const garbage = hex('c328a0a1e228a1f0288cbc8081fe90');
    assertError(decodePage('junk.txt', garbage), /^not valid UTF-8 and no known encoding detected/);
  });
});

describe('readPage', () => {
  let dir = '';
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'galley-readpage-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test('a 10 MB single line of Chinese UTF-8 is decoded whole and unchanged', async () => {
    const unit = '本报讯记者王涛市政协主席张稳科在交城县深入所包联企业调研𠀀，';
    const line = unit.repeat(Math.ceil((10 * 1024 * 1024) / Buffer.byteLength(unit)));
    const file = join(dir, 'big.txt');
    await writeFile(file, line, 'utf8');
    const result = readPage(file);
    assert.ok(result.ok);
    assert.equal(result.encoding, 'UTF-8');
    assert.equal(result.text.length, line.length);
    assert.ok(result.text === line, 'text unchanged');
    assert.ok(Buffer.byteLength(line) >= 10 * 1024 * 1024);
  });

  test('a GB18030 file on disk', async () => {
    const file = join(dir, 'gb.txt');
    await writeFile(file, GB_BYTES);
    const result = readPage(file);
    assertText(result, GB_SENTENCE, 'GB18030');
    assert.equal(result.path, file);
  });

  test('a missing file is a one-line error', async () => {
    const file = join(dir, 'missing.txt');
    const result = readPage(file);
    assertError(result, /^no such file or folder$/);
    assert.equal(result.path, file);
  });

  test('a folder is a one-line error (EISDIR)', async () => {
    const sub = join(dir, 'issue.txt');
    await mkdir(sub);
    assertError(readPage(sub), /^is a folder, not a file$/);
  });

  test('an unreadable file: permission denied (as root, chmod 000 does not block reads)', async () => {
    // Tests may run as root, where chmod 000 does not stop reading; the test asserts whichever
    // behaviour applies instead of being skipped, and the EACCES message is checked directly.
    const file = join(dir, 'locked.txt');
    await writeFile(file, '本报讯');
    await chmod(file, 0o000);
    const result = readPage(file);
    if (process.getuid?.() === 0) assertText(result, '本报讯', 'UTF-8');
    else assertError(result, /^permission denied$/);
    await chmod(file, 0o644);
    const eacces = Object.assign(new Error("EACCES: permission denied, open 'x'"), { code: 'EACCES' });
    assert.equal(describeFsError(eacces), 'permission denied');
    assert.equal(describeFsError(new Error('odd\nfailure')), 'cannot read: odd failure');
  });
});
