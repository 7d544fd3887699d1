#!/usr/bin/env node
// Makes re-laid-out variants of the real seed pages, with their truth files transformed to
// match, so the parser can be scored on layouts it has not seen.
//
//   node scripts/relayout.mjs --out DIR [--seeds DIR] [--truth DIR] [--variants a,b,...]
//
// Writes DIR/corpus/<seed>__<variant>.txt and DIR/truth/<seed>__<variant>.json for each seed
// and each variant:
//   noblank    every blank (or whitespace-only) line removed
//   crlf       the same text with CRLF line endings
//   headfirst  every headline stack that stands after its body moved to directly before it
//   reordered  the items in reverse order (an item travels with its headline stack and the
//              photos / stray lines that follow it)
//   rewrap18   body paragraphs re-wrapped to 18 columns (CJK 1, ASCII 0.5)
//   rewrap26   the same at 26 columns
//
// Every truth line reference is carried along by character: the page is rebuilt from records
// that remember which (line, column) of the seed each character came from, and each truth
// field is mapped through that (a body's first and last non-blank characters, a figure's or
// jump marker's first character found again in the seed text with whitespace ignored, ...).
// Plain Node ESM, no dependencies. Never writes to the seed or truth directories.

import { readFileSync, writeFileSync, mkdirSync, readdirSync } from "node:fs";
import { join, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));

export const VARIANTS = ["noblank", "crlf", "headfirst", "reordered", "rewrap18", "rewrap26"];

const nows = (s) => (s ?? "").replace(/\s+/g, "");
const isBlank = (t) => (t ?? "").trim() === "";
const isSpace = (ch) => /\s/.test(ch);
const firstNS = (t) => t.search(/\S/);
const lastNS = (t) => {
  for (let i = t.length - 1; i >= 0; i--) if (!isSpace(t[i])) return i;
  return -1;
};

// Sentence-final punctuation at the end of a line ends a paragraph.
const PARA_END = /[。！？…!?][”’」』）)"']*\s*$/;
// Characters that may not start a line / may not end one (simple kinsoku).
const CLOSE = new Set([..."，。、；：！？）」』”’》〉】…—～·%,.;:!?)]}"]);
const OPEN = new Set([..."（「『“‘《〈【([{"]);
const ASCII_WORD = /[\x21-\x7e]/;
const charWidth = (ch) => (ch.codePointAt(0) <= 0x7f ? 0.5 : 1);

// ---------------------------------------------------------------------------------------
// Page text

export function loadPage(text) {
  const lines = text.split(/\r?\n/);
  let trailingNewline = false;
  if (lines.length > 1 && lines[lines.length - 1] === "") {
    lines.pop();
    trailingNewline = true;
  }
  return { lines, trailingNewline };
}

// A record is one output line. `src` (a 1-based seed line) when it is a verbatim copy,
// `srcs` (per UTF-16 unit: [line, column] or null) when it was rebuilt, neither when new.
const copyRec = (orig, L) => ({ text: orig[L - 1], src: L });
const blankRec = () => ({ text: "", src: null });

function firstLastNonBlank(orig, a, b) {
  while (a < b && isBlank(orig[a - 1])) a++;
  while (b > a && isBlank(orig[b - 1])) b--;
  return [a, b];
}

// ---------------------------------------------------------------------------------------
// Segments: the seed cut into item bodies, headline stacks, photo groups and stray lines.

function headStack(orig, truth, it) {
  const [b0, b1] = it.body;
  if (!it.headlineLines) return null;
  const [h0, h1] = it.headlineLines;
  if (h0 >= b0 && h0 <= b1) return null; // headline inside the body (teasers): not a stack
  let s1 = h1;
  const line = (L) => orig[L - 1] ?? "";
  // subtitle directly below
  while (s1 + 1 <= orig.length && !isBlank(line(s1 + 1)) &&
    (/^\s*—/.test(line(s1 + 1)) || (it.subtitle && nows(it.subtitle).includes(nows(line(s1 + 1)))))) s1++;
  // byline "□ ..." directly below, or with one blank line between
  if (/^\s*□/.test(line(s1 + 1))) s1 += 1;
  else if (isBlank(line(s1 + 1)) && /^\s*□/.test(line(s1 + 2))) s1 += 2;
  return [h0, s1];
}

export function segment(orig, truth) {
  const segs = [];
  const bodies = [];
  truth.items.forEach((it, i) => {
    const [a, b] = firstLastNonBlank(orig, it.body[0], it.body[1]);
    segs.push({ kind: "body", a, b, item: i });
    bodies.push([a, b]);
    const st = headStack(orig, truth, it);
    if (st) segs.push({ kind: "head", a: st[0], b: st[1], item: i, after: st[0] > b });
  });
  const inBody = (L) => bodies.some(([a, b]) => L >= a && L <= b);
  // photo groups outside bodies: photos separated only by blank lines form one group
  const photos = (truth.photos ?? []).filter((p) => !inBody(p.lines[0])).map((p) => [...p.lines]).sort((x, y) => x[0] - y[0]);
  for (const p of photos) {
    const last = segs.at(-1);
    if (last?.kind === "photos") {
      let onlyBlank = true;
      for (let L = last.b + 1; L < p[0]; L++) if (!isBlank(orig[L - 1])) onlyBlank = false;
      if (onlyBlank) { last.b = Math.max(last.b, p[1]); continue; }
    }
    segs.push({ kind: "photos", a: p[0], b: p[1], item: null });
  }
  segs.sort((x, y) => x.a - y.a);
  for (let k = 1; k < segs.length; k++) {
    if (segs[k].a <= segs[k - 1].b) throw new Error(`overlapping segments ${JSON.stringify(segs[k - 1])} / ${JSON.stringify(segs[k])}`);
  }
  // stray non-blank lines between segments (e.g. a "新华社发" source line) become orphans
  const orphans = [];
  const bounds = [0, ...segs.flatMap((s) => [s.a, s.b]), orig.length + 1];
  for (let k = 0; k < bounds.length; k += 2) {
    let [a, b] = [bounds[k] + 1, bounds[k + 1] - 1];
    if (a > b) continue;
    [a, b] = firstLastNonBlank(orig, a, b);
    if (!isBlank(orig[a - 1])) orphans.push({ kind: "orphan", a, b, item: null });
  }
  segs.push(...orphans);
  segs.sort((x, y) => x.a - y.a);
  segs.forEach((s, k) => (s.k = k));
  // owners: photos and orphans go with the nearest preceding segment's item
  segs.forEach((s, k) => {
    s.owner = s.item;
    if (s.owner == null) {
      for (let j = k - 1; j >= 0 && s.owner == null; j--) s.owner = segs[j].owner;
      for (let j = k + 1; j < segs.length && s.owner == null; j++) s.owner = segs[j].item;
    }
  });
  return segs;
}

// Lay segments out in `order`: segments that followed each other in the seed keep the seed's
// lines between them; anywhere else one blank line separates them.
function assemble(orig, segs, order, recordsOf) {
  const out = [];
  const first = segs[0], last = segs.at(-1);
  for (let L = 1; L < first.a; L++) out.push(copyRec(orig, L));
  order.forEach((s, p) => {
    if (p > 0) {
      const prev = order[p - 1];
      if (prev.k + 1 === s.k) for (let L = prev.b + 1; L < s.a; L++) out.push(copyRec(orig, L));
      else out.push(blankRec());
    }
    out.push(...recordsOf(s));
  });
  for (let L = last.b + 1; L <= orig.length; L++) out.push(copyRec(orig, L));
  return out;
}

const copySeg = (orig) => (s) => {
  const r = [];
  for (let L = s.a; L <= s.b; L++) r.push(copyRec(orig, L));
  return r;
};

// ---------------------------------------------------------------------------------------
// Re-wrapping

function paragraphsOf(orig, truth, i) {
  const it = truth.items[i];
  const [a, b] = firstLastNonBlank(orig, it.body[0], it.body[1]);
  const group = new Map();
  let gid = 0;
  const mark = (x, y) => {
    gid++;
    for (let L = x; L <= y; L++) group.set(L, gid);
  };
  const inside = (L) => L >= a && L <= b;
  for (const p of truth.photos ?? []) if (inside(p.lines[0])) mark(p.lines[0], p.lines[1]);
  for (const s of it.sections ?? []) {
    const want = nows(s.title).length;
    let L = s.line, got = 0;
    while (L <= b && got < want) got += nows(orig[L++ - 1]).length;
    mark(s.line, L - 1);
  }
  for (const j of truth.jumps ?? []) if (inside(j.lines[0]) && j.lines[1] > j.lines[0]) mark(j.lines[0], j.lines[1]);
  for (const f of truth.notFigures ?? []) if (inside(f.line)) mark(f.line, f.line);
  if (it.headlineLines && inside(it.headlineLines[0])) mark(it.headlineLines[0], it.headlineLines[1]);

  let blanks = 0;
  for (let L = a; L <= b; L++) if (isBlank(orig[L - 1])) blanks++;
  const double = blanks / (b - a + 1) > 0.3;

  const units = [];
  let cur = null;
  const flush = () => {
    if (cur) units.push(cur);
    cur = null;
  };
  for (let L = a; L <= b; L++) {
    const t = orig[L - 1];
    if (isBlank(t)) continue;
    const g = group.get(L);
    if (g) {
      flush();
      const lastU = units.at(-1);
      if (lastU?.kind === "verb" && lastU.g === g) lastU.to = L;
      else units.push({ kind: "verb", g, from: L, to: L });
      continue;
    }
    cur ??= { kind: "para", chars: [] };
    for (let c = 0; c < t.length; c++) cur.chars.push({ ch: t[c], L, c });
    if (PARA_END.test(t)) flush();
  }
  flush();
  return { units, double };
}

// Greedy fill of one paragraph into lines no wider than `width`; never breaks inside a
// protected string (names, jump markers), an ASCII run, before closing or after opening
// punctuation.
function wrap(chars, width, protect) {
  const n = chars.length;
  const glue = new Array(n + 1).fill(false); // glue[i]: no break between i-1 and i
  const nsIdx = [];
  let ns = "";
  chars.forEach((x, i) => {
    if (!isSpace(x.ch)) { nsIdx.push(i); ns += x.ch; }
  });
  for (const p of protect) {
    const t = nows(p);
    if (!t) continue;
    for (let j = ns.indexOf(t); j >= 0; j = ns.indexOf(t, j + t.length)) {
      for (let i = nsIdx[j] + 1; i <= nsIdx[j + t.length - 1]; i++) glue[i] = true;
    }
  }
  for (let i = 1; i < n; i++) if (ASCII_WORD.test(chars[i].ch) && ASCII_WORD.test(chars[i - 1].ch)) glue[i] = true;
  const canBreak = (i) => {
    if (glue[i]) return false;
    let p = i - 1;
    while (p >= 0 && isSpace(chars[p].ch)) p--;
    let q = i;
    while (q < n && isSpace(chars[q].ch)) q++;
    if (p < 0 || q >= n) return false;
    return !CLOSE.has(chars[q].ch) && !OPEN.has(chars[p].ch);
  };
  const atoms = [];
  let s = 0;
  for (let i = 1; i <= n; i++) if (i === n || canBreak(i)) { atoms.push(chars.slice(s, i)); s = i; }
  const w = (xs) => xs.reduce((acc, x) => acc + charWidth(x.ch), 0);
  const trimEnd = (xs) => { let e = xs.length; while (e > 0 && isSpace(xs[e - 1].ch)) e--; return xs.slice(0, e); };
  const trimStart = (xs) => { let b = 0; while (b < xs.length && isSpace(xs[b].ch)) b++; return xs.slice(b); };
  const lines = [];
  let line = [];
  for (let atom of atoms) {
    if (lines.length > 0 && line.length === 0) atom = trimStart(atom);
    if (atom.length === 0) continue;
    if (line.length > 0 && w(trimEnd(line.concat(atom))) > width) {
      lines.push(trimEnd(line));
      line = trimStart(atom);
      if (line.length === 0) continue;
    } else line.push(...atom);
  }
  if (trimEnd(line).length) lines.push(trimEnd(line));
  return lines.map((xs) => ({ text: xs.map((x) => x.ch).join(""), srcs: xs.map((x) => [x.L, x.c]) }));
}

function rewrapSeg(orig, truth, width) {
  return (s) => {
    const it = s.kind === "body" ? truth.items[s.item] : null;
    const teaserLike = it?.headlineLines && it.headlineLines[0] >= s.a && it.headlineLines[0] <= s.b;
    if (!it || teaserLike) return copySeg(orig)(s);
    const { units, double } = paragraphsOf(orig, truth, s.item);
    const protect = [...(it.people ?? []), ...(truth.jumps ?? []).map((j) => j.text)];
    const recs = [];
    units.forEach((u, k) => {
      if (k > 0 && double) recs.push(blankRec());
      if (u.kind === "verb") for (let L = u.from; L <= u.to; L++) recs.push(copyRec(orig, L));
      else wrap(u.chars, width, protect).forEach((r, j) => {
        if (j > 0 && double) recs.push(blankRec());
        recs.push(r);
      });
    });
    return recs;
  };
}

// ---------------------------------------------------------------------------------------
// Variants: each returns the new line records.

export function buildVariant(name, orig, truth) {
  const segs = segment(orig, truth);
  const all = () => orig.map((_, k) => copyRec(orig, k + 1));
  switch (name) {
    case "noblank":
      return all().filter((r) => !isBlank(r.text));
    case "crlf":
      return all();
    case "headfirst": {
      let order = segs.slice();
      for (const h of segs.filter((s) => s.kind === "head" && s.after)) {
        order = order.filter((s) => s !== h);
        const at = order.findIndex((s) => s.kind === "body" && s.item === h.item);
        order.splice(at, 0, h);
      }
      return assemble(orig, segs, order, copySeg(orig));
    }
    case "reordered": {
      const owners = [];
      for (const s of segs) if (!owners.includes(s.owner)) owners.push(s.owner);
      const order = owners.reverse().flatMap((o) => segs.filter((s) => s.owner === o));
      return assemble(orig, segs, order, copySeg(orig));
    }
    default: {
      const m = /^rewrap(\d+)$/.exec(name);
      if (!m) throw new Error(`unknown variant ${name}`);
      return assemble(orig, segs, segs, rewrapSeg(orig, truth, Number(m[1])));
    }
  }
}

// ---------------------------------------------------------------------------------------
// Truth mapping

function makeMapper(orig, records) {
  const pos = new Map();
  const key = (L, c) => L * 1e6 + c;
  records.forEach((r, k) => {
    if (r.src != null) for (let c = 0; c < r.text.length; c++) pos.set(key(r.src, c), k + 1);
    else if (r.srcs) r.srcs.forEach((sc, c) => sc && pos.set(key(sc[0], sc[1]), k + 1));
  });
  const mapPos = (L, col, dir = 1) => {
    const t = orig[L - 1] ?? "";
    for (let c = col; c >= 0 && c < t.length; c += dir) {
      if (isSpace(t[c])) continue;
      const v = pos.get(key(L, c));
      if (v) return v;
    }
    return null;
  };
  const lineStart = (L) => {
    for (let l = L; l <= orig.length; l++) if (!isBlank(orig[l - 1])) return mapPos(l, firstNS(orig[l - 1]), 1);
    return null;
  };
  const lineEnd = (L) => {
    for (let l = L; l >= 1; l--) if (!isBlank(orig[l - 1])) return mapPos(l, lastNS(orig[l - 1]), -1);
    return null;
  };
  return { mapPos, lineStart, lineEnd };
}

// Finds `text` (whitespace ignored) in the seed starting on line L; returns its first and
// last characters as [line, column].
function makeFinder(orig) {
  const at = [];
  const startOf = [];
  let s = "";
  orig.forEach((t, k) => {
    startOf[k + 1] = at.length;
    for (let c = 0; c < t.length; c++) if (!isSpace(t[c])) { at.push([k + 1, c]); s += t[c]; }
  });
  return (L, text) => {
    const t = nows(text);
    if (!t || startOf[L] == null) return null;
    const i = s.indexOf(t, startOf[L]);
    if (i < 0 || at[i][0] !== L) return null;
    return { start: at[i], end: at[i + t.length - 1] };
  };
}

export function transformTruth(truth, orig, records, file, extra = {}) {
  const M = makeMapper(orig, records);
  const find = makeFinder(orig);
  const problems = [];
  const need = (v, what) => {
    if (v == null) problems.push(what);
    return v;
  };
  const T = structuredClone(truth);
  T.file = file;
  Object.assign(T, extra);

  const bodyStart = new Map(); // seed first non-blank body line -> new line
  T.items.forEach((it, i) => {
    const src = truth.items[i];
    const [a, b] = firstLastNonBlank(orig, src.body[0], src.body[1]);
    it.body = [need(M.lineStart(a), `item ${i} body start`), need(M.lineEnd(b), `item ${i} body end`)];
    bodyStart.set(a, it.body[0]);
    if (src.headlineLines) {
      it.headlineLines = [need(M.lineStart(src.headlineLines[0]), `item ${i} headline start`), need(M.lineEnd(src.headlineLines[1]), `item ${i} headline end`)];
    }
    it.sections = (src.sections ?? []).map((s) => ({ ...s, line: need(M.lineStart(s.line), `section ${s.title}`) }));
  });
  T.photos = (truth.photos ?? []).map((p) => ({ ...p, lines: [need(M.lineStart(p.lines[0]), `photo ${p.lines[0]}`), need(M.lineEnd(p.lines[1]), `photo end ${p.lines[1]}`)] }));
  const jumpStart = new Map();
  T.jumps = (truth.jumps ?? []).map((j) => {
    const f = find(j.lines[0], j.text);
    if (!f) problems.push(`jump text ${j.text} not found from line ${j.lines[0]}`);
    const lines = f
      ? [need(M.mapPos(f.start[0], f.start[1]), `jump ${j.text}`), need(M.mapPos(f.end[0], f.end[1], -1), `jump end ${j.text}`)]
      : [M.lineStart(j.lines[0]), M.lineEnd(j.lines[1])];
    jumpStart.set(j.lines[0], lines[0]);
    return { ...j, lines };
  });
  const mapText = (x, what) => {
    const f = find(x.line, x.text);
    if (!f) {
      problems.push(`${what} ${x.text} not found on line ${x.line}`);
      return { ...x, line: M.lineStart(x.line) };
    }
    return { ...x, line: need(M.mapPos(f.start[0], f.start[1]), `${what} ${x.text}`) };
  };
  T.figures = (truth.figures ?? []).map((x) => mapText(x, "figure"));
  if (truth.notFigures) T.notFigures = truth.notFigures.map((x) => mapText(x, "notFigure"));
  if (truth.diagnostics) {
    T.diagnostics = {
      ...truth.diagnostics,
      must: (truth.diagnostics.must ?? []).map((d) => {
        // follow the anchor: the jump the line starts, the item the line starts, else the line
        const j = (truth.jumps ?? []).find((j) => d.line >= j.lines[0] && d.line <= j.lines[1]);
        let line;
        if (j && d.line === j.lines[0]) line = jumpStart.get(j.lines[0]);
        else if (bodyStart.has(d.line)) line = bodyStart.get(d.line);
        else line = M.lineStart(d.line);
        return { ...d, line: need(line, `diagnostic ${d.code} at ${d.line}`) };
      }),
    };
  }
  // page order, as a parser would list them; items remember their index in the seed truth
  T.items.forEach((it, i) => (it.seedIndex = i));
  const byLine = (f) => (x, y) => (f(x) ?? 0) - (f(y) ?? 0);
  T.items.sort(byLine((it) => it.body[0]));
  T.photos.sort(byLine((p) => p.lines[0]));
  T.jumps.sort(byLine((j) => j.lines[0]));
  T.figures.sort(byLine((f) => f.line));
  T.notFigures?.sort(byLine((f) => f.line));
  T.diagnostics?.must.sort(byLine((d) => d.line));
  return { truth: T, problems };
}

// ---------------------------------------------------------------------------------------

function main() {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : dflt;
  };
  const out = opt("--out");
  if (!out) {
    console.error("usage: node scripts/relayout.mjs --out DIR [--seeds DIR] [--truth DIR] [--variants noblank,crlf,...]");
    process.exit(2);
  }
  const seedsDir = resolve(opt("--seeds", join(here, "../../shared/corpus/seeds")));
  const truthDir = resolve(opt("--truth", join(here, "../../shared/corpus/truth")));
  const variants = opt("--variants") ? opt("--variants").split(",") : VARIANTS;
  const outCorpus = join(resolve(out), "corpus");
  const outTruth = join(resolve(out), "truth");
  for (const d of [outCorpus, outTruth]) {
    if (d.startsWith(seedsDir) || d.startsWith(truthDir)) throw new Error(`refusing to write into ${d}`);
    mkdirSync(d, { recursive: true });
  }
  let bad = 0, written = 0;
  for (const tf of readdirSync(truthDir).filter((f) => f.endsWith(".json")).sort()) {
    const truth = JSON.parse(readFileSync(join(truthDir, tf), "utf8"));
    const seedFile = truth.file ?? tf.replace(/\.json$/, ".txt");
    const { lines: orig, trailingNewline } = loadPage(readFileSync(join(seedsDir, seedFile), "utf8"));
    const stem = seedFile.replace(/\.txt$/, "");
    for (const v of variants) {
      const records = buildVariant(v, orig, truth);
      const eol = v === "crlf" ? "\r\n" : "\n";
      const text = records.map((r) => r.text).join(eol) + (trailingNewline ? eol : "");
      const file = `${stem}__${v}.txt`;
      const { truth: T, problems } = transformTruth(truth, orig, records, file, { variant: v, derivedFrom: seedFile });
      writeFileSync(join(outCorpus, file), text);
      writeFileSync(join(outTruth, `${stem}__${v}.json`), JSON.stringify(T, null, 1) + "\n");
      written++;
      for (const p of problems) console.error(`${file}: ${p}`);
      bad += problems.length;
      console.log(`${file}  ${records.length} lines`);
    }
  }
  console.log(`${written} variant pages written to ${resolve(out)}${bad ? `, ${bad} truth references could not be mapped` : ""}`);
  process.exit(bad ? 1 : 0);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
