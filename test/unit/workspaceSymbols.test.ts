import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parsePage } from '../../server/src/core/parsePage';
import { prepareWorkspaceSymbols, provideWorkspaceSymbols } from '../../server/src/languageFeatures/workspaceSymbols';
import { PAGE_01, PAGE_04 } from '../protocol/driver';

const pages = [parsePage(PAGE_01, 'file:///issue/01.news'), parsePage(PAGE_04, 'file:///issue/04.news')];
const headlines = pages.flatMap((p) => p.items.map((i) => i.headline).filter((h): h is string => h !== null));

describe('workspace symbols', () => {
  test('a query matches the names holding its characters in order, spaces and case aside', () => {
    const name = headlines[0];
    const query = `${name[0]} ${name[name.length - 1]}`;
    const found = provideWorkspaceSymbols(pages, query).map((s) => s.name);
    assert.ok(found.includes(name), `${query} finds ${name}`);
    assert.ok(found.every((n) => n.includes(name[0]) && n.includes(name[name.length - 1])));
    assert.deepEqual(provideWorkspaceSymbols(pages, [...name].reverse().join('')).map((s) => s.name).includes(name), name.length < 2);
  });

  test('an empty query names every item; a query no page holds names none', () => {
    assert.equal(provideWorkspaceSymbols(pages, '').length, pages.reduce((n, p) => n + p.items.length, 0));
    assert.deepEqual(provideWorkspaceSymbols(pages, 'qqqzzz'), []);
  });

  test('each symbol points at its page and its headline', () => {
    for (const s of provideWorkspaceSymbols(pages, '')) {
      const page = pages.find((p) => p.uri === s.location.uri)!;
      assert.ok('range' in s.location);
      const { range } = s.location;
      assert.ok(page.items.some((i) => (i.headlineRange ?? i.bodyRange) === range));
    }
  });

  test('names made ahead of the first query answer as names made by it', () => {
    const fresh = [parsePage(PAGE_01, 'file:///issue/01.news'), parsePage(PAGE_04, 'file:///issue/04.news')];
    prepareWorkspaceSymbols(fresh);
    assert.deepEqual(provideWorkspaceSymbols(fresh, headlines[0].slice(0, 2)), provideWorkspaceSymbols(pages, headlines[0].slice(0, 2)));
  });
});
