/**
 * The benchmark corpus, generated at run time from the two real sample pages (nothing generated
 * is committed). Each sample is cut into its articles with the shared truth
 * (`../shared/corpus/truth`) by `scripts/relayout.mjs`, which also re-wraps the bodies to other
 * line widths. A generated page is a random, seeded mix of articles from both samples at one
 * line width, headlines after (as printed) or before their bodies, with or without blank lines.
 * The same articles are also written as Markdown (`#` headline, paragraphs, `##` sections) for
 * the peer, vscode-markdown-languageservice.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { rng, shuffle } from './stats';

/** The repository: the nearest folder above this file (or, for a bundle elsewhere, the working folder) whose package.json is Galley's. */
function findRoot(...starts: string[]): string {
  for (const from of starts) {
    for (let d = from; ; d = path.dirname(d)) {
      const pkg = path.join(d, 'package.json');
      if (existsSync(pkg) && /"name":\s*"galley"/.test(readFileSync(pkg, 'utf8'))) return d;
      if (path.dirname(d) === d) break;
    }
  }
  return path.resolve(__dirname, '..');
}

export const ROOT = findRoot(__dirname, process.cwd());
export const SAMPLES_DIR = path.join(ROOT, 'samples');
export const TRUTH_DIR = path.resolve(process.env.GALLEY_BENCH_TRUTH ?? path.join(ROOT, '../shared/corpus/truth'));

/** Line widths the bodies are re-wrapped to (CJK columns); null keeps the printed width. */
const WIDTHS: readonly (number | null)[] = [null, 12, 16, 20, 24, 30];
/** Sentence-final punctuation at the end of a line ends a paragraph (as relayout.mjs reads it). */
const PARA_END = /[。！？…!?][”’」』）)"']*\s*$/;

interface Rec {
  readonly text: string;
  readonly src?: number | null;
  readonly srcs?: readonly ([number, number] | null)[];
}
interface Seg {
  readonly kind: 'body' | 'head' | 'photos' | 'orphan';
  readonly a: number;
  readonly b: number;
  readonly owner: number | null;
}
interface TruthItem {
  readonly headline?: string | null;
  readonly subtitle?: string | null;
  readonly sections?: readonly { readonly title: string }[];
}
interface Truth {
  readonly items: readonly TruthItem[];
}
interface Relayout {
  loadPage(text: string): { lines: string[]; trailingNewline: boolean };
  segment(orig: readonly string[], truth: Truth): Seg[];
  buildVariant(name: string, orig: readonly string[], truth: Truth): Rec[];
}

export interface ChunkLine {
  readonly text: string;
  /** A line of the headline stack (headline, subtitle, byline). */
  readonly head: boolean;
}

/** One article (with its headline stack, photos and stray lines) at one line width. */
export interface Chunk {
  readonly seed: string;
  readonly item: number;
  readonly headline: string | null;
  readonly subtitle: string | null;
  readonly sections: readonly string[];
  readonly lines: readonly ChunkLine[];
}

export interface PageStyle {
  readonly width: number | null;
  readonly headFirst: boolean;
  readonly blankLines: boolean;
}

export interface GeneratedPage {
  readonly text: string;
  readonly markdown: string;
  readonly style: PageStyle;
  readonly chunks: readonly Chunk[];
}

const nows = (s: string): string => s.replace(/\s+/g, '');
const isBlank = (s: string): boolean => s.trim() === '';

export class Corpus {
  /** Chunks per line width (index into WIDTHS). */
  readonly #layouts: Chunk[][];
  readonly seeds: readonly string[];

  private constructor(layouts: Chunk[][], seeds: string[]) {
    this.#layouts = layouts;
    this.seeds = seeds;
  }

  static async load(): Promise<Corpus> {
    if (!existsSync(TRUTH_DIR)) {
      throw new Error(`the shared truth is needed to cut the samples into articles: ${TRUTH_DIR} (set GALLEY_BENCH_TRUTH)`);
    }
    const spec = pathToFileURL(path.join(ROOT, 'scripts/relayout.mjs')).href;
    const relayout = (await import(spec)) as Relayout;
    const samples = readdirSync(SAMPLES_DIR).filter((f) => f.endsWith('.news.txt')).sort();
    const layouts: Chunk[][] = WIDTHS.map(() => []);
    const seeds: string[] = [];
    for (const file of samples) {
      const stem = file.replace(/\.news\.txt$/, '');
      const truthFile = path.join(TRUTH_DIR, `${stem}.json`);
      if (!existsSync(truthFile)) continue;
      const truth = JSON.parse(readFileSync(truthFile, 'utf8')) as Truth;
      const { lines: orig } = relayout.loadPage(readFileSync(path.join(SAMPLES_DIR, file), 'utf8'));
      const segs = relayout.segment(orig, truth);
      seeds.push(stem);
      WIDTHS.forEach((w, k) => {
        const records = relayout.buildVariant(w === null ? 'crlf' : `rewrap${w}`, orig, truth);
        layouts[k].push(...chunksOf(stem, truth, segs, records));
      });
    }
    if (seeds.length === 0) throw new Error(`no sample in ${SAMPLES_DIR} has a truth file in ${TRUTH_DIR}`);
    return new Corpus(layouts, seeds);
  }

  /** All articles at the printed width. */
  get articles(): readonly Chunk[] {
    return this.#layouts[0];
  }

  /**
   * A page of about `targetBytes` (UTF-8) made of a seeded random mix of articles. `must`
   * selects chunks that have to be on it (e.g. the one carrying `（下转4版）`).
   */
  page(seed: number, targetBytes: number, must?: (c: Chunk) => boolean): GeneratedPage {
    const r = rng(seed);
    const k = Math.floor(r() * WIDTHS.length);
    const style: PageStyle = { width: WIDTHS[k], headFirst: r() < 0.4, blankLines: r() < 0.6 };
    const pool = this.#layouts[k];
    const chosen: Chunk[] = must ? pool.filter(must) : [];
    let bytes = chosen.reduce((n, c) => n + chunkBytes(c), 0);
    // Articles are drawn without repeat until the pool runs out, then the pool is reshuffled.
    let order = shuffle(r, pool);
    for (let guard = 0; bytes < targetBytes && guard < 10_000; guard++) {
      if (order.length === 0) order = shuffle(r, pool);
      const c = order.pop()!;
      if (chosen.includes(c) && chosen.length < pool.length) continue;
      chosen.push(c);
      bytes += chunkBytes(c);
    }
    const ordered = shuffle(r, chosen);
    return { text: renderPage(ordered, style), markdown: renderMarkdown(ordered), style, chunks: ordered };
  }

  /** Pages of about `targetBytes` each, seeds `first`, `first + 1`, … */
  pages(count: number, targetBytes: number, first = 1): GeneratedPage[] {
    return Array.from({ length: count }, (_, i) => this.page(first + i, targetBytes));
  }
}

/** Cuts a (re-laid-out) page into articles: every record goes with the article its seed line belongs to. */
function chunksOf(seed: string, truth: Truth, segs: readonly Seg[], records: readonly Rec[]): Chunk[] {
  const lineOf = new Map<number, { owner: number; head: boolean }>();
  for (const s of segs) {
    if (s.owner === null) continue;
    for (let L = s.a; L <= s.b; L++) lineOf.set(L, { owner: s.owner, head: s.kind === 'head' });
  }
  const byOwner = new Map<number, ChunkLine[]>();
  let current: ChunkLine[] | null = null;
  for (const r of records) {
    const src = r.src ?? r.srcs?.find((x) => x !== null)?.[0] ?? null;
    const at = src !== null ? lineOf.get(src) : undefined;
    if (at) {
      current = byOwner.get(at.owner) ?? [];
      byOwner.set(at.owner, current);
      current.push({ text: r.text, head: at.head });
    } else if (current) {
      current.push({ text: r.text, head: false }); // blank lines between segments
    }
  }
  return [...byOwner.entries()]
    .sort((x, y) => x[0] - y[0])
    .map(([item, lines]) => {
      const it = truth.items[item];
      return {
        seed,
        item,
        headline: it.headline ?? null,
        subtitle: it.subtitle ?? null,
        sections: (it.sections ?? []).map((s) => s.title),
        lines: trimBlank(lines),
      };
    });
}

function trimBlank(lines: ChunkLine[]): ChunkLine[] {
  let a = 0;
  let b = lines.length;
  while (a < b && isBlank(lines[a].text)) a++;
  while (b > a && isBlank(lines[b - 1].text)) b--;
  return lines.slice(a, b);
}

function chunkBytes(c: Chunk): number {
  return c.lines.reduce((n, l) => n + Buffer.byteLength(l.text) + 1, 0);
}

function renderChunk(c: Chunk, style: PageStyle): string[] {
  let lines = c.lines;
  if (style.headFirst && lines.some((l) => l.head)) {
    const head = trimBlank(lines.filter((l) => l.head));
    const rest = trimBlank(lines.filter((l) => !l.head));
    lines = [...head, ...(style.blankLines ? [{ text: '', head: false }] : []), ...rest];
  }
  if (!style.blankLines) lines = lines.filter((l) => !isBlank(l.text));
  return lines.map((l) => l.text);
}

export function renderPage(chunks: readonly Chunk[], style: PageStyle): string {
  const out: string[] = [];
  chunks.forEach((c, i) => {
    if (i > 0 && style.blankLines) out.push('');
    out.push(...renderChunk(c, style));
  });
  return out.join('\n') + '\n';
}

/** The same articles as Markdown: `# headline`, the subtitle, `## section` and one paragraph per paragraph. */
export function renderMarkdown(chunks: readonly Chunk[]): string {
  const out: string[] = [];
  for (const c of chunks) {
    if (c.headline) out.push(`# ${c.headline.replace(/\s+/g, ' ').trim()}`, '');
    if (c.subtitle) out.push(c.subtitle.trim(), '');
    const sections = new Set(c.sections.map(nows));
    const headText = new Set(c.lines.filter((l) => l.head).map((l) => nows(l.text)));
    let para = '';
    const flush = () => {
      if (para) out.push(para, '');
      para = '';
    };
    for (const l of c.lines) {
      const t = l.text.trim();
      if (!t || l.head || headText.has(nows(t))) continue;
      if (sections.has(nows(t))) {
        flush();
        out.push(`## ${t}`, '');
        continue;
      }
      // Hard wraps joined: no space between Han characters, one between Latin words.
      para += para && /[\x21-\x7e]$/.test(para) && /^[\x21-\x7e]/.test(t) ? ` ${t}` : t;
      if (PARA_END.test(t)) flush();
    }
    flush();
  }
  return out.join('\n');
}
