/**
 * Headless Neovim against the built server over stdio: `test/neovim/galley.lua` starts the
 * server with vim.lsp.start_client, attaches the sample page, asks for its outline, pulls its
 * diagnostics into vim.diagnostic, edits it and shuts the server down.
 *
 * Neovim must be installed (`apt-get install -y neovim`; CI does): without it this test fails.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const SERVER_JS = path.join(REPO_ROOT, 'dist', 'server.js');
const SCRIPT = path.join(__dirname, 'galley.lua');
const SAMPLE = path.join(REPO_ROOT, 'samples', '000_2600d985db85e4f0.news.txt');
const TIMEOUT_MS = 120_000;

interface Run {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly timedOut: boolean;
}

function runNeovim(env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${SCRIPT}`], {
      cwd: REPO_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, TIMEOUT_MS);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, timedOut });
    });
  });
}

test('Neovim (headless) talks to the server over stdio', { timeout: TIMEOUT_MS + 10_000 }, async () => {
  const version = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  if (version.error) {
    assert.fail(
      `Neovim is not installed (${version.error.message}): install it to run this test, ` +
        'e.g. `apt-get install -y neovim` (CI installs it)',
    );
  }
  assert.ok(existsSync(SERVER_JS), `${SERVER_JS} is missing: run \`npm run build\` first`);

  // Neovim's log, state and shada go to a throwaway folder, not the user's home.
  const home = await mkdtemp(path.join(tmpdir(), 'galley-nvim-'));
  try {
    const run = await runNeovim({
      ...process.env,
      XDG_CONFIG_HOME: home,
      XDG_DATA_HOME: home,
      XDG_STATE_HOME: home,
      XDG_CACHE_HOME: home,
      GALLEY_NODE: process.execPath,
      GALLEY_SERVER: SERVER_JS,
      GALLEY_SAMPLE: SAMPLE,
      GALLEY_TIMEOUT_MS: '20000',
    });
    const report = `nvim ${version.stdout.split('\n')[0]} exited ${run.code}${run.timedOut ? ' (killed after timeout)' : ''}\n` +
      `stdout:\n${run.stdout}\nstderr:\n${run.stderr}`;
    assert.equal(run.code, 0, report);
    const lines = run.stdout.split('\n');
    assert.ok(lines.includes('status: pages=2'), report);
    assert.ok(lines.includes('symbol: 张稳科深入包联企业调研'), report);
    assert.ok(lines.includes('diagnostic: jump-missing-page@281'), report);
    assert.ok(lines.includes('diagnostic: jump-target-missing@273'), report);
    assert.ok(lines.includes('diagnostic: headline-missing@550'), report);
    assert.ok(!lines.some((l) => l.startsWith('diagnostic: text-spaced')), `settings reached the server: ${report}`);
    assert.ok(lines.includes('after edit: jump-missing-page=2'), report);
    assert.ok(lines.includes('server exit: 0'), report);
    assert.equal(lines.filter((l) => l !== '').at(-1), 'OK', report);
  } finally {
    await rm(home, { recursive: true, force: true });
  }
});
