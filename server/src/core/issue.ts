/**
 * An issue is the pages of one edition (a folder of page files). Jump lines are resolved
 * across it: a `to` on page 1 naming page 4 must meet a `from` on page 4 naming page 1.
 */
import type { JumpLine, Page, PageId } from './model';

export type JumpStatus =
  | 'ok'
  /** The pointer lost its page number: `（见 版）`. */
  | 'missing-page'
  /** The page it names is not among the issue's pages. */
  | 'target-missing'
  /** The page exists but nothing there points back. */
  | 'unmatched'
  /** Several pages of the issue carry the id it names. */
  | 'ambiguous'
  /** It names its own page. */
  | 'self'
  /** This page's own id is unknown, so the other end cannot be checked. */
  | 'unverified';

export interface JumpEnd {
  readonly uri: string;
  readonly jump: JumpLine;
}

export interface ResolvedJump {
  readonly uri: string;
  readonly jump: JumpLine;
  readonly status: JumpStatus;
  /** The pages the jump names. */
  readonly targets: readonly Page[];
  /** The jump at the other end, when one was found. */
  readonly partner: JumpEnd | null;
}

/** An English pointer, `See BUDGET, Page A4`: American papers jump their stories with it. */
const isEnglishSee = (j: JumpLine): boolean => j.direction === 'see' && ENGLISH_SEE.test(j.text);
const ENGLISH_SEE = /^\(?\s*(?:please\s+)?see\b/i;

/** The jumps a `from` answers: `to` jumps, and English `See …` pointers. */
const leadsOn = (j: JumpLine): boolean => j.direction === 'to' || isEnglishSee(j);

export const samePage = (a: PageId, b: PageId): boolean => a !== null && b !== null && String(a) === String(b);

export class Issue {
  readonly pages: readonly Page[];
  readonly #resolved = new Map<string, ResolvedJump[]>();

  constructor(pages: readonly Page[]) {
    this.pages = pages;
    for (const p of pages) this.#resolved.set(p.uri, []);
    for (const p of pages) for (const j of p.jumps) this.#resolved.get(p.uri)!.push(this.#resolve(p, j));
  }

  page(uri: string): Page | undefined {
    return this.pages.find((p) => p.uri === uri);
  }

  pagesWithId(id: PageId): Page[] {
    return this.pages.filter((p) => samePage(p.id, id));
  }

  /** The jumps of one page with their resolution, in document order. */
  jumps(uri: string): readonly ResolvedJump[] {
    return this.#resolved.get(uri) ?? [];
  }

  #resolve(page: Page, jump: JumpLine): ResolvedJump {
    const base = { uri: page.uri, jump, partner: null };
    if (jump.page === null) return { ...base, status: 'missing-page', targets: [] };
    if (samePage(jump.page, page.id)) return { ...base, status: 'self', targets: [page] };
    const targets = this.pagesWithId(jump.page);
    if (targets.length === 0) return { ...base, status: 'target-missing', targets };
    if (targets.length > 1) return { ...base, status: 'ambiguous', targets };
    const english = isEnglishSee(jump);
    if (jump.direction === 'see' && (!english || page.id === null)) return { ...base, status: 'ok', targets };
    if (page.id === null) return { ...base, status: 'unverified', targets };
    const partner = this.#partner(page, jump, targets[0]);
    // An English `See …` jumps a story or points at another: without an answer it still stands.
    return { ...base, status: partner || english ? 'ok' : 'unmatched', targets, partner };
  }

  /**
   * The jump on `target` that answers `jump`: the k-th `to` from this page to the target meets
   * the k-th `from` on the target naming this page, in document order (and the reverse). A
   * jump with no k-th answer has no partner: it is never paired with an answer another jump
   * already holds.
   */
  #partner(page: Page, jump: JumpLine, target: Page): JumpEnd | null {
    const isFrom = (j: JumpLine): boolean => j.direction === 'from';
    const [ownKind, answer] = leadsOn(jump) ? [leadsOn, isFrom] : [isFrom, leadsOn];
    const mine = page.jumps.filter((j) => ownKind(j) && samePage(j.page, target.id));
    const theirs = target.jumps.filter((j) => answer(j) && samePage(j.page, page.id));
    const k = mine.indexOf(jump);
    const match = k >= 0 ? theirs[k] : undefined;
    return match ? { uri: target.uri, jump: match } : null;
  }
}
