/**
 * Which files are pages: the `galley.pages.include` and `galley.pages.exclude` globs of the
 * workspace folder a file is in (relative to that folder), with defaults for files outside any.
 */
import * as path from 'node:path';
import picomatch from 'picomatch';

export interface PageSettings {
  readonly include: readonly string[];
  readonly exclude: readonly string[];
}

export const DEFAULT_PAGE_SETTINGS: PageSettings = {
  include: ['**/*.news', '**/*.news.txt'],
  exclude: ['**/node_modules/**', '**/.git/**'],
};

interface Root {
  readonly dir: string;
  readonly include: (p: string) => boolean;
  readonly exclude: (p: string) => boolean;
}

const compile = (dir: string, s: PageSettings): Root => ({
  dir,
  include: picomatch([...s.include], { dot: false }),
  exclude: picomatch([...s.exclude], { dot: true }),
});

export class PageFilter {
  readonly #roots: Root[];
  readonly #outside = compile('', DEFAULT_PAGE_SETTINGS);

  /** @param roots workspace folders (file system paths) with their settings */
  constructor(roots: readonly { dir: string; settings: PageSettings }[] = []) {
    // The innermost folder decides for nested workspace folders.
    this.#roots = roots.map((r) => compile(r.dir, r.settings)).sort((a, b) => b.dir.length - a.dir.length);
  }

  /** The include globs of every folder, for the file watcher. */
  static globs(settings: readonly PageSettings[]): string[] {
    return [...new Set([...DEFAULT_PAGE_SETTINGS.include, ...settings.flatMap((s) => s.include)])];
  }

  #relative(file: string): { root: Root; rel: string } {
    for (const root of this.#roots) {
      const rel = path.relative(root.dir, file);
      if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) return { root, rel: rel.split(path.sep).join('/') };
    }
    return { root: this.#outside, rel: path.basename(file) };
  }

  isPage(file: string): boolean {
    const { root, rel } = this.#relative(file);
    return root.include(rel) && !root.exclude(rel);
  }

  /** True when nothing under this folder can be a page: the walk skips it. */
  isExcludedDir(dir: string): boolean {
    const { root, rel } = this.#relative(dir);
    return root.exclude(`${rel}/x`);
  }
}
