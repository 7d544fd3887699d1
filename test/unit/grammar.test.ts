// Checks the TextMate grammar (syntaxes/newspaper.tmLanguage.json) with the
// same engine VS Code uses (vscode-textmate + vscode-oniguruma), and runs the
// snapshot tests under test/grammar (vscode-tmgrammar-snap) so that a broken
// grammar or a stale snapshot fails `npm run test:unit`.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';

const ROOT = path.resolve(__dirname, '..', '..');
const GRAMMAR_PATH = path.join(ROOT, 'syntaxes', 'newspaper.tmLanguage.json');
const SCOPE = 'text.newspaper';
const FIXTURE_DIR = path.join(ROOT, 'test', 'grammar');

interface Token {
  text: string;
  scopes: string[];
}

let grammar: vsctm.IGrammar;

before(async () => {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm);
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName: string) =>
      scopeName === SCOPE
        ? vsctm.parseRawGrammar(readFileSync(GRAMMAR_PATH, 'utf8'), GRAMMAR_PATH)
        : null,
  });
  const loaded = await registry.loadGrammar(SCOPE);
  assert.ok(loaded, `grammar ${SCOPE} did not load`);
  grammar = loaded;
});

function tokenize(line: string): Token[] {
  const { tokens } = grammar.tokenizeLine(line, vsctm.INITIAL);
  return tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
}

/** Scopes of the token whose text is exactly `text` (first occurrence). */
function scopesOf(line: string, text: string): string[] {
  const tok = tokenize(line).find((t) => t.text === text);
  assert.ok(
    tok,
    `no token ${JSON.stringify(text)} in ${JSON.stringify(line)}; tokens: ${JSON.stringify(tokenize(line).map((t) => t.text))}`,
  );
  return tok.scopes;
}

function assertScope(line: string, text: string, scope: string): void {
  const scopes = scopesOf(line, text);
  assert.ok(scopes.includes(scope), `${JSON.stringify(text)} in ${JSON.stringify(line)} has ${scopes.join(' ')}, expected ${scope}`);
}

/** Every character of `text` (found in `line`) is covered by tokens carrying `scope`. */
function assertCovered(line: string, text: string, scope: string): void {
  const start = line.indexOf(text);
  assert.ok(start >= 0, `${JSON.stringify(text)} not in ${JSON.stringify(line)}`);
  const end = start + text.length;
  const { tokens } = grammar.tokenizeLine(line, vsctm.INITIAL);
  for (const t of tokens) {
    if (t.endIndex <= start || t.startIndex >= end) continue;
    assert.ok(
      t.scopes.includes(scope),
      `${JSON.stringify(line.slice(t.startIndex, t.endIndex))} in ${JSON.stringify(line)} has ${t.scopes.join(' ')}, expected ${scope}`,
    );
  }
}

function assertNoScope(line: string, scopePrefix: string): void {
  for (const t of tokenize(line)) {
    assert.ok(
      !t.scopes.some((s) => s.startsWith(scopePrefix)),
      `${JSON.stringify(t.text)} in ${JSON.stringify(line)} unexpectedly has ${t.scopes.join(' ')}`,
    );
  }
}

describe('newspaper grammar', () => {
  test('grammar file declares text.newspaper', () => {
    const raw = JSON.parse(readFileSync(GRAMMAR_PATH, 'utf8')) as { scopeName?: unknown };
    assert.equal(raw.scopeName, SCOPE);
  });

  test('Chinese jump lines and their page numbers', () => {
    assertCovered('（下转4版）', '（下转4版）', 'markup.underline.link.jump.newspaper');
    assertScope('（下转4版）', '4', 'constant.numeric.page.newspaper');
    assertScope('（下转第四版）', '四', 'constant.numeric.page.newspaper');
    assertScope('(下转第2版)', '2', 'constant.numeric.page.newspaper');
    assertScope('（转A2版）', 'A2', 'constant.numeric.page.newspaper');
    assertScope('（上接1版）', '1', 'constant.numeric.page.newspaper');
    assertScope('（接第3版）', '3', 'constant.numeric.page.newspaper');
    assertScope('（见2版）', '2', 'constant.numeric.page.newspaper');
    assertScope('相关报道详见第3版。', '3', 'constant.numeric.page.newspaper');
    assertCovered('（见 版）', '（见 版）', 'markup.underline.link.jump.newspaper');
    assertNoScope('见面会上，大家畅所欲言。', 'markup.underline.link.jump');
  });

  test('English jump lines', () => {
    assertCovered('Continued on Page A4', 'Continued on Page A4', 'markup.underline.link.jump.newspaper');
    assertScope('Continued on Page A4', 'A4', 'constant.numeric.page.newspaper');
    assertScope('Continued from Page 1', '1', 'constant.numeric.page.newspaper');
    assertCovered('See BUDGET, Page 5', 'See BUDGET, Page 5', 'markup.underline.link.jump.newspaper');
    assertScope('See BUDGET, Page 5', '5', 'constant.numeric.page.newspaper');
  });

  test('datelines, reporter roles and names', () => {
    const line = '本报讯 （记者 王涛） 6月18日，市里召开会议。';
    assertScope(line, '本报讯', 'keyword.other.dateline.newspaper');
    assertScope(line, '记者', 'storage.type.role.newspaper');
    assertScope(line, '王涛', 'entity.name.person.newspaper');
    assertScope('本 报 讯', '本 报 讯', 'keyword.other.dateline.newspaper');
    assertScope('本报北京6月21日电', '本报北京6月21日电', 'keyword.other.dateline.newspaper');
    const xinhua = '新华社北京1月4日电（记者 罗丽 通讯员 安豪）';
    assertScope(xinhua, '新华社北京1月4日电', 'keyword.other.dateline.newspaper');
    assertScope(xinhua, '通讯员', 'storage.type.role.newspaper');
    assertScope(xinhua, '罗丽', 'entity.name.person.newspaper');
    assertScope(xinhua, '安豪', 'entity.name.person.newspaper');
    assertScope('（全媒体记者 李华）', '全媒体记者', 'storage.type.role.newspaper');
    assertScope('（实习生 李四）', '实习生', 'storage.type.role.newspaper');
    assertNoScope('记者了解到，今年全市就业形势总体稳定。', 'storage.type.role');
  });

  test('bylines', () => {
    const line = '□ 本报记者 张三';
    assertCovered(line, line, 'meta.byline.newspaper');
    assertScope(line, '本报记者', 'storage.type.role.newspaper');
    assertScope(line, '张三', 'entity.name.person.newspaper');
    assertScope('■ 王富贵 苏凤凤', '苏凤凤', 'entity.name.person.newspaper');
  });

  test('photo markers, credits and sources', () => {
    assertScope('图①9月28日，市民观看展览。', '图①', 'entity.name.tag.photo.newspaper');
    assertScope('图1 新建成的体育馆。', '图1', 'entity.name.tag.photo.newspaper');
    assertScope('左图 收割机在作业。', '左图', 'entity.name.tag.photo.newspaper');
    assertScope('拼版照片：上图为车间。', '拼版照片', 'entity.name.tag.photo.newspaper');
    assertNoScope('图书馆每天开放。', 'entity.name.tag.photo');
    assertCovered('（新华社记者 曹阳 摄）', '（新华社记者 曹阳 摄）', 'string.other.credit.newspaper');
    assertScope('（新华社记者 曹阳 摄）', '曹阳', 'entity.name.person.newspaper');
    assertCovered('孩子们合影。 记者 张文慧 摄', '记者 张文慧 摄', 'string.other.credit.newspaper');
    assertCovered('（新华社发 刘亮亮 摄）', '（新华社发 刘亮亮 摄）', 'string.other.credit.newspaper');
    assertScope('工人检修设备。 新华社发', '新华社发', 'comment.line.source.newspaper');
    assertScope('（据新华社）', '（据新华社）', 'comment.line.source.newspaper');
  });

  test('figures', () => {
    for (const [line, figure] of [
      ['贫困劳动力 37.84 万人，', '37.84 万人'],
      ['投资 2.242 亿 元。', '2.242 亿 元'],
      ['人均收入 4000元/月。', '4000元/月'],
      ['增长83.7%，', '83.7%'],
      ['新增720万㎡绿地', '720万㎡'],
    ] as const) {
      assertScope(line, figure, 'constant.numeric.figure.newspaper');
    }
    assertNoScope('6月 18日，A4 版，2022年', 'constant.numeric.figure');
  });

  test('section numbering and editor notes', () => {
    assertScope('一、坚持党建引领', '一、', 'markup.heading.section.newspaper');
    assertScope('（一）强化责任', '（一）', 'markup.heading.section.newspaper');
    assertScope('1、加强学习', '1、', 'markup.heading.section.newspaper');
    assertScope('编者按：今年是关键之年。', '编者按：', 'keyword.other.editor-note.newspaper');
    assertScope('编者按', '编者按', 'keyword.other.editor-note.newspaper');
  });

  test('adversarial long lines tokenize to their end (bounded patterns)', () => {
    const lines = [
      '（'.repeat(3000),
      '（记者 王涛'.repeat(500),
      '记者 张三 '.repeat(500),
      '1'.repeat(5000),
      '1 万 '.repeat(1000),
      'See ABC DEF, '.repeat(400),
      '（下转第'.repeat(500),
      '□' + '本报记者 张三 '.repeat(300),
      '本报记者 ' + '张三 '.repeat(300) + '李',
      '（新华社记者 曹阳 '.repeat(200) + '摄）',
    ];
    // A pattern that backtracks without bound runs into the tokenizer's own 2 s limit (each of
    // these lines takes milliseconds): stopping early is the failure, not a wall-clock figure.
    for (const line of lines) {
      const result = grammar.tokenizeLine(line, vsctm.INITIAL, 2000);
      assert.equal(result.stoppedEarly, false, `tokenizing ${JSON.stringify(line.slice(0, 20))}… stopped early`);
    }
  });
});

describe('language configuration', () => {
  test('brackets and pairs, no comments', () => {
    const conf = JSON.parse(readFileSync(path.join(ROOT, 'language-configuration.json'), 'utf8')) as {
      comments?: unknown;
      brackets: [string, string][];
      autoClosingPairs: { open: string; close: string }[];
      surroundingPairs: [string, string][];
    };
    assert.equal(conf.comments, undefined);
    const expected = ['（）', '“”', '《》', '()', '[]', '‘’', '「」'];
    assert.deepEqual(conf.brackets.map(([o, c]) => o + c).sort(), [...expected].sort());
    assert.deepEqual(conf.autoClosingPairs.map((p) => p.open + p.close).sort(), [...expected].sort());
    assert.deepEqual(conf.surroundingPairs.map(([o, c]) => o + c).sort(), [...expected].sort());
  });
});

describe('grammar snapshots (test/grammar/*.news)', () => {
  const fixtures = readdirSync(FIXTURE_DIR).filter((f) => f.endsWith('.news'));

  test('every fixture has a committed snapshot', () => {
    assert.ok(fixtures.length > 0, 'no fixtures in test/grammar');
    // vscode-tmgrammar-snap silently *creates* a missing snapshot and passes.
    const missing = fixtures.filter((f) => !existsSync(path.join(FIXTURE_DIR, `${f}.snap`)));
    assert.deepEqual(missing, [], 'run `npm run test:grammar` to generate the missing snapshots, review and commit them');
  });

  test('snapshots match (vscode-tmgrammar-snap)', () => {
    const missing = fixtures.filter((f) => !existsSync(path.join(FIXTURE_DIR, `${f}.snap`)));
    assert.deepEqual(missing, [], 'not running the snapshot tool: it would write the missing snapshots');
    const pkgJson = require.resolve('vscode-tmgrammar-test/package.json');
    const snapBin = path.join(path.dirname(pkgJson), 'dist', 'snapshot.js');
    const result = spawnSync(
      process.execPath,
      [snapBin, '-g', path.relative(ROOT, GRAMMAR_PATH), '-s', SCOPE, 'test/grammar/*.news'],
      { cwd: ROOT, encoding: 'utf8', timeout: 120_000 },
    );
    assert.equal(
      result.status,
      0,
      `vscode-tmgrammar-snap failed (update with \`npm run test:grammar -- --updateSnapshot\` if the change is intended):\n${result.stdout}\n${result.stderr}`,
    );
  });
});
