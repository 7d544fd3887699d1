/**
 * Numbers as written: decimals read exactly, Chinese numerals (`两千`, `三万五`) and years
 * written digit by digit (`二〇二〇`).
 */
import { CN_DIGITS, CN_SMALL_UNITS } from './figureVocabulary';

/** A number as written: its digits and where the decimal point goes. */
export interface Decimal {
  /** Integer and fraction digits, no point, no separators. */
  readonly digits: string;
  /** Power of ten applied to `digits` (minus the number of fraction digits). */
  readonly exp: number;
}

/** The nearest double to digits × 10^exp: parsing a decimal string is correctly rounded. */
export const valueOf = (d: Decimal, extraExp: number): number => Number.parseFloat(`${d.digits}e${d.exp + extraExp}`);

/** The value of a Chinese numeral (`二十`, `两千`, `一亿五千万`, `三万五`), or null if it is not one. */
export function parseChineseNumeral(s: string): number | null {
  let yi = 0;
  let wan = 0;
  let section = 0;
  let digit = -1;
  let afterZero = false;
  let zeroInSection = false;
  let lastSmall = Infinity;
  let lastBig = Infinity;
  let lastMultiplier = 0;
  for (const ch of s) {
    const d = CN_DIGITS[ch];
    if (d !== undefined) {
      if (digit !== -1 && !afterZero) return null;
      digit = d;
      afterZero = d === 0;
      if (afterZero) zeroInSection = true;
      continue;
    }
    const small = CN_SMALL_UNITS[ch];
    if (small !== undefined) {
      if (small >= lastSmall || digit === 0) return null;
      const leading = section === 0 && wan === 0 && yi === 0;
      if (digit === -1 && !leading) return null;
      section += (digit === -1 ? 1 : digit) * small;
      digit = -1;
      afterZero = false;
      zeroInSection = false;
      lastSmall = small;
      lastMultiplier = small;
      continue;
    }
    // 万 multiplies what stands since the last 亿; 亿, everything before it.
    if (ch === '万' || ch === '亿') {
      const big = ch === '万' ? 1e4 : 1e8;
      if (big === 1e4 ? lastBig <= 1e4 : yi !== 0) return null;
      const t = (big === 1e8 ? wan : 0) + section + Math.max(digit, 0);
      const value = (t === 0 ? 1 : t) * big;
      if (big === 1e4) wan = value;
      else [yi, wan] = [value, 0];
      section = 0;
      digit = -1;
      afterZero = false;
      zeroInSection = false;
      lastSmall = Infinity;
      lastBig = big;
      lastMultiplier = big;
      continue;
    }
    return null;
  }
  let last = Math.max(digit, 0);
  // Colloquial abbreviation: 三万五 is 35000, 一千五 is 1500.
  if (digit > 0 && !zeroInSection && lastMultiplier >= 100) last = (digit * lastMultiplier) / 10;
  return yi + wan + section + last;
}

/** `二〇二〇` → 2020: a year written digit by digit. */
export function parseDigitString(s: string): number | null {
  let v = 0;
  for (const ch of s) {
    const d = CN_DIGITS[ch];
    if (d === undefined || ch === '两') return null;
    v = v * 10 + d;
  }
  return v;
}
