import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { GalleyDiagnostic } from '../../server/src/core/diagnostic';
import { formatCompiler, formatJson, formatSarif, toSarifUri } from '../../server/src/cli/format';

const uri1 = pathToFileURL(resolve('issue/版面01.txt')).href;
const uri4 = pathToFileURL(resolve('issue/04.txt')).href;
const uriOther = pathToFileURL(resolve('issue/05.txt')).href;

const range = (line: number, character: number, endLine: number, endCharacter: number) => ({
  start: { line, character },
  end: { line: endLine, character: endCharacter },
});

// `　　本报讯（下转4版）` — the jump line starts at UTF-16 character 5 of line 2.
const unmatched: GalleyDiagnostic = {
  uri: uri1,
  range: range(2, 5, 2, 11),
  code: 'jump-unmatched',
  severity: 'warning',
  message: { en: 'No "continued from page 1" on page 4.', zh: '第4版找不到对应的“上接1版”。' },
  related: [{ uri: uri4, range: range(0, 0, 0, 6), message: { en: 'Page 4 starts here.', zh: '第4版从这里开始。' } }],
};
const missingPage: GalleyDiagnostic = {
  uri: uri1,
  range: range(9, 0, 9, 5),
  code: 'jump-missing-page',
  severity: 'error',
  message: { en: 'The jump line names\nno page.', zh: '转版标记缺少版次。' },
  related: [],
};
const spaced: GalleyDiagnostic = {
  uri: uri4,
  range: range(0, 1, 1, 0),
  code: 'text-spaced',
  severity: 'information',
  message: { en: 'Letter-spaced text.', zh: '字间有空格。' },
  related: [{ uri: uriOther, range: range(3, 2, 3, 4), message: { en: 'Elsewhere.', zh: '别处。' } }],
};
const hint: GalleyDiagnostic = { ...spaced, severity: 'hint', related: [] };

const results = [
  { path: 'issue/版面01.txt', diagnostics: [unmatched, missingPage] },
  { path: 'issue/04.txt', uri: uri4, diagnostics: [spaced, hint] },
  { path: 'issue/06.txt', diagnostics: [] },
];

describe('formatCompiler', () => {
  test('file:line:col: severity code message, 1-based', () => {
    assert.equal(
      formatCompiler(unmatched, 'issue/版面01.txt', 'en'),
      'issue/版面01.txt:3:6: warning jump-unmatched No "continued from page 1" on page 4.',
    );
    assert.equal(formatCompiler(unmatched, 'issue/版面01.txt', 'zh'), 'issue/版面01.txt:3:6: warning jump-unmatched 第4版找不到对应的“上接1版”。');
  });

  test('a message stays on one line', () => {
    assert.equal(formatCompiler(missingPage, 'a.txt', 'en'), 'a.txt:10:1: error jump-missing-page The jump line names no page.');
  });
});

describe('formatJson', () => {
  test('documented shape, 1-based positions, locale, summary', () => {
    const json = JSON.parse(formatJson(results, 'en'));
    assert.equal(json.version, 1);
    assert.equal(json.locale, 'en');
    assert.equal(json.files.length, 3);
    assert.deepEqual(json.files[0].diagnostics[0], {
      code: 'jump-unmatched',
      severity: 'warning',
      message: 'No "continued from page 1" on page 4.',
      line: 3,
      column: 6,
      endLine: 3,
      endColumn: 12,
      range: range(2, 5, 2, 11),
      related: [
        {
          path: 'issue/04.txt', // resolved through the result's uri
          uri: uri4,
          message: 'Page 4 starts here.',
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 7,
          range: range(0, 0, 0, 6),
        },
      ],
    });
    assert.equal(json.files[1].diagnostics[0].related[0].path, 'issue/05.txt'); // file: URI made relative to the cwd
    assert.deepEqual(json.files[2], { path: 'issue/06.txt', diagnostics: [] });
    assert.deepEqual(json.summary, { files: 3, filesWithDiagnostics: 2, errors: 1, warnings: 1, information: 1, hints: 1 });
  });

  test('Chinese messages with zh', () => {
    const json = JSON.parse(formatJson(results, 'zh'));
    assert.equal(json.files[0].diagnostics[1].message, '转版标记缺少版次。');
  });
});

describe('formatSarif', () => {
  const sarif = JSON.parse(formatSarif(results, 'en', '0.1.0'));
  const run = sarif.runs[0];

  test('SARIF 2.1.0 log with the galley driver and one rule per code', () => {
    assert.equal(sarif.version, '2.1.0');
    assert.match(sarif.$schema, /sarif-2\.1\.0/);
    assert.equal(sarif.runs.length, 1);
    assert.equal(run.tool.driver.name, 'galley');
    assert.equal(run.tool.driver.version, '0.1.0');
    assert.equal(run.columnKind, 'utf16CodeUnits');
    assert.deepEqual(
      run.tool.driver.rules.map((r: { id: string }) => r.id),
      ['jump-missing-page', 'jump-unmatched', 'text-spaced'],
    );
    for (const rule of run.tool.driver.rules) assert.equal(typeof rule.shortDescription.text, 'string');
  });

  test('results: ruleId, ruleIndex, level, message, location, region', () => {
    assert.equal(run.results.length, 4);
    const [first, second, third, fourth] = run.results;
    assert.deepEqual(first, {
      ruleId: 'jump-unmatched',
      ruleIndex: 1,
      level: 'warning',
      message: { text: 'No "continued from page 1" on page 4.' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'issue/%E7%89%88%E9%9D%A201.txt' },
            region: { startLine: 3, startColumn: 6, endLine: 3, endColumn: 12 },
          },
        },
      ],
      relatedLocations: [
        {
          id: 1,
          physicalLocation: {
            artifactLocation: { uri: 'issue/04.txt' },
            region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 7 },
          },
          message: { text: 'Page 4 starts here.' },
        },
      ],
    });
    assert.equal(second.level, 'error');
    assert.equal(second.relatedLocations, undefined);
    assert.equal(third.level, 'note'); // information
    assert.equal(fourth.level, 'note'); // hint
    assert.equal(run.tool.driver.rules[third.ruleIndex].id, third.ruleId);
  });

  test('zh messages', () => {
    const zh = JSON.parse(formatSarif(results, 'zh', '0.1.0'));
    assert.equal(zh.runs[0].results[0].message.text, '第4版找不到对应的“上接1版”。');
  });

  test('an empty run is still valid', () => {
    const empty = JSON.parse(formatSarif([], 'en', '0.1.0'));
    assert.deepEqual(empty.runs[0].results, []);
    assert.deepEqual(empty.runs[0].tool.driver.rules, []);
  });
});

describe('toSarifUri', () => {
  test('relative paths, Windows separators, absolute paths', () => {
    assert.equal(toSarifUri('issue/a b#1.txt'), 'issue/a%20b%231.txt');
    assert.equal(toSarifUri('issue\\01.txt'), 'issue/01.txt');
    assert.equal(toSarifUri('../x/01.txt'), '../x/01.txt');
    assert.equal(toSarifUri('/tmp/版面.txt'), 'file:///tmp/%E7%89%88%E9%9D%A2.txt');
  });
});
