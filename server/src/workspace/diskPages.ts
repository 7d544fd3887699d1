/**
 * Page files on disk: the pages of an issue that are not open in the editor. They are read
 * directly (never opened as editor documents), a bounded number at a time, parsed on the
 * worker pool's threads as they arrive, and a file that cannot be decoded is reported
 * once and left out.
 */
import type { Dirent } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { readPage } from '../cli/readPage';
import type { PageStore } from './pageStore';
import { issueKey } from './pageStore';
import { PageFilter } from './pageFilter';
import { WorkerPool } from './workerPool';

/** The most page files one workspace index reads. */
const MAX_FILES = 50_000;
/** How many files are read at once. */
const CONCURRENCY = 16;

export class DiskPages {
  roots: string[] = [];
  /** Which files are pages, by the workspace folders' settings. */
  filter = new PageFilter();
  readonly #store: PageStore;
  readonly #warn: (message: string) => void;
  readonly #indexedFolders = new Set<string>();
  readonly #pool = new WorkerPool();

  constructor(store: PageStore, warn: (message: string) => void) {
    this.#store = store;
    this.#warn = warn;
  }

  setRoots(roots: string[]): void {
    this.roots = roots;
  }

  /** Reads every page file under the workspace folders. */
  async indexRoots(): Promise<void> {
    const found: string[] = [];
    for (const root of this.roots) {
      const uri = URI.parse(root);
      if (uri.scheme === 'file') await this.#walk(uri.fsPath, found);
    }
    await this.#readAll(found.filter((f) => !this.#store.has(URI.file(f).toString())));
  }

  /** Reads the sibling page files of a page, once per folder. */
  async indexFolderOf(uri: string, isOpen: (uri: string) => boolean): Promise<void> {
    const key = issueKey(uri);
    const folder = URI.parse(key);
    if (folder.scheme !== 'file' || this.#indexedFolders.has(key)) return;
    this.#indexedFolders.add(key);
    let entries: Dirent[] = [];
    try {
      entries = await readdir(folder.fsPath, { withFileTypes: true });
    } catch {
      return;
    }
    // Regular files only, as in the workspace walk: a named pipe would block its reader for
    // good, and a link named like a page may point anywhere on the disk.
    const pages = entries.filter((e) => e.isFile()).map((e) => path.join(folder.fsPath, e.name)).filter((p) => this.filter.isPage(p));
    await this.#readAll(pages.filter((p) => !isOpen(URI.file(p).toString()) && !this.#store.has(URI.file(p).toString())));
  }

  /**
   * Forgets the pages of a folder outside the workspace folders once none of them is open: a
   * day of opening pages from many folders does not keep every one of those issues in memory.
   * True when the folder was forgotten.
   */
  releaseFolderOf(uri: string, isOpen: (uri: string) => boolean): boolean {
    const key = issueKey(uri);
    const folder = URI.parse(key);
    if (folder.scheme !== 'file' || this.#insideRoots(folder.fsPath)) return false;
    const pages = this.#store.issuePages(uri);
    if (pages.some(isOpen)) return false;
    for (const page of pages) this.#store.delete(page);
    this.#indexedFolders.delete(key);
    return true;
  }

  #insideRoots(dir: string): boolean {
    return this.roots.some((root) => {
      const r = URI.parse(root);
      if (r.scheme !== 'file') return false;
      const rel = path.relative(r.fsPath, dir);
      return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
    });
  }

  /**
   * Re-reads one page from disk, on the worker pool like the rest of the index; a page that is
   * gone or unreadable leaves the store. A page opened meanwhile is the editor's and stays.
   */
  async reload(uri: string): Promise<void> {
    const u = URI.parse(uri);
    const indexed = u.scheme === 'file' && (await isRegularFile(u.fsPath)) ? await this.#pool.index(u.fsPath, uri) : null;
    if (indexed && 'page' in indexed) this.#store.setIndexed(uri, indexed.page, () => readText(u.fsPath));
    else if (!this.#store.isOpen(uri)) this.#store.delete(uri);
  }

  async #readAll(paths: readonly string[]): Promise<void> {
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < paths.length) {
        const p = paths[next++];
        const indexed = await this.#pool.index(p, URI.file(p).toString());
        if ('page' in indexed) this.#store.setIndexed(indexed.page.uri, indexed.page, () => readText(p));
        else this.#warn(`${p}: ${indexed.error}`);
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, paths.length) }, worker));
  }

  async #walk(dir: string, out: string[]): Promise<void> {
    const stack = [dir];
    const seen = new Set<string>();
    while (stack.length > 0 && out.length < MAX_FILES) {
      const d = stack.pop()!;
      if (seen.has(d)) continue;
      seen.add(d);
      let entries;
      try {
        entries = await readdir(d, { withFileTypes: true });
      } catch {
        continue;
      }
      for (const e of entries) {
        if (e.isDirectory()) {
          // Symbolic links are not followed, so a link loop cannot trap the walk.
          const sub = path.join(d, e.name);
          if (!e.name.startsWith('.') && !this.filter.isExcludedDir(sub)) stack.push(sub);
        } else if (e.isFile() && this.filter.isPage(path.join(d, e.name))) {
          out.push(path.join(d, e.name));
          if (out.length >= MAX_FILES) {
            this.#warn(`Galley indexed the first ${MAX_FILES} page files of the workspace and stopped there.`);
            break;
          }
        }
      }
    }
  }
}

/** A page file's text read again; undefined once it is gone or unreadable. */
function readText(file: string): string | undefined {
  const read = readPage(file);
  return read.ok ? read.text : undefined;
}

/** True for a regular file (not a link, pipe or device), false for anything else or nothing. */
async function isRegularFile(file: string): Promise<boolean> {
  try {
    return (await lstat(file)).isFile();
  } catch {
    return false;
  }
}
