import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { LineIndex } from '../../server/src/core/text';
import { readLines } from '../../server/src/core/lines';
import { findDamage, isLetterSpaced } from '../../server/src/core/damage';

const lineOf = (raw: string) => readLines(new LineIndex(raw))[0];

describe('extraction damage', () => {
  test('a letter-spaced line is one text-spaced hint over its spaced run', () => {
    const d = findDamage(lineOf('式 的 文 艺 展 演 精 彩 纷 呈 。'));
    assert.deepEqual(d.map((x) => [x.kind, x.range.start.character, x.range.end.character]), [['text-spaced', 0, 19]]);
  });

  test('the answer for a line does not depend on the lines looked at before it', () => {
    // A long spaced line leaves the shared pattern's position far along; a short one after it is still read from its start.
    assert.ok(isLetterSpaced('一 二 三 四 五 六 七 八 九 十 一 二 三 四 五 六 七 八 九 十 一 二 三 四 五 六'));
    const d = findDamage(lineOf('式 的 文 艺 展 演'));
    assert.equal(d.length, 1);
    assert.equal(d[0].range.start.character, 0);
  });

  test('a single gap between Han characters is a glyph gap; a line without gaps has no damage', () => {
    assert.deepEqual(findDamage(lineOf('乡村振兴上 出新招，各地纷纷行动')).map((x) => x.kind), ['glyph-gap']);
    assert.deepEqual(findDamage(lineOf('乡村振兴上出新招，各地纷纷行动')), []);
    assert.deepEqual(findDamage(lineOf('本报讯 近日，我市召开会议')), [], 'a space after a dateline is deliberate');
  });
});
