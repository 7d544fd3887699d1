import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BigramIndex, bigrams, overlap } from '../../server/src/core/similarity';

test('a headline shares its bigrams with its own body, spaces between Han characters kept together', () => {
  const body = bigrams('本报讯 全市 春耕 备耕工作 有序推进，农资供应充足。');
  assert.equal(overlap('春耕备耕', body), 1);
  assert.equal(overlap('春耕备耕有序推进', body), 6 / 7);
  assert.equal(overlap('高速公路今起封闭施工', body), 0);
  // Punctuation breaks a word: `足。农` is no bigram.
  assert.equal(overlap('充足农业', bigrams('供应充足。农业')), 2 / 3);
});

test('a bigram across a line break counts for the later line; a Latin word is one key', () => {
  const lines = ['全市春', '耕工作有序', 'Port of Shanghai', '。推进'];
  const wanted = new Set([...bigrams('春耕'), ...bigrams('Shanghai'), ...bigrams('序推')]);
  const index = new BigramIndex(lines, wanted);
  const spring = bigrams('春耕');
  assert.equal(index.overlap(spring, 0, 1), 0);
  assert.equal(index.overlap(spring, 1, 2), 1);
  const city = bigrams('shanghai');
  assert.equal(city.size, 1);
  assert.equal(index.overlap(city, 2, 3), 1);
  assert.equal(index.overlap(city, 0, 2), 0);
  // A line of Latin text between them, and punctuation, break the Han word.
  assert.equal(index.overlap(bigrams('序推'), 0, 4), 0);
  // Latin words shorter than four letters are mostly function words, and are not kept.
  assert.equal(bigrams('out of the way').size, 0);
  assert.equal(bigrams('port').size, 1);
});
