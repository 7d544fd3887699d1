#!/usr/bin/env node
// Scores the parser on re-laid-out variants of the seed pages (no blank lines, CRLF, headlines
// first, other article order, other line widths), made at run time by relayout.mjs, so the
// parser is measured on layouts it was not tuned on. Exits non-zero unless every variant scores
// everything found and nothing false.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, mkdirSync, copyFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const score = join(here, '../../shared/eval/score.mjs');
const out = mkdtempSync(join(tmpdir(), 'galley-variants-'));
let failed = 0;
try {
  execFileSync(process.execPath, [join(here, 'relayout.mjs'), '--out', out], { stdio: 'ignore' });
  const variants = [...new Set(readdirSync(join(out, 'corpus')).map((f) => f.replace(/^.*__|\.txt$/g, '')))].sort();
  for (const v of variants) {
    const dir = join(out, v);
    for (const kind of ['corpus', 'truth']) {
      mkdirSync(join(dir, kind), { recursive: true });
      for (const f of readdirSync(join(out, kind)).filter((f) => f.includes(`__${v}.`))) copyFileSync(join(out, kind, f), join(dir, kind, f));
    }
    let result;
    try {
      result = execFileSync(process.execPath, [score, '--cmd', `node ${join(here, '../dist/cli.js')} parse --json`, '--corpus', join(dir, 'corpus'), '--truth', join(dir, 'truth'), '--verbose'], { encoding: 'utf8' });
    } catch (e) {
      failed++;
      result = e.stdout ?? String(e);
    }
    const last = result.trim().split('\n').pop();
    console.log(`${v.padEnd(10)} ${last}`);
    if (!/score: (\d+)\/\1 found, 0 false/.test(last)) console.log(result.split('\n').filter((l) => l.includes('.json:')).map((l) => `  ${l.trim()}`).join('\n'));
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
console.log(failed ? `${failed} variant(s) fell short` : 'all variants scored in full');
process.exit(failed ? 1 : 0);
