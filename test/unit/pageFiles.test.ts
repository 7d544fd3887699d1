import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { collectPageFiles, naturalCompare } from '../../server/src/cli/pageFiles';

let root = '';

async function touch(...parts: string[]): Promise<void> {
  const file = join(root, ...parts);
  await mkdir(join(file, '..'), { recursive: true });
  await writeFile(file, '本报讯\n');
}

/** The result with paths relative to the temporary root, for readable assertions. */
function rel(issues: Map<string, string[]>): [string, string[]][] {
  return [...issues].map(([folder, files]) => [relative(root, folder) || '.', files.map((f) => relative(root, f))]);
}

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'galley-pagefiles-'));
  // issue-1: natural order, page extensions, a non-page file, hidden files
  for (const name of ['10.txt', '2.txt', '1.txt', 'A3.news', 'b.news.txt', 'notes.md', '.hidden.txt', '._2.txt']) {
    await touch('issue-1', name);
  }
  await touch('issue-1', 'sub', '3.TXT'); // extensions are case-insensitive
  await touch('issue-1', 'sub', 'page.pdf');
  await touch('node_modules', 'pkg', 'readme.txt');
  await touch('.git', 'log.txt');
  await touch('issue-2', '版面01.txt');
  await mkdir(join(root, 'empty'));
  // a symlink loop: loopy/inner/back → loopy
  await touch('loopy', 'p1.txt');
  await touch('loopy', 'inner', 'p2.txt');
  await symlink(join(root, 'loopy'), join(root, 'loopy', 'inner', 'back'), 'dir');
  // a file symlink to a page that is listed anyway, and a dangling page link
  await symlink(join(root, 'issue-2', '版面01.txt'), join(root, 'issue-2', 'alias.txt'));
  await symlink(join(root, 'issue-2', 'gone.txt'), join(root, 'issue-2', 'dead.txt'));
});

after(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('collectPageFiles', () => {
  test('walks folders recursively, one issue per folder, natural order', async () => {
    const { issues, errors } = await collectPageFiles([root]);
    assert.deepEqual(rel(issues), [
      ['issue-1', ['issue-1/1.txt', 'issue-1/2.txt', 'issue-1/10.txt', 'issue-1/A3.news', 'issue-1/b.news.txt']],
      ['issue-1/sub', ['issue-1/sub/3.TXT']],
      // alias.txt links to 版面01.txt: the same file is listed once (alias.txt sorts first)
      ['issue-2', ['issue-2/alias.txt']],
      ['loopy', ['loopy/p1.txt']],
      ['loopy/inner', ['loopy/inner/p2.txt']],
    ]);
    assert.deepEqual(
      errors.map((e) => [relative(root, e.path), e.error]),
      [['issue-2/dead.txt', 'broken symbolic link']],
    );
  });

  test('the symlink loop ends, and a folder named twice is walked once', async () => {
    const { issues } = await collectPageFiles([join(root, 'loopy', 'inner'), join(root, 'loopy'), `${join(root, 'loopy')}/`]);
    // Entered at loopy/inner, the loop is followed once into loopy (as loopy/inner/back); the
    // real loopy folder is then recognised as already walked.
    assert.deepEqual(rel(issues), [
      ['loopy/inner', ['loopy/inner/p2.txt']],
      ['loopy/inner/back', ['loopy/inner/back/p1.txt']],
    ]);
  });

  test('a file named directly is taken whatever its extension, and listed once', async () => {
    const pdf = join(root, 'issue-1', 'sub', 'page.pdf');
    const hidden = join(root, 'issue-1', '.hidden.txt');
    const { issues, errors } = await collectPageFiles([pdf, join(root, 'issue-1', 'sub'), hidden, join(root, 'issue-1', '.', 'sub', '3.TXT')]);
    assert.deepEqual(errors, []);
    assert.deepEqual(rel(issues), [
      ['issue-1/sub', ['issue-1/sub/3.TXT', 'issue-1/sub/page.pdf']],
      ['issue-1', ['issue-1/.hidden.txt']],
    ]);
  });

  test('files named directly in one folder form one issue', async () => {
    const { issues } = await collectPageFiles([join(root, 'issue-1', '10.txt'), join(root, 'issue-1', '2.txt')]);
    assert.deepEqual(rel(issues), [['issue-1', ['issue-1/2.txt', 'issue-1/10.txt']]]);
  });

  test('relative arguments stay relative', async () => {
    const cwd = process.cwd();
    process.chdir(root);
    try {
      const { issues } = await collectPageFiles(['./issue-1/sub/', 'issue-2/版面01.txt']);
      assert.deepEqual([...issues], [
        [join('issue-1', 'sub'), [join('issue-1', 'sub', '3.TXT')]],
        ['issue-2', [join('issue-2', '版面01.txt')]],
      ]);
    } finally {
      process.chdir(cwd);
    }
  });

  test('missing arguments and folders without pages are one-line errors', async () => {
    const missing = join(root, 'nope');
    const empty = join(root, 'empty');
    const { issues, errors } = await collectPageFiles([missing, empty]);
    assert.equal(issues.size, 0);
    assert.deepEqual(errors, [
      { path: missing, error: 'no such file or folder' },
      { path: empty, error: 'no page files in this folder (.txt, .news, .news.txt)' },
    ]);
  });

  test('a folder named twice is no error the second time', async () => {
    const issue = join(root, 'issue-1');
    const { issues, errors } = await collectPageFiles([issue, issue]);
    assert.deepEqual(rel(issues), rel((await collectPageFiles([issue])).issues));
    assert.deepEqual(errors, []);
  });

  test('custom extensions, with or without the dot', async () => {
    const { issues } = await collectPageFiles([join(root, 'issue-1')], { extensions: ['md', '.pdf'] });
    assert.deepEqual(rel(issues), [
      ['issue-1', ['issue-1/notes.md']],
      ['issue-1/sub', ['issue-1/sub/page.pdf']],
    ]);
  });

  test('the walk is capped with an error line', async () => {
    const { errors } = await collectPageFiles([root], { maxEntries: 5 });
    assert.equal(errors.length, 1);
    assert.match(errors[0]!.error, /^stopped after 5 entries/);
  });
});

describe('naturalCompare', () => {
  test('numbers by value, text case-insensitively, total order', () => {
    const names = ['10.txt', '2.txt', 'a10.txt', 'A2.txt', '1.txt', '02.txt', 'b.txt', 'B.txt', 'page-100.txt', 'page-9.txt'];
    assert.deepEqual([...names].sort(naturalCompare), [
      '1.txt', '02.txt', '2.txt', '10.txt', 'A2.txt', 'a10.txt', 'B.txt', 'b.txt', 'page-9.txt', 'page-100.txt',
    ]);
    assert.equal(naturalCompare('x', 'x'), 0);
  });
});
