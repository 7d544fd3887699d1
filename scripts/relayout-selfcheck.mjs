#!/usr/bin/env node
// Checks the pages made by scripts/relayout.mjs: every truth line reference must still point
// at a line that holds what it should, and the variant must keep the seed's text.
//
//   node scripts/relayout-selfcheck.mjs --dir DIR [--seeds DIR] [--truth DIR] [--no-score] [--verbose]
//
// DIR is the --out directory given to relayout.mjs (DIR/corpus, DIR/truth). Seeds and seed
// truth default to the shared corpus. Unless --no-score, it also runs the shared scorer with
// an oracle "parser" that prints the truth itself, which must score everything found.
//
//   node scripts/relayout-selfcheck.mjs --oracle TRUTHDIR PAGE.txt
//
// is that oracle: it prints the parse result a perfect parser would give for PAGE.
// Prints "selfcheck: N passed, M failed"; exits 1 on any failure.

import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join, dirname, resolve, basename } from "node:path";
import { fileURLToPath } from "node:url";
import { spawnSync } from "node:child_process";

const here = dirname(fileURLToPath(import.meta.url));
const self = fileURLToPath(import.meta.url);
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const nows = (s) => (s ?? "").replace(/\s+/g, "");
const isBlank = (t) => (t ?? "").trim() === "";
const width = (t) => [...t.trim()].reduce((a, ch) => a + (ch.codePointAt(0) <= 0x7f ? 0.5 : 1), 0);

// ---------------------------------------------------------------------------------------
// Oracle mode

if (args[0] === "--oracle") {
  const truthDir = resolve(args[1]);
  const page = args[2];
  const T = JSON.parse(readFileSync(join(truthDir, basename(page).replace(/\.txt$/, ".json")), "utf8"));
  const lines = readFileSync(page, "utf8").split(/\r?\n/);
  const range = (a, b = a) => ({ start: { line: a - 1, character: 0 }, end: { line: b - 1, character: Math.max(1, (lines[b - 1] ?? "").length) } });
  const SEV = { error: 1, warning: 2, information: 3, hint: 4 };
  const out = {
    file: page,
    page: T.page ?? null,
    items: T.items.map((it) => ({
      kind: it.kind,
      headline: it.headline,
      kicker: null,
      subtitle: it.subtitle ?? null,
      headlineRange: it.headlineLines ? range(...it.headlineLines) : null,
      bodyRange: range(...it.body),
      people: it.people.map((name) => ({ name, role: "reporter" })),
      sections: it.sections.map((s) => ({ title: s.title, range: range(s.line) })),
      source: it.source ?? null,
    })),
    photos: T.photos.map((p) => ({ range: range(...p.lines), marker: p.marker ?? null, caption: "", credit: p.credit, people: p.people ?? [] })),
    jumps: T.jumps.map((j) => ({ range: range(...j.lines), direction: j.direction, page: j.page, text: j.text })),
    figures: T.figures.map((f) => ({ range: range(f.line), text: f.text, value: f.value, unit: f.unit })),
    diagnostics: T.diagnostics.must.map((d) => ({ range: range(d.line), code: d.code, severity: SEV[d.severity], message: d.why ?? d.code })),
  };
  console.log(JSON.stringify(out));
  process.exit(0);
}

// ---------------------------------------------------------------------------------------
// Check mode

const dir = opt("--dir");
if (!dir) {
  console.error("usage: node scripts/relayout-selfcheck.mjs --dir DIR [--seeds DIR] [--truth DIR] [--no-score] [--verbose]");
  process.exit(2);
}
const verbose = args.includes("--verbose");
const seedsDir = resolve(opt("--seeds", join(here, "../../shared/corpus/seeds")));
const seedTruthDir = resolve(opt("--truth", join(here, "../../shared/corpus/truth")));
const corpusDir = join(resolve(dir), "corpus");
const truthDir = join(resolve(dir), "truth");

let passed = 0, failed = 0;
const failures = [];
const perFile = {};
let curFile = "";
const check = (ok, what) => {
  perFile[curFile] ??= { ok: 0, bad: 0 };
  if (ok) { passed++; perFile[curFile].ok++; }
  else { failed++; perFile[curFile].bad++; failures.push(`${curFile}: ${what}`); }
  return ok;
};

// Where `text` (whitespace ignored) starts and ends, searching from line L: [startLine, endLine]
// or null when it does not start on line L.
function locate(lines, L, text) {
  const t = nows(text);
  let acc = "";
  const ends = [];
  for (let l = L; l <= lines.length && acc.length < nows(lines[L - 1]).length + t.length; l++) {
    acc += nows(lines[l - 1]);
    ends.push([l, acc.length]);
  }
  const i = acc.indexOf(t);
  if (i < 0 || i >= nows(lines[L - 1]).length) return null;
  const endLine = ends.find(([, e]) => e >= i + t.length)[0];
  return [L, endLine];
}
const joined = (lines, a, b) => nows(lines.slice(a - 1, b).join(""));
const count = (hay, needle) => {
  let n = 0;
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + needle.length)) n++;
  return n;
};

const truthFiles = readdirSync(truthDir).filter((f) => f.endsWith(".json")).sort();
curFile = "(truth dir)";
check(truthFiles.length > 0, `no truth files in ${truthDir}`);
for (const tf of truthFiles) {
  curFile = tf;
  const V = JSON.parse(readFileSync(join(truthDir, tf), "utf8"));
  const variant = V.variant ?? tf.replace(/\.json$/, "").split("__")[1];
  const seedFile = V.derivedFrom ?? tf.split("__")[0] + ".txt";
  const S = JSON.parse(readFileSync(join(seedTruthDir, seedFile.replace(/\.txt$/, ".json")), "utf8"));
  const seedRaw = readFileSync(join(seedsDir, seedFile), "utf8");
  const sl = seedRaw.split(/\r?\n/);
  const textPath = join(corpusDir, V.file);
  if (!check(existsSync(textPath) && V.file === tf.replace(/\.json$/, ".txt"), `text file ${V.file} missing or misnamed`)) continue;
  const raw = readFileSync(textPath, "utf8");
  const vl = raw.split(/\r?\n/);

  // same truth content apart from line numbers
  check(V.items.length === S.items.length && V.photos.length === S.photos.length && V.jumps.length === S.jumps.length &&
    V.figures.length === S.figures.length && (V.notFigures ?? []).length === (S.notFigures ?? []).length &&
    V.diagnostics.must.length === S.diagnostics.must.length, "truth element counts differ from the seed's");

  // the variant keeps the seed's text
  if (variant === "headfirst" || variant === "reordered") {
    const a = sl.filter((t) => !isBlank(t)).sort().join("\n"), b = vl.filter((t) => !isBlank(t)).sort().join("\n");
    check(a === b, "non-blank lines are not the seed's lines");
  } else if (variant === "crlf") {
    check(raw === seedRaw.replace(/\r?\n/g, "\r\n"), "text is not the seed with CRLF endings");
  } else {
    check(nows(raw) === nows(seedRaw), "text (whitespace ignored) differs from the seed");
  }
  if (variant === "noblank") check(vl.filter((t, i) => isBlank(t) && !(i === vl.length - 1 && t === "")).length === 0, "blank lines remain");

  // items
  const spans = [];
  V.items.forEach((it, i) => {
    const si = S.items[it.seedIndex ?? i];
    const label = `item ${i} (${it.headline ?? "no headline"})`;
    check(it.headline === si.headline && JSON.stringify(it.people) === JSON.stringify(si.people), `${label}: headline/people changed`);
    const [a, b] = it.body;
    check(a >= 1 && b <= vl.length && a <= b, `${label}: body ${a}-${b} out of range`);
    check(!isBlank(vl[a - 1]) && !isBlank(vl[b - 1]), `${label}: body first/last line blank`);
    check(joined(vl, a, b) === joined(sl, si.body[0], si.body[1]), `${label}: body ${a}-${b} text differs from the seed body ${si.body.join("-")}`);
    spans.push([a, b, label]);
    if (it.headlineLines) {
      const [h0, h1] = it.headlineLines;
      check(nows(vl[h0 - 1]).startsWith(nows(it.headline).slice(0, 4)), `${label}: headline's first characters not at line ${h0}`);
      check(joined(vl, h0, h1) === nows(it.headline), `${label}: lines ${h0}-${h1} are not the headline`);
      if (variant === "headfirst" && (h0 < a || h0 > b)) {
        check(h1 < a, `${label}: headline ${h0} not before its body ${a}`);
        const between = vl.slice(h1, a - 1).filter((t) => !isBlank(t));
        check(between.every((t) => /^\s*(□|—)/.test(t)), `${label}: other lines between headline and body: ${between.join(" / ")}`);
      }
    } else check(it.headline === null, `${label}: headline without lines`);
    if (it.subtitle) check(joined(vl, it.headlineLines[1] + 1, it.headlineLines[1] + 2).includes(nows(it.subtitle)), `${label}: subtitle not below the headline`);
    for (const s of it.sections) {
      check(s.line >= a && s.line <= b && nows(vl[s.line - 1]).startsWith(nows(s.title).slice(0, 4)), `${label}: section ${s.title} not at line ${s.line}`);
    }
    const bodyText = joined(vl, a, b);
    for (const name of it.people) {
      const h = it.headlineLines ?? [a, b];
      const region = joined(vl, Math.min(a, h[0]), Math.max(b, h[1] + 3));
      check(region.includes(name), `${label}: person ${name} not in the item's lines`);
      if (/^rewrap/.test(variant) && bodyText.includes(name)) {
        const onLines = vl.slice(a - 1, b).reduce((n, t) => n + count(nows(t), name), 0);
        check(onLines === count(bodyText, name), `${label}: name ${name} split across lines`);
      }
    }
  });
  spans.sort((x, y) => x[0] - y[0]);
  for (let k = 1; k < spans.length; k++) check(spans[k][0] > spans[k - 1][1], `${spans[k - 1][2]} and ${spans[k][2]} overlap`);
  if (variant === "reordered") {
    const order = [...V.items].sort((x, y) => x.body[0] - y.body[0]).map((it) => it.seedIndex);
    check(order.some((x, k) => k > 0 && x < order[k - 1]), "items are still in seed order");
  }

  // photos
  // (numbered photos may share one credit, printed after the last of them)
  V.photos.forEach((p, k) => {
    const [a] = p.lines;
    let b = p.lines[1];
    for (let q = k + 1; q < V.photos.length && V.photos[q].credit === p.credit && V.photos[q].lines[0] > b; q++) b = V.photos[q].lines[1];
    check(!p.captionStart || nows(vl[a - 1]).startsWith(nows(p.captionStart)), `photo at ${a}: caption start ${p.captionStart} not there`);
    check(joined(vl, a, b).includes(nows(p.credit)), `photo at ${a}: credit ${p.credit} not in lines ${a}-${b}`);
  });
  // jumps
  for (const j of V.jumps) {
    const at = locate(vl, j.lines[0], j.text);
    check(at && at[1] === j.lines[1], `jump ${j.text}: not found spanning lines ${j.lines.join("-")}${at ? ` (ends ${at[1]})` : ""}`);
  }
  // figures and not-figures
  for (const f of [...V.figures, ...(V.notFigures ?? [])]) {
    check(!!locate(vl, f.line, f.text), `figure ${f.text} does not start on line ${f.line}: ${vl[f.line - 1]}`);
  }
  // diagnostics follow their anchors
  for (const d of V.diagnostics.must) {
    let ok = !isBlank(vl[d.line - 1]);
    if (d.code.startsWith("jump-")) ok &&= V.jumps.some((j) => j.lines[0] === d.line);
    if (d.code === "headline-missing") ok &&= V.items.some((it) => it.headline === null && it.body[0] === d.line);
    const sd = S.diagnostics.must.find((x) => x.code === d.code && x.why === d.why);
    check(ok && !!sd, `diagnostic ${d.code} at ${d.line} not at its anchor`);
  }
  // re-wrapped lines fit their column
  const m = /^rewrap(\d+)$/.exec(variant);
  if (m) {
    const W = Number(m[1]);
    const keep = new Set(sl.filter((t) => !isBlank(t)).map((t) => t)); // verbatim seed lines
    const wide = [];
    for (const it of V.items) {
      for (let l = it.body[0]; l <= it.body[1]; l++) if (!keep.has(vl[l - 1]) && width(vl[l - 1]) > W) wide.push(l);
    }
    check(wide.length === 0, `re-wrapped lines wider than ${W}: ${wide.slice(0, 5).join(", ")}`);
  }
}

// ---------------------------------------------------------------------------------------
// The shared scorer with the oracle must find everything.

const scorer = resolve(opt("--scorer", join(here, "../../shared/eval/score.mjs")));
if (!args.includes("--no-score") && existsSync(scorer)) {
  curFile = "score.mjs";
  const cmd = `${JSON.stringify(process.execPath)} ${JSON.stringify(self)} --oracle ${JSON.stringify(truthDir)}`;
  const r = spawnSync(process.execPath, [scorer, "--cmd", cmd, "--corpus", corpusDir, "--truth", truthDir, "--verbose"], { encoding: "utf8" });
  const last = (r.stdout ?? "").trim().split("\n").at(-1);
  check(r.status === 0, `oracle does not score perfectly: ${last}\n${r.stdout}${r.stderr}`);
  console.log(`oracle ${last}`);
}

if (verbose) for (const [f, c] of Object.entries(perFile)) console.log(`  ${f.padEnd(44)} ${c.ok} passed${c.bad ? `, ${c.bad} failed` : ""}`);
for (const f of failures) console.log(`✗ ${f}`);
console.log(`selfcheck: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
