/**
 * Which page a text is: from its header line when it has one, else from a file name that is
 * plainly a page id (`04.news`, `p4.txt`, `A04.txt`, `第4版.txt`, `2020-06-22_04.txt`). A name
 * such as `004_f2a9e54971a23ea8.txt` carries a hash and is not taken for page 4.
 */
import type { PageId } from './model';
import { parsePageRef } from './jumps';

const PAGE_FILE = /^(?:(?:p|page|pg)[-_ ]?|第)?([A-Za-z]?\d{1,3}|[一二三四五六七八九十]{1,3})(?:版)?$/i;
const DATED_PAGE_FILE = /^\d{4}[-_.]?\d{2}[-_.]?\d{2}[-_ ](?:(?:p|page)[-_ ]?|第)?([A-Za-z]?\d{1,3})(?:版)?$/i;

/** The page id a file name stands for, or null. */
export function pageIdFromFileName(uri: string): PageId {
  const last = uri.split(/[\\/]/).pop() ?? '';
  let base = last;
  try {
    base = decodeURIComponent(last);
  } catch {
    // A plain path with a `%` in it (`100%.txt`) is no URI: take the name as it is.
  }
  const stem = base.replace(/(?:\.news)?(?:\.txt)?$|\.news$/i, '');
  const m = PAGE_FILE.exec(stem) ?? DATED_PAGE_FILE.exec(stem);
  return m ? parsePageRef(m[1]) : null;
}
