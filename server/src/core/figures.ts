/**
 * Figures and dates: numbers with units (`37.84 万人`, `4000元/月`, `83.7%`, `16—60 周岁`,
 * `二十多个`) and calendar dates (`6月 18日`, `2020 年 10` + break + `月 31日`) found in a page.
 *
 * The scanner is hand-written and single-pass: every step looks at a bounded window around the
 * current number, so a page that is all digits or one 10 MB line costs linear time. Text comes
 * from PDF extraction, so up to three spaces may separate the parts of a figure and a figure may
 * cross one line break (which may hold one blank line, as blank-line-separated extraction sets it).
 *
 * Policy, in short:
 * - A number is a figure only when a unit follows it (a Han measure word from `HAN_UNITS`, `%`,
 *   or an English unit after a space). A magnitude alone (`近 18 万` + `困难群众`) is not a figure.
 * - A range whose unit is a date or time word (`1—4月份`, `1--8月份`, `2021—2025年`, `8-10时`) is
 *   skipped: it is neither a figure nor a date, because a `DateMention` cannot express a range.
 * - Numbers written with Chinese numerals are figures only when they are worth 10 or more
 *   (`二十多个`, `两千余人`, `三万人`), so `一名`, `三个`, `两山` stay prose; `十九届` is an
 *   ordinal and never a figure.
 * - Values are computed from the decimal string (`2242e5`), so they are the nearest double to the
 *   exact decimal value: `2.242 亿` is 224200000 and `83.7%` is 0.837, with no float drift.
 */
import type { DateMention, Figure } from './model';
import type { LineIndex } from './text';
import { Scanner } from './figureScanner';

/** Finds numbers with units (figures) and calendar dates in a page, in document order. */
export function findFigures(index: LineIndex): { figures: Figure[]; dates: DateMention[] } {
  const scanner = new Scanner(index);
  scanner.run();
  return { figures: scanner.figures, dates: scanner.dates };
}
