/**
 * The pages Galley knows: documents open in the editor and page files read from disk. Each
 * page is parsed once per version and an issue (the pages of one folder) is rebuilt only when
 * one of its pages changes, so outline, folding, hover and diagnostics share one parse.
 */
import { URI, Utils } from 'vscode-uri';
import { parseDocument, type ParsedDocument } from '../core/parsePage';
import type { Page } from '../core/model';
import { Issue } from '../core/issue';
import { MAX_PAGE_LENGTH } from '../core/limits';

interface Entry {
  readonly uri: string;
  /** The text, kept for pages set with one; a page indexed from disk reads its file again. */
  readonly text?: string;
  readonly load?: () => string | undefined;
  /** The editor's version for open documents; -1 for files read from disk. */
  readonly version: number;
  /**
   * The model, kept for every page: issues and workspace symbols read it. A page read from
   * disk keeps its index model (see indexModel) until it is opened.
   */
  page?: Page;
  /** The line measures too, kept only for documents open in the editor. */
  parsed?: ParsedDocument;
  /** The parse of the version before, whose unchanged lines and items the next parse takes over. */
  previous?: ParsedDocument;
}

/** The folder a page belongs to: its issue. */
export function issueKey(uri: string): string {
  return Utils.dirname(URI.parse(uri)).toString();
}

export class PageStore {
  readonly #entries = new Map<string, Entry>();
  readonly #issues = new Map<string, Issue>();
  readonly #byIssue = new Map<string, Set<string>>();

  /** Sets a page's text; returns false when nothing changed. */
  set(uri: string, text: string, version = -1): boolean {
    const old = this.#entries.get(uri);
    if (old && old.text === text) {
      // Opened with the text it already had (closed before, or set with no editor): the same page, now the editor's.
      if (version >= 0 && old.version < 0) this.#entries.set(uri, { uri, text, version });
      return false;
    }
    // Typing changes a line or two: the others keep what was measured of them.
    const previous = version >= 0 && old && old.version >= 0 ? (old.parsed ?? old.previous) : undefined;
    this.#entries.set(uri, { uri, text, version, previous });
    this.#added(uri);
    return true;
  }

  /**
   * Sets a page indexed from disk: its index model, and how to read its text again when a
   * feature needs it. A workspace of 10,000 pages keeps no page text in memory.
   */
  setIndexed(uri: string, page: Page, load: () => string | undefined): void {
    // A page opened while its file was being read is the editor's: the file does not replace it.
    if (this.isOpen(uri)) return;
    this.#entries.set(uri, { uri, load, version: -1, page });
    this.#added(uri);
  }

  /**
   * The editor closed the page: its text is the editor's no more, and the page read from disk
   * replaces it (until then it keeps what was parsed of it).
   */
  close(uri: string): void {
    const e = this.#entries.get(uri);
    if (e && e.version >= 0) this.#entries.set(uri, { ...e, version: -1, previous: undefined });
  }

  /** True for a page open in the editor (set with a version). */
  isOpen(uri: string): boolean {
    return (this.#entries.get(uri)?.version ?? -1) >= 0;
  }

  #added(uri: string): void {
    const key = issueKey(uri);
    this.#issues.delete(key);
    if (!this.#byIssue.has(key)) this.#byIssue.set(key, new Set());
    this.#byIssue.get(key)!.add(uri);
  }

  delete(uri: string): boolean {
    if (!this.#entries.delete(uri)) return false;
    const key = issueKey(uri);
    this.#issues.delete(key);
    const pages = this.#byIssue.get(key);
    pages?.delete(uri);
    // A folder whose pages are all gone leaves nothing behind.
    if (pages?.size === 0) this.#byIssue.delete(key);
    return true;
  }

  has(uri: string): boolean {
    return this.#entries.has(uri);
  }

  get uris(): string[] {
    return [...this.#entries.keys()];
  }

  text(uri: string): string | undefined {
    const e = this.#entries.get(uri);
    return e?.text ?? e?.load?.();
  }

  /**
   * A page parsed in full, with its line measures. A page read from disk keeps only a model
   * between requests (a workspace holds years of pages): its lines are measured again when a
   * feature needs them, and a page indexed from disk, whose index model is not the whole page,
   * is read and parsed afresh.
   */
  get(uri: string): ParsedDocument | undefined {
    const e = this.#entries.get(uri);
    if (!e) return undefined;
    if (e.parsed) return e.parsed;
    const text = e.text ?? e.load?.();
    if (text === undefined) return undefined;
    const indexed = e.load !== undefined;
    const parsed = parseDocument(text.length > MAX_PAGE_LENGTH ? '' : text, uri, indexed ? undefined : e.page, e.previous);
    e.previous = undefined;
    // An indexed page keeps its small index model; the full one is the request's alone.
    if (!indexed) e.page = parsed.page;
    if (e.version >= 0) e.parsed = parsed;
    return parsed;
  }

  /** A page's model alone. */
  page(uri: string): Page | undefined {
    const e = this.#entries.get(uri);
    if (!e) return undefined;
    e.page ??= this.get(uri)!.page;
    return e.page;
  }

  /** The pages of the issue a page belongs to. */
  issuePages(uri: string): string[] {
    return [...(this.#byIssue.get(issueKey(uri)) ?? [])];
  }

  issue(uri: string): Issue {
    const key = issueKey(uri);
    let issue = this.#issues.get(key);
    if (!issue) {
      issue = new Issue(this.issuePages(uri).map((u) => this.page(u)!));
      this.#issues.set(key, issue);
    }
    return issue;
  }
}
