// The built CLI on bad files: each unreadable file gets one clear line on stderr, the exit
// status is as README.md documents it (0 no errors, 1 error diagnostics or an unreadable file,
// 2 usage error), and the good files of the same run still get their output. Decodable pages
// in other encodings parse like their UTF-8 originals, and `parse --json` never loses or
// changes a character of the page.
//
// Runs `node dist/cli.js`: run `npm run build` first (`npm test` does).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const CLI = resolve('dist/cli.js');
const SAMPLES = ['samples/000_2600d985db85e4f0.news.txt', 'samples/004_f2a9e54971a23ea8.news.txt'];

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly errLines: string[];
}

let dir = '';

function cli(...args: string[]): Run {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '' }, timeout: 60_000 });
  assert.equal(r.error, undefined, `spawn failed: ${r.error}`);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, errLines: r.stderr.split('\n').filter((l) => l !== '') };
}

interface Pos {
  line: number;
  character: number;
}
interface Rng {
  start: Pos;
  end: Pos;
}
interface ContractItem {
  kind: string;
  headline: string | null;
  headlineRange: Rng | null;
  kicker: string | null;
  kickerRange: Rng | null;
  subtitle: string | null;
  subtitleRange: Rng | null;
  bodyRange: Rng;
  dateline: { text: string; range: Rng } | null;
  source: string | null;
  paragraphs: { text: string; range: Rng }[];
  people: { name: string; role: string; range: Rng }[];
}
interface ContractPage {
  file: string;
  page: number | string | null;
  furniture: { header: { text: string; range: Rng } | null; date: { text: string; range: Rng } | null };
  items: ContractItem[];
  photos: { range: Rng }[];
  jumps: { range: Rng; text: string }[];
  figures: { range: Rng; text: string }[];
  dates: { range: Rng; text: string }[];
  diagnostics: { range: Rng; code: string }[];
}

function parseJson(...files: string[]): { run: Run; pages: ContractPage[] } {
  const run = cli('parse', '--json', ...files);
  return { run, pages: JSON.parse(run.stdout) as ContractPage[] };
}

// ---------------------------------------------------------------------------------------------
// Test files

/** A short page, and its bytes in GB18030 as `iconv -f UTF-8 -t GB18030` wrote them. */
const GB_PAGE =
  '第04版：要闻\n\n张稳科深入包联企业调研\n\n本报讯（记者 王涛）6月18日，市政协主席张稳科在交城县深入所包\n联企业——美锦煤化工有限公司调研，了解企业生产运行中的具体困难。\n';
const GB_HEX =
  'b5da3034b0e6a3bad2aacec50a0ad5c5cec8bfc6c9eec8ebb0fcc1aac6f3d2b5b5f7d1d00a0ab1beb1a8d1b6a3a8bcc7d5df20cdf5cccea3a936d4c23138c8d5a3ac' +
  'cad0d5fed0add6f7cfafd5c5cec8bfc6d4dabdbbb3c7cfd8c9eec8ebcbf9b0fc0ac1aac6f3d2b5a1aaa1aac3c0bdf5c3babbafb9a4d3d0cfdeb9abcbbeb5f7d1d0a3ac' +
  'c1cbbde2c6f3d2b5c9fab2fad4cbd0d0d6d0b5c4bedfcce5c0a7c4d1a1a30a';

/**
 * A GBK encoder for whole sample pages, built by inverting the WHATWG GB18030 decoder over the
 * two-byte range. Checked against the iconv bytes above before use.
 */
function gbkEncoder(): (text: string) => Buffer {
  const table = new Map<string, number>();
  const decoder = new TextDecoder('gb18030');
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(Uint8Array.of(lead, trail));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, (lead << 8) | trail);
    }
  }
  return (text) => {
    const out: number[] = [];
    for (const ch of text) {
      const c = ch.codePointAt(0)!;
      if (c < 0x80) out.push(c);
      else {
        const code = table.get(ch);
        if (code === undefined) throw new Error(`U+${c.toString(16)} is not in GBK`);
        out.push(code >> 8, code & 0xff);
      }
    }
    return Buffer.from(out);
  };
}

const BAD: Record<string, { bytes?: Buffer; error: RegExp }> = {
  // A PNG header and some image bytes: NUL bytes.
  'binary.news.txt': {
    bytes: Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d4948445200000010000000100806000000', 'hex'), Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 37) % 256))]),
    error: /binary/,
  },
  // Control characters without a NUL.
  'control.news.txt': { bytes: Buffer.from(Array.from({ length: 600 }, (_, i) => [1, 2, 3, 4, 5, 6, 7, 0x41][i % 8])), error: /binary/ },
  'invalid-utf8.news.txt': { bytes: Buffer.from('abc\xff\xfe\x80def 张三 \xc3\x28 \xa0\xa1 \xe2\x82\n', 'latin1'), error: /not valid UTF-8/ },
  'folder.news.txt': { error: /is a folder/ },
  'missing.news.txt': { error: /no such file/ },
};

const GOOD = ['gb18030.news.txt', 'utf16le-bom.news.txt', 'utf8.news.txt', 'empty.news.txt', 'sample0.news.txt', 'sample4.news.txt', 'sample0-crlf.news.txt', 'sample4-gbk.news.txt'];

/** The text each good file holds, as the CLI should decode it. */
const TEXT: Record<string, string> = {};

before(async () => {
  assert.ok(existsSync(CLI), `${CLI} is missing: run \`npm run build\` before this test`);
  dir = await mkdtemp(join(tmpdir(), 'galley-cli-files-'));
  const [s0, s4] = SAMPLES.map((f) => readFileSync(f, 'utf8'));
  const encode = gbkEncoder();
  assert.equal(encode(GB_PAGE).toString('hex'), GB_HEX, 'the GBK encoder agrees with iconv');

  const files: Record<string, { text: string; bytes: Buffer }> = {
    'gb18030.news.txt': { text: GB_PAGE, bytes: Buffer.from(GB_HEX, 'hex') },
    'utf16le-bom.news.txt': { text: GB_PAGE, bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(GB_PAGE, 'utf16le')]) },
    'utf8.news.txt': { text: GB_PAGE, bytes: Buffer.from(GB_PAGE, 'utf8') },
    'empty.news.txt': { text: '', bytes: Buffer.alloc(0) },
    'sample0.news.txt': { text: s0, bytes: Buffer.from(s0, 'utf8') },
    'sample4.news.txt': { text: s4, bytes: Buffer.from(s4, 'utf8') },
    'sample0-crlf.news.txt': { text: s0.replace(/\n/g, '\r\n'), bytes: Buffer.from(s0.replace(/\n/g, '\r\n'), 'utf8') },
    'sample4-gbk.news.txt': { text: s4, bytes: encode(s4) },
  };
  for (const [name, { text, bytes }] of Object.entries(files)) {
    TEXT[name] = text;
    await writeFile(join(dir, name), bytes);
  }
  for (const [name, { bytes }] of Object.entries(BAD)) if (bytes) await writeFile(join(dir, name), bytes);
  await mkdir(join(dir, 'folder.news.txt'));
  // An issue folder holding a good page and a binary one.
  await mkdir(join(dir, 'issue'));
  await writeFile(join(dir, 'issue', '1.news.txt'), GB_PAGE);
  await writeFile(join(dir, 'issue', '2.news.txt'), BAD['binary.news.txt'].bytes!);
});

after(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------
// Bad files

/** stderr holds exactly one line for the file, `FILE: error: …`, matching `error`. */
function assertOneErrorLine(run: Run, file: string, error: RegExp): void {
  const mine = run.errLines.filter((l) => l.startsWith(`${file}:`));
  assert.equal(mine.length, 1, `one line for ${file} on stderr, got:\n${run.stderr}`);
  assert.match(mine[0], new RegExp(`^${file.replace(/[.]/g, '\\.')}: error: \\S`));
  assert.match(mine[0], error);
  assert.ok(mine[0].length < 200, `a short line: ${mine[0]}`);
  assert.doesNotMatch(run.stderr, /internal error|\n\s+at /, 'no stack trace');
}

describe('each bad file alone', () => {
  for (const [file, { error }] of Object.entries(BAD)) {
    test(`parse --json ${file}: one line on stderr, exit 1, an empty result`, () => {
      const { run, pages } = parseJson(file);
      assert.equal(run.status, 1);
      assert.deepEqual(pages, []);
      assert.equal(run.errLines.length, 1, run.stderr);
      assertOneErrorLine(run, file, error);
    });

    // `check` takes folders: a folder is an issue (tested below).
    if (file !== 'folder.news.txt') test(`check ${file}: one line on stderr, exit 1`, () => {
      const run = cli('check', file);
      assert.equal(run.status, 1);
      assert.equal(run.stdout, '');
      assertOneErrorLine(run, file, error);
      // The summary line is the only other line.
      assert.equal(run.errLines.length, 2, run.stderr);
      assert.match(run.errLines[1], /0 page\(s\) checked.*1 file\(s\) unreadable/);
    });

    test(`outline ${file}: one line on stderr, exit 1`, () => {
      const run = cli('outline', file);
      assert.equal(run.status, 1);
      assert.equal(run.stdout, '');
      assert.equal(run.errLines.length, 1, run.stderr);
      assertOneErrorLine(run, file, error);
    });
  }
});

describe('bad files among good ones', () => {
  test('parse --json: every good file gets its result, in order; every bad file one line', () => {
    const args = [
      'utf8.news.txt', 'binary.news.txt', 'gb18030.news.txt', 'control.news.txt', 'utf16le-bom.news.txt', 'invalid-utf8.news.txt',
      'empty.news.txt', 'folder.news.txt', 'sample0.news.txt', 'missing.news.txt', 'sample4-gbk.news.txt',
    ];
    const { run, pages } = parseJson(...args);
    assert.equal(run.status, 1);
    assert.deepEqual(pages.map((p) => p.file), args.filter((a) => GOOD.includes(a)));
    assert.equal(run.errLines.length, Object.keys(BAD).length, run.stderr);
    for (const [file, { error }] of Object.entries(BAD)) assertOneErrorLine(run, file, error);
    // The good results are the same as when each is parsed alone.
    for (const p of pages) {
      const alone = parseJson(p.file).pages[0];
      assert.deepEqual(p.items, alone.items, p.file);
    }
  });

  test('check --format json: the good pages are checked, the bad ones reported, exit 1', () => {
    const run = cli('check', '--format', 'json', 'missing.news.txt', 'gb18030.news.txt', 'binary.news.txt', 'utf16le-bom.news.txt');
    assert.equal(run.status, 1);
    const report = JSON.parse(run.stdout) as { files: { path: string }[] };
    assert.deepEqual(report.files.map((f) => f.path).sort(), ['gb18030.news.txt', 'utf16le-bom.news.txt']);
    assert.equal(run.errLines.length, 2, run.stderr);
    assertOneErrorLine(run, 'missing.news.txt', BAD['missing.news.txt'].error);
    assertOneErrorLine(run, 'binary.news.txt', BAD['binary.news.txt'].error);
  });

  test('check of a folder without pages: one error line, exit 1 (a wrong path must not pass)', () => {
    const run = cli('check', 'folder.news.txt');
    assert.equal(run.status, 1);
    assert.equal(run.errLines.length, 2, run.stderr);
    assertOneErrorLine(run, 'folder.news.txt', /: no page files in this folder \(\.txt, \.news, \.news\.txt\)$/);
    assert.match(run.errLines[1], /^0 page\(s\) checked, 0 error\(s\), 0 other diagnostic\(s\), 1 file\(s\) unreadable/);
  });

  test('check of a folder: a binary page file is reported, the other page checked', () => {
    const run = cli('check', '--format', 'json', 'issue');
    assert.equal(run.status, 1);
    const report = JSON.parse(run.stdout) as { files: { path: string }[] };
    assert.deepEqual(report.files.map((f) => f.path), [join('issue', '1.news.txt')]);
    assert.equal(run.errLines.length, 1, run.stderr);
    assertOneErrorLine(run, join('issue', '2.news.txt'), /binary/);
  });

  test('outline: the good files are outlined, the bad ones reported', () => {
    const run = cli('outline', 'gb18030.news.txt', 'folder.news.txt', 'sample0.news.txt', 'invalid-utf8.news.txt');
    assert.equal(run.status, 1);
    assert.match(run.stdout, /^gb18030\.news\.txt \(page 4\)$/m);
    assert.match(run.stdout, /张稳科深入包联企业调研/);
    assert.match(run.stdout, /^sample0\.news\.txt/m);
    assert.equal(run.errLines.length, 2, run.stderr);
  });
});

// ---------------------------------------------------------------------------------------------
// Exit statuses as documented

describe('exit status', () => {
  test('0: pages without error diagnostics', () => {
    assert.equal(cli('check', 'gb18030.news.txt', 'empty.news.txt').status, 0);
    assert.equal(cli('parse', '--json', 'gb18030.news.txt', 'empty.news.txt').status, 0);
    assert.equal(cli('outline', 'gb18030.news.txt').status, 0);
  });

  test('1: an error diagnostic (the sample\'s `（见 版）`)', () => {
    const run = cli('check', 'sample0.news.txt');
    assert.equal(run.status, 1);
    assert.match(run.stdout, /^sample0\.news\.txt:\d+:\d+: error jump-missing-page /m);
  });

  const usages: string[][] = [[], ['parse'], ['parse', 'gb18030.news.txt'], ['parse', '--json'], ['frobnicate', 'x'], ['check'], ['check', '--format', 'xml', 'gb18030.news.txt'], ['check', '--locale', 'fr', 'gb18030.news.txt'], ['outline']];
  for (const args of usages) {
    test(`2: usage error for \`galley ${args.join(' ')}\``, () => {
      const run = cli(...args);
      assert.equal(run.status, 2);
      assert.equal(run.stdout, '');
      assert.match(run.stderr, /^usage: galley /);
    });
  }
});

// ---------------------------------------------------------------------------------------------
// Decodable files parse like their UTF-8 originals

describe('other encodings', () => {
  test('the GB18030 page: page id, headline, dateline, reporter and text', () => {
    const { run, pages } = parseJson('gb18030.news.txt');
    assert.equal(run.status, 0);
    assert.equal(run.stderr, '');
    const [p] = pages;
    assert.equal(p.page, 4);
    assert.equal(p.furniture.header?.text, '第04版：要闻');
    assert.equal(p.items.length, 1);
    const [item] = p.items;
    assert.equal(item.headline, '张稳科深入包联企业调研');
    assert.equal(item.dateline?.text, '本报讯（记者 王涛）');
    assert.deepEqual(item.people.map((x) => [x.name, x.role]), [['王涛', 'reporter']]);
    assert.deepEqual(item.paragraphs.map((x) => x.text), [
      '本报讯（记者王涛）6月18日，市政协主席张稳科在交城县深入所包联企业——美锦煤化工有限公司调研，了解企业生产运行中的具体困难。',
    ]);
  });

  test('GB18030 and UTF-16LE with BOM parse exactly like UTF-8', () => {
    const { pages } = parseJson('utf8.news.txt', 'gb18030.news.txt', 'utf16le-bom.news.txt');
    const strip = ({ file: _file, ...rest }: ContractPage) => rest;
    assert.deepEqual(strip(pages[1]), strip(pages[0]));
    assert.deepEqual(strip(pages[2]), strip(pages[0]));
  });

  test('a whole sample page in GBK parses exactly like its UTF-8 original', () => {
    const { run, pages } = parseJson('sample4.news.txt', 'sample4-gbk.news.txt');
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual({ ...pages[1], file: '' }, { ...pages[0], file: '' });
  });

  test('an empty file is an empty page', () => {
    const { run, pages } = parseJson('empty.news.txt');
    assert.equal(run.status, 0);
    assert.equal(run.stderr, '');
    assert.deepEqual(pages[0].items, []);
    assert.deepEqual(pages[0].diagnostics, []);
  });
});

// ---------------------------------------------------------------------------------------------
// parse --json loses and changes nothing

/** A page's text with its line starts, to cut out the exact text under a range. */
class Source {
  readonly lines: string[];
  readonly #starts: number[] = [0];
  constructor(readonly text: string) {
    this.lines = text.split(/\r\n|\r|\n/);
    for (const m of text.matchAll(/\r\n|\r|\n/g)) this.#starts.push(m.index + m[0].length);
  }
  /** The exact source text under a range, line endings as written. */
  slice(r: Rng): string {
    return this.text.slice(this.#starts[r.start.line] + r.start.character, this.#starts[r.end.line] + r.end.character);
  }
}

/** Every range in a value, with its path. */
function rangesIn(value: unknown, path = '', out: [string, Rng][] = []): [string, Rng][] {
  if (typeof value !== 'object' || value === null) return out;
  const v = value as Rng;
  if (typeof v.start?.line === 'number' && typeof v.end?.line === 'number') out.push([path, v]);
  else if (Array.isArray(value)) value.forEach((x, i) => rangesIn(x, `${path}[${i}]`, out));
  else for (const [k, x] of Object.entries(value)) rangesIn(x, `${path}.${k}`, out);
  return out;
}

const noSpace = (s: string): string => s.replace(/\s+/g, '');

/** True when `part`'s characters occur in `whole` in order. */
function isSubsequence(part: string, whole: string): boolean {
  let i = 0;
  for (const ch of whole) if (i < part.length && ch === part[i]) i++;
  return i === part.length;
}

describe('parse --json reproduces the input', () => {
  for (const file of GOOD) {
    test(file, () => {
      const { run, pages } = parseJson(file);
      assert.equal(run.status === 0 || run.status === 1, true);
      assert.equal(run.errLines.length, 0, run.stderr);
      const [p] = pages;
      const source = new Source(TEXT[file]);
      const { lines } = source;

      // Every range lies inside the page.
      for (const [path, r] of rangesIn(p)) {
        for (const pos of [r.start, r.end]) {
          assert.ok(pos.line >= 0 && pos.line < lines.length, `${path}: line ${pos.line}`);
          assert.ok(pos.character >= 0 && pos.character <= lines[pos.line].length, `${path}: character ${pos.character} on line ${pos.line}`);
        }
      }

      // Text given as written is exactly the text under its range.
      for (const j of p.jumps) assert.equal(source.slice(j.range), j.text, 'jump text');
      for (const f of p.figures) assert.equal(source.slice(f.range), f.text, 'figure text');
      for (const d of p.dates) assert.equal(source.slice(d.range), d.text, 'date text');
      if (p.furniture.header) assert.equal(noSpace(source.slice(p.furniture.header.range)), noSpace(p.furniture.header.text), 'header');

      // Repaired text (paragraphs, headlines, datelines) keeps every character of its source,
      // in order: only spaces and line breaks go.
      for (const [i, item] of p.items.entries()) {
        for (const para of item.paragraphs) {
          assert.ok(isSubsequence(noSpace(para.text), noSpace(source.slice(para.range))), `items[${i}] paragraph ${JSON.stringify(para.text.slice(0, 30))} is not in its source`);
        }
        for (const [t, r] of [[item.headline, item.headlineRange], [item.subtitle, item.subtitleRange], [item.dateline?.text ?? null, item.dateline?.range ?? null]] as const) {
          if (t !== null && r !== null) assert.ok(isSubsequence(noSpace(t), noSpace(source.slice(r))), `items[${i}] ${JSON.stringify(t)} is not in its source ${JSON.stringify(source.slice(r))}`);
        }
      }

      // Nothing is lost: every printed character of the page lies under some range of the
      // model (an agency source line such as `新华社发` has no range; it is matched by text).
      const covered = lines.map((l) => new Uint8Array(l.length));
      const model = { furniture: p.furniture, items: p.items, photos: p.photos, jumps: p.jumps };
      for (const [, r] of rangesIn(model)) {
        for (let n = r.start.line; n <= r.end.line; n++) {
          const from = n === r.start.line ? r.start.character : 0;
          const to = n === r.end.line ? r.end.character : lines[n].length;
          covered[n].fill(1, from, to);
        }
      }
      const sources = new Set(p.items.map((it) => it.source).filter((s): s is string => s !== null).map(noSpace));
      const lost = lines
        .map((l, n) => ({ n, l, missing: Array.from({ length: l.length }, (_, k) => l[k]).filter((ch, k) => !/\s/.test(ch) && !covered[n][k]).join('') }))
        .filter((x) => x.missing !== '' && !sources.has(noSpace(x.l)));
      assert.deepEqual(lost.map((x) => `${x.n + 1}: ${x.missing}`), [], 'characters under no range of the model');
    });
  }
});
