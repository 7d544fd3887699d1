/**
 * Expands the CLI's file and folder arguments into page files, grouped by issue.
 *
 * An issue is a folder: the page files directly inside one folder form one issue. Folders are
 * walked recursively in natural order, skipping `node_modules` and dot-folders (and dot-files,
 * such as macOS `._page.txt` resource forks). A file named directly as an argument is taken
 * whatever its extension, dot-name or not. Symbolic links are followed, but every folder is
 * visited once by its real path, so link loops end, and a file reached twice is listed once.
 */
import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { describeFsError } from './readPage';

export const DEFAULT_PAGE_EXTENSIONS: readonly string[] = ['.txt', '.news', '.news.txt'];
export const DEFAULT_MAX_ENTRIES = 200_000;

export interface CollectOptions {
  /** Page file extensions, with or without the leading dot; case-insensitive. */
  readonly extensions?: readonly string[];
  /** The most folder entries (and arguments) looked at before the walk stops with an error. */
  readonly maxEntries?: number;
}

export interface CollectResult {
  /** Folder → its page files, sorted naturally. Folders in argument order, then walk order. */
  readonly issues: Map<string, string[]>;
  readonly errors: { path: string; error: string }[];
}

/** Expands CLI arguments (files and folders) into page files, grouped by issue (= folder). */
export async function collectPageFiles(args: string[], options?: CollectOptions): Promise<CollectResult> {
  const extensions = (options?.extensions ?? DEFAULT_PAGE_EXTENSIONS)
    .filter((e) => e.length > 0)
    .map((e) => (e.startsWith('.') ? e : `.${e}`).toLowerCase());
  const walk = new Walk(extensions, options?.maxEntries ?? DEFAULT_MAX_ENTRIES);

  for (const raw of args) {
    if (walk.stopped) break;
    if (!walk.count(raw)) break;
    const arg = normalizeArg(raw);
    let info;
    try {
      info = await stat(arg);
    } catch (error) {
      walk.errors.push({ path: raw, error: describeFsError(error) });
      continue;
    }
    if (info.isDirectory()) {
      // A folder named to be checked that holds no page is a mistake (a wrong path, an empty
      // export), not a clean result: a checker run in CI would otherwise pass on it.
      if ((await walk.folder(arg)) === 'no pages') {
        walk.errors.push({ path: raw, error: `no page files in this folder (${extensions.join(', ')})` });
      }
    } else if (info.isFile()) {
      let real: string;
      try {
        real = await realpath(arg);
      } catch (error) {
        walk.errors.push({ path: raw, error: describeFsError(error) });
        continue;
      }
      walk.addFiles(path.dirname(arg), [{ file: arg, real }]);
    } else {
      walk.errors.push({ path: raw, error: 'not a regular file or folder' });
    }
  }

  const issues = new Map<string, string[]>();
  for (const [folder, files] of walk.issues) issues.set(folder, files.sort(naturalCompare));
  return { issues, errors: walk.errors };
}

class Walk {
  readonly issues = new Map<string, string[]>();
  readonly errors: { path: string; error: string }[] = [];
  readonly #seenFolders = new Set<string>();
  readonly #seenFiles = new Set<string>();
  #entries = 0;
  stopped = false;

  constructor(
    readonly extensions: readonly string[],
    readonly maxEntries: number,
  ) {}

  /** Counts one entry; false (with an error line, once) when the cap is reached. */
  count(where: string): boolean {
    if (this.stopped) return false;
    if (++this.#entries <= this.maxEntries) return true;
    this.stopped = true;
    this.errors.push({
      path: where,
      error: `stopped after ${this.maxEntries} entries: too many files to scan; name smaller folders`,
    });
    return false;
  }

  isPageFile(name: string): boolean {
    const lower = name.toLowerCase();
    return this.extensions.some((e) => lower.endsWith(e) && lower.length > e.length);
  }

  addFiles(folder: string, files: { file: string; real: string }[]): void {
    for (const { file, real } of files) {
      if (this.#seenFiles.has(real)) continue;
      this.#seenFiles.add(real);
      let list = this.issues.get(folder);
      if (list === undefined) this.issues.set(folder, (list = []));
      list.push(file);
    }
  }

  /**
   * Walks a folder depth-first, each folder's files before its subfolders, in natural order.
   * 'no pages' when it was walked now, without an error, and holds no page file at any depth.
   */
  async folder(root: string): Promise<'no pages' | undefined> {
    let rootReal: string;
    try {
      rootReal = await realpath(root);
    } catch (error) {
      this.errors.push({ path: root, error: describeFsError(error) });
      return undefined;
    }
    if (this.#seenFolders.has(rootReal)) return undefined;
    const errors = this.errors.length;
    let pages = 0;
    const stack: { dir: string; real: string }[] = [{ dir: root, real: rootReal }];
    while (stack.length > 0 && !this.stopped) {
      const { dir, real } = stack.pop()!;
      if (this.#seenFolders.has(real)) continue;
      this.#seenFolders.add(real);

      let entries: Dirent[];
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch (error) {
        this.errors.push({ path: dir, error: describeFsError(error) });
        continue;
      }
      const files: { file: string; real: string }[] = [];
      const folders: { dir: string; real: string }[] = [];
      for (const entry of entries) {
        const name = entry.name;
        const full = path.join(dir, name);
        if (!this.count(full)) return undefined;
        if (name.startsWith('.')) continue;
        let isFolder = entry.isDirectory();
        let isFile = entry.isFile();
        let entryReal = path.join(real, name);
        if (entry.isSymbolicLink()) {
          if (name === 'node_modules') continue;
          try {
            const target = await stat(full);
            isFolder = target.isDirectory();
            isFile = target.isFile();
            entryReal = await realpath(full);
          } catch (error) {
            // A dangling link is only worth a line when it looks like a page.
            if (this.isPageFile(name)) this.errors.push({ path: full, error: describeLinkError(error) });
            continue;
          }
        }
        if (isFolder) {
          if (name !== 'node_modules' && !this.#seenFolders.has(entryReal)) folders.push({ dir: full, real: entryReal });
        } else if (isFile && this.isPageFile(name)) {
          files.push({ file: full, real: entryReal });
        }
      }
      files.sort((a, b) => naturalCompare(a.file, b.file));
      this.addFiles(dir, files);
      pages += files.length;
      folders.sort((a, b) => naturalCompare(b.dir, a.dir)); // reversed: the stack pops the first
      stack.push(...folders);
    }
    return pages === 0 && this.errors.length === errors && !this.stopped ? 'no pages' : undefined;
  }
}

function describeLinkError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'broken symbolic link';
  return describeFsError(error);
}

/** `samples/` and `./samples` both become `samples`, so issues are keyed consistently. */
function normalizeArg(arg: string): string {
  let p = path.normalize(arg);
  const root = path.parse(p).root;
  while (p.length > root.length && (p.endsWith('/') || p.endsWith(path.sep))) p = p.slice(0, -1);
  return p;
}

/**
 * Natural order: runs of digits compare by value (`2.txt` before `10.txt`), the rest
 * case-insensitively; ties are broken by plain code-unit order so the result is total and
 * does not depend on the locale.
 */
export function naturalCompare(a: string, b: string): number {
  const ra = a.match(/\d+|\D+/g) ?? [];
  const rb = b.match(/\d+|\D+/g) ?? [];
  const n = Math.min(ra.length, rb.length);
  for (let i = 0; i < n; i++) {
    const x = ra[i]!;
    const y = rb[i]!;
    const xDigit = isDigit(x);
    const yDigit = isDigit(y);
    if (xDigit && yDigit) {
      const xs = x.replace(/^0+(?=\d)/, '');
      const ys = y.replace(/^0+(?=\d)/, '');
      if (xs.length !== ys.length) return xs.length - ys.length;
      if (xs !== ys) return xs < ys ? -1 : 1;
    } else {
      const xl = x.toLowerCase();
      const yl = y.toLowerCase();
      if (xl !== yl) return xl < yl ? -1 : 1;
    }
  }
  if (ra.length !== rb.length) return ra.length - rb.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

function isDigit(run: string): boolean {
  const c = run.charCodeAt(0);
  return c >= 48 && c <= 57;
}
