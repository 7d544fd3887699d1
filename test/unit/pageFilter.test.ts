// Which files are pages: the galley.pages.include / exclude globs of a workspace folder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_PAGE_SETTINGS, PageFilter } from '../../server/src/workspace/pageFilter';

test('by default *.news and *.news.txt are pages, anywhere but node_modules and .git', () => {
  const f = new PageFilter([{ dir: '/ws', settings: DEFAULT_PAGE_SETTINGS }]);
  assert.equal(f.isPage('/ws/2024/01.news'), true);
  assert.equal(f.isPage('/ws/samples/000.news.txt'), true);
  assert.equal(f.isPage('/ws/notes.txt'), false);
  assert.equal(f.isPage('/ws/node_modules/x/01.news'), false);
  assert.equal(f.isExcludedDir('/ws/node_modules'), true);
  assert.equal(f.isExcludedDir('/ws/2024'), false);
  // Outside every workspace folder the defaults apply to the file name.
  assert.equal(f.isPage('/elsewhere/04.news'), true);
});

test('a folder’s own settings decide, and the innermost folder wins', () => {
  const f = new PageFilter([
    { dir: '/ws', settings: { include: ['**/*.txt'], exclude: ['archive/**'] } },
    { dir: '/ws/inner', settings: DEFAULT_PAGE_SETTINGS },
  ]);
  assert.equal(f.isPage('/ws/pages/01.txt'), true);
  assert.equal(f.isPage('/ws/archive/01.txt'), false);
  assert.equal(f.isExcludedDir('/ws/archive'), true);
  assert.equal(f.isPage('/ws/inner/01.txt'), false);
  assert.equal(f.isPage('/ws/inner/01.news'), true);
});

test('the watcher watches every folder’s include globs', () => {
  assert.deepEqual(PageFilter.globs([{ include: ['**/*.txt'], exclude: [] }]), ['**/*.news', '**/*.news.txt', '**/*.txt']);
});
