/**
 * Runs Galley in a real VS Code: code-server 4.139.1 (VS Code 1.139.1's workbench and a Node
 * extension host) driven by Debian's Chromium through playwright-core. Nothing is downloaded;
 * scripts/e2e-setup.sh installs the editor into .e2e/ (see /work/shared/e2e/README.md).
 *
 *   suite  the extension test suite (client/src/test/suite, bundled to out/test/suite) in the
 *          extension host, the extension loaded from source: what @vscode/test-electron would
 *          run. code-server's smoke-test driver takes `extensionDevelopmentPath` and
 *          `extensionTestsPath` from the workbench URL's `payload`; the report comes back
 *          through `codeAutomationLog`, the result through `codeAutomationExit`. Its
 *          code-server runs at log level trace, so Galley's output channel holds the client's
 *          message trace: kept in test-artifacts/e2e/suite-logs/galley/, printed on a failure.
 *   ui     the packaged .vsix installed into a fresh extensions folder (`--install-extension`),
 *          then what a person sees: the language and Galley's status item, the Problems panel,
 *          the Outline view, a hover on a figure. Screenshots in test-artifacts/e2e/.
 *
 * Usage: node --import tsx test/e2e/run.ts [--pass all|suite|ui] [--vsix FILE]
 * Needs: npm run build, node scripts/build-e2e.mjs (suite), npm run package (ui).
 * Each pass gets its own loopback port, user-data, extensions, XDG and browser-profile folders
 * and a copy of samples/ as its workspace, all in one temp folder removed at the end; every
 * process it starts is ended, every wait is bounded. Exit status 0 only if everything passed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, type WriteStream } from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { format } from 'node:util';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

const ROOT = path.resolve(__dirname, '../..');
const ARTIFACTS = path.join(ROOT, 'test-artifacts', 'e2e');
const SAMPLE = '000_2600d985db85e4f0.news.txt';
const HEADLINES = ['张稳科深入包联企业调研', '以人民为中心 让老百姓过上幸福生活'];

/** Bounds, in milliseconds. */
const LIMIT = {
  whole: 15 * 60_000, // the whole run, a backstop
  serverStart: 60_000, // code-server's "HTTP server listening"
  install: 120_000, // --install-extension
  suite: 5 * 60_000, // the extension test suite, to codeAutomationExit
  workbench: 60_000, // the workbench loaded
  step: 30_000, // one UI check
  stop: 5_000, // a process to exit after SIGTERM
};

interface Env {
  node: string;
  codeServer: string;
  codeServerVersion: string;
  chromium: string;
}

interface Result {
  name: string;
  ok: boolean;
  detail?: string;
}

const results: Result[] = [];
/** Tests the suite passed (its failures are in `results`, one each). */
const suiteCounts = { passed: 0 };
/** Marks the extension host's report lines in the workbench log (see client/src/test/suite/index.ts). */
const REPORT_PREFIX = '[galley-test] ';
const children = new Set<ChildProcess>();
const contexts = new Set<BrowserContext>();
let tempRoot: string | undefined;

const t0 = Date.now();
function log(message: string): void {
  console.log(`[e2e ${((Date.now() - t0) / 1000).toFixed(1).padStart(5)}s] ${message}`);
}

function record(name: string, ok: boolean, detail?: string): void {
  results.push({ name, ok, detail });
  console.log(`${ok ? '  ✔' : '  ✘'} ${name}${detail ? ` — ${detail}` : ''}`);
}

function args(): { pass: 'all' | 'suite' | 'ui'; vsix: string } {
  const argv = process.argv.slice(2);
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
  let pass: 'all' | 'suite' | 'ui' = 'all';
  let vsix = path.join(ROOT, `${pkg.name}-${pkg.version}.vsix`);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--pass' && ['all', 'suite', 'ui'].includes(argv[i + 1])) pass = argv[++i] as typeof pass;
    else if (a === '--vsix' && argv[i + 1]) vsix = path.resolve(argv[++i]);
    else {
      console.error(`usage: run.ts [--pass all|suite|ui] [--vsix FILE]   (unknown: ${a})`);
      process.exit(2);
    }
  }
  return { pass, vsix };
}

function readEnv(): Env {
  const file = path.join(ROOT, '.e2e', 'env.json');
  if (!existsSync(file)) throw new Error('.e2e/env.json missing: run scripts/e2e-setup.sh first');
  const env = JSON.parse(readFileSync(file, 'utf8')) as Env;
  for (const f of [env.node, env.codeServer, env.chromium]) if (!existsSync(f)) throw new Error(`${f} missing: run scripts/e2e-setup.sh`);
  return env;
}

/** A promise that rejects after `ms`, its timer cleared however the race ends. */
async function within<T>(what: string, ms: number, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      p,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${ms / 1000} s: ${what}`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** The folders of one pass, all under the run's temp folder. */
interface Dirs {
  userData: string;
  extensions: string;
  xdg: string;
  browser: string;
  workspace: string;
}

function makeDirs(name: string): Dirs {
  const base = path.join(tempRoot!, name);
  const d: Dirs = {
    userData: path.join(base, 'user-data'),
    extensions: path.join(base, 'extensions'),
    xdg: path.join(base, 'xdg'),
    browser: path.join(base, 'browser'),
    workspace: path.join(base, 'samples'),
  };
  for (const dir of Object.values(d)) mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(path.join(ROOT, 'samples'))) cpSync(path.join(ROOT, 'samples', f), path.join(d.workspace, f));
  // A quiet, predictable workbench.
  mkdirSync(path.join(d.userData, 'User'), { recursive: true });
  writeFileSync(
    path.join(d.userData, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'workbench.enableExperiments': false,
        'security.workspace.trust.enabled': false,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'extensions.ignoreRecommendations': true,
        'chat.disableAIFeatures': true,
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
        'editor.hover.delay': 300,
        'window.zoomLevel': 0,
      },
      null,
      2,
    ),
  );
  return d;
}

function serverEnv(d: Dirs): NodeJS.ProcessEnv {
  return {
    ...process.env,
    XDG_CONFIG_HOME: path.join(d.xdg, 'config'),
    XDG_DATA_HOME: path.join(d.xdg, 'data'),
    XDG_CACHE_HOME: path.join(d.xdg, 'cache'),
    XDG_STATE_HOME: path.join(d.xdg, 'state'),
    EXTENSIONS_GALLERY: '{}',
    GALLEY_TEST_REPORT_PREFIX: REPORT_PREFIX,
    // The extension host is this Node 24, not the Node the runner runs on.
    NODE_OPTIONS: '',
  };
}

function commonFlags(d: Dirs): string[] {
  return ['--user-data-dir', d.userData, '--extensions-dir', d.extensions, '--disable-telemetry', '--disable-update-check'];
}

/** Ends a child and its process group (code-server starts an extension host, a pty host…). */
async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) {
    children.delete(child);
    return;
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const kill = (sig: NodeJS.Signals): void => {
    try {
      process.kill(-child.pid!, sig);
    } catch {
      /* already gone */
    }
  };
  kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const timedOut = await Promise.race([exited.then(() => false), new Promise<boolean>((r) => (timer = setTimeout(() => r(true), LIMIT.stop)))]);
  clearTimeout(timer);
  if (timedOut) {
    kill('SIGKILL');
    await within('process to die after SIGKILL', LIMIT.stop, exited).catch(() => undefined);
  }
  // Whatever is left of the group (an orphaned grandchild) goes too.
  kill('SIGKILL');
  children.delete(child);
}

function run(env: Env, argv: string[], d: Dirs, logFile: WriteStream): ChildProcess {
  const child = spawn(env.node, [env.codeServer, ...argv], { cwd: tempRoot, env: serverEnv(d), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  child.stdout!.pipe(logFile, { end: false });
  child.stderr!.pipe(logFile, { end: false });
  return child;
}

async function installVsix(env: Env, d: Dirs, vsix: string, logFile: WriteStream): Promise<void> {
  const child = run(env, [...commonFlags(d), '--install-extension', vsix], d, logFile);
  try {
    const code = await within(
      'code-server --install-extension',
      LIMIT.install,
      new Promise<number | null>((resolve, reject) => {
        child.once('error', reject);
        child.once('exit', (c) => resolve(c));
      }),
    );
    if (code !== 0) throw new Error(`--install-extension exited with ${code} (see ${path.relative(ROOT, logFile.path as string)})`);
  } finally {
    await stop(child);
  }
}

async function startServer(env: Env, d: Dirs, port: number, extra: string[], logFile: WriteStream): Promise<ChildProcess> {
  const flags = [
    ...commonFlags(d),
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    ...extra,
    d.workspace,
  ];
  const child = run(env, flags, d, logFile);
  const ready = `HTTP server listening on http://127.0.0.1:${port}/`;
  await within(
    `code-server to listen on ${port}`,
    LIMIT.serverStart,
    new Promise<void>((resolve, reject) => {
      let seen = '';
      const onData = (b: Buffer): void => {
        seen = (seen + b.toString()).slice(-4000);
        if (seen.includes(ready)) {
          child.stdout!.off('data', onData);
          child.stderr!.off('data', onData);
          resolve();
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('exit', (c) => reject(new Error(`code-server exited with ${c} before listening:\n${seen}`)));
      child.once('error', reject);
    }),
  );
  return child;
}

async function browser(env: Env, d: Dirs): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(d.browser, {
    executablePath: env.chromium,
    headless: true,
    viewport: { width: 1400, height: 900 },
    locale: 'en-US',
    timeout: LIMIT.workbench,
    // This runner's own handlers close the browser and the servers; Playwright's would exit first.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    // Chromium keeps its crash database under XDG_CONFIG_HOME and dconf under XDG_CACHE_HOME:
    // the pass's temp folder, not ~/.config/chromium.
    env: { ...process.env, XDG_CONFIG_HOME: path.join(d.xdg, 'browser-config'), XDG_CACHE_HOME: path.join(d.xdg, 'browser-cache') },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  contexts.add(context);
  context.setDefaultTimeout(LIMIT.step);
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page };
}

async function closeBrowser(context: BrowserContext): Promise<void> {
  await within('browser to close', 15_000, context.close()).catch((e: unknown) => log(`browser close: ${String(e)}`));
  contexts.delete(context);
}

// ── Pass 1: the extension test suite in the extension host ───────────────────────────────────

async function suitePass(env: Env): Promise<void> {
  const index = path.join(ROOT, 'out', 'test', 'suite', 'index.js');
  for (const f of [index, path.join(ROOT, 'dist', 'client.js'), path.join(ROOT, 'dist', 'server.js')]) {
    if (!existsSync(f)) throw new Error(`${path.relative(ROOT, f)} missing: run npm run build && node scripts/build-e2e.mjs`);
  }
  const d = makeDirs('suite');
  const port = await freePort();
  const serverLog = createWriteStream(path.join(ARTIFACTS, 'suite-code-server.log'));
  const automationLog = createWriteStream(path.join(ARTIFACTS, 'suite-automation.log'));
  log(`suite: code-server on 127.0.0.1:${port}, extension from source, workspace ${d.workspace}`);
  // At log level trace the client writes every message it sends and receives to Galley's
  // output channel: the record to read when a test fails on timing in CI.
  const server = await startServer(env, d, port, ['--vscode-option', 'enable-smoke-test-driver', '--log', 'trace'], serverLog);
  const { context, page } = await browser(env, d);
  try {
    let exit!: (r: { code: number; logs: { relativePath: string; contents: string }[] }) => void;
    const exited = new Promise<{ code: number; logs: { relativePath: string; contents: string }[] }>((r) => (exit = r));
    const report: string[] = [];
    // The workbench's log, the extension host's console among it as printf-style argument
    // arrays (`["  %d passing (%s)",11,"5s"]`).
    await page.exposeFunction('codeAutomationLog', (level: string, message: unknown) => {
      let text = typeof message === 'string' ? message : JSON.stringify(message);
      try {
        const parsed: unknown = JSON.parse(text);
        if (Array.isArray(parsed)) text = format(...(parsed as unknown[]));
      } catch {
        /* a plain message */
      }
      automationLog.write(`[${level}] ${text}\n`);
      report.push(...text.split('\n'));
    });
    await page.exposeFunction('codeAutomationExit', (code: number, logs?: { relativePath: string; contents: string }[]) => {
      exit({ code, logs: logs ?? [] });
    });
    page.on('console', (m) => {
      if (m.type() === 'error') automationLog.write(`[browser console.error] ${m.text()}\n`);
    });
    page.on('pageerror', (e) => automationLog.write(`[browser pageerror] ${e.message}\n`));
    const remote = (p: string): string => `vscode-remote://127.0.0.1:${port}${p}`;
    const payload = [
      ['extensionDevelopmentPath', remote(ROOT)],
      ['extensionTestsPath', remote(index)],
      ['skipWelcome', 'true'],
    ];
    const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(d.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    await page.goto(url, { timeout: LIMIT.workbench });
    const reportLines = (): string[] => report.filter((l) => l.startsWith(REPORT_PREFIX)).map((l) => l.slice(REPORT_PREFIX.length));
    const { code, logs } = await within('the extension tests to finish (codeAutomationExit)', LIMIT.suite, exited).catch((e: unknown) => {
      console.log(reportLines().map((l) => `    | ${l}`).join('\n')); // what ran before it hung
      throw e;
    });
    for (const l of logs) {
      const f = path.join(ARTIFACTS, 'suite-logs', l.relativePath);
      mkdirSync(path.dirname(f), { recursive: true });
      writeFileSync(f, l.contents);
    }
    // The mocha report: the extension host's lines that carry the report prefix.
    const mocha = reportLines();
    console.log(mocha.map((l) => `    | ${l}`).join('\n'));
    const summary = mocha.map((l) => /^extension-tests: (\d+) passed, (\d+) failed/.exec(l)).find(Boolean);
    if (!summary) {
      record('extension test suite', false, `no mocha summary; exit code ${code} (see test-artifacts/e2e/suite-automation.log)`);
      return;
    }
    const [passed, failed] = [Number(summary[1]), Number(summary[2])];
    suiteCounts.passed += passed;
    for (const l of mocha) {
      const m = /^extension-tests: failed: (.*)$/.exec(l);
      if (m) record(`suite: ${m[1]}`, false);
    }
    log(`suite: ${passed} passed, ${failed} failed, extension host exit code ${code}`);
    if (code !== 0 && failed === 0) record('extension test runner exit code', false, `exit code ${code}`);
    if (code === 0 && failed > 0) record('extension test runner exit code', false, `0 despite ${failed} failure(s)`);
  } finally {
    await closeBrowser(context);
    await stop(server);
    serverLog.end();
    automationLog.end();
    keepGalleyLogs(d);
  }
}

/**
 * Copies the extension host's Galley output channel (the client's message trace and the
 * server's log) into the artifacts, and prints it when the suite failed: CI keeps only
 * what is printed.
 */
function keepGalleyLogs(d: Dirs): void {
  /** Lines printed from each end of a long log. */
  const LOG_ENDS = 100;
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/galley/i.test(e.name) && e.name.endsWith('.log')) found.push(p);
    }
  };
  if (existsSync(path.join(d.userData, 'logs'))) walk(path.join(d.userData, 'logs'));
  const suiteFailed = results.some((r) => !r.ok && /suite/.test(r.name));
  for (const f of found) {
    const text = readFileSync(f, 'utf8');
    const target = path.join(ARTIFACTS, 'suite-logs', 'galley', path.basename(f));
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, text);
    if (!suiteFailed) continue;
    const lines = text.split('\n');
    const shown = lines.length <= 2 * LOG_ENDS ? lines : [...lines.slice(0, LOG_ENDS), '…', ...lines.slice(-LOG_ENDS)];
    console.log(`    ── ${path.basename(f)}:\n${shown.map((l) => `    : ${l}`).join('\n')}`);
  }
  if (suiteFailed && !found.length) console.log('    (no Galley output channel log was found)');
}

// ── Pass 2: the packaged extension, as a person sees it ───────────────────────────────────────

async function step(page: Page, name: string, shot: string | null, f: () => Promise<string | void>): Promise<boolean> {
  try {
    const detail = await within(name, LIMIT.step + 5_000, f());
    if (shot) await page.screenshot({ path: path.join(ARTIFACTS, shot) });
    record(name, true, detail || undefined);
    return true;
  } catch (e) {
    const file = shot ? shot.replace(/\.png$/, '') + '-FAILED.png' : `failed-${results.length}.png`;
    await page.screenshot({ path: path.join(ARTIFACTS, file) }).catch(() => undefined);
    record(name, false, `${e instanceof Error ? e.message.split('\n')[0] : String(e)} (screenshot ${file})`);
    return false;
  }
}

async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden' });
}

async function uiPass(env: Env, vsix: string): Promise<void> {
  if (!existsSync(vsix)) throw new Error(`${path.relative(ROOT, vsix)} missing: run npm run package`);
  const d = makeDirs('ui');
  const serverLog = createWriteStream(path.join(ARTIFACTS, 'ui-code-server.log'));
  log(`ui: installing ${path.basename(vsix)} into a fresh extensions folder`);
  await installVsix(env, d, vsix, serverLog);
  const installed = readdirSync(d.extensions).filter((f) => f.startsWith('galley.galley-'));
  record('the .vsix installs with --install-extension', installed.length === 1, installed.join(', ') || 'nothing in the extensions folder');
  if (installed.length !== 1) return;
  const port = await freePort();
  log(`ui: code-server on 127.0.0.1:${port}, extension from the .vsix`);
  const server = await startServer(env, d, port, [], serverLog);
  const { context, page } = await browser(env, d);
  try {
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(d.workspace)}`, { timeout: LIMIT.workbench });
    await page.locator('.monaco-workbench .part.statusbar').waitFor({ timeout: LIMIT.workbench });
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: SAMPLE }).waitFor({ timeout: LIMIT.workbench });

    const opened = await step(page, 'Quick Open opens the sample page', null, async () => {
      await page.keyboard.press('Control+P');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible' });
      await input.fill(SAMPLE);
      await page.locator('.quick-input-list .monaco-list-row', { hasText: SAMPLE }).first().waitFor();
      await page.keyboard.press('Enter');
      await page.locator('.tabs-container .tab.active', { hasText: SAMPLE }).waitFor();
      await page.locator('.monaco-editor .view-line', { hasText: '本报讯' }).first().waitFor();
    });
    if (!opened) return;

    await step(page, 'the status bar shows the newspaper language and Galley’s page count (activated from the .vsix)', 'status-bar.png', async () => {
      await page.locator('.statusbar-item', { hasText: 'Newspaper page' }).first().waitFor();
      const galley = page.locator('.statusbar-item', { hasText: /Galley: \d+ pages?/ }).first();
      await galley.waitFor();
      return (await galley.innerText()).replace(/\s+/g, ' ').trim();
    });

    await step(page, 'the Problems panel lists the jump-missing-page error', 'problems.png', async () => {
      await page.keyboard.press('Control+Shift+M');
      const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'jump-missing-page' }).first();
      await row.waitFor();
      const text = (await row.innerText()).replace(/\s+/g, ' ').trim();
      if (!/281/.test(text)) throw new Error(`the row does not name line 281: ${text}`);
      return text;
    });

    await step(page, 'the Outline view lists the article headlines', 'outline.png', async () => {
      await runCommand(page, 'Explorer: Focus on Outline View');
      for (const h of HEADLINES) await page.locator('.outline-pane .monaco-list-row', { hasText: h }).first().waitFor();
      return `${await page.locator('.outline-pane .monaco-list-row').count()} rows`;
    });

    await step(page, 'hovering over `2.242` shows 224,200,000', 'hover.png', async () => {
      await page.locator('.monaco-editor .view-lines').first().click();
      await page.keyboard.press('Control+G');
      await page.locator('.quick-input-widget input').fill(':261');
      await page.keyboard.press('Enter');
      const line = page.locator('.monaco-editor .view-line', { hasText: '2.242' }).first();
      await line.waitFor();
      // The on-screen box of the figure's characters (this runs in the page: no DOM types here).
      const box = await line.evaluate((el, needle) => {
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        const doc: any = (el as unknown as { ownerDocument: unknown }).ownerDocument;
        const SHOW_TEXT = 4;
        const walker = doc.createTreeWalker(el, SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const i: number = n.textContent?.indexOf(needle) ?? -1;
          if (i < 0) continue;
          const r = doc.createRange();
          r.setStart(n, i);
          r.setEnd(n, i + needle.length);
          const b = r.getBoundingClientRect();
          return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
        }
        return null;
      }, '2.242');
      if (!box) throw new Error('`2.242` not found in the rendered line');
      await page.mouse.move(box.x - 3, box.y);
      await page.mouse.move(box.x, box.y, { steps: 3 });
      const hover = page.locator('.monaco-hover', { hasText: '224,200,000' }).first();
      await hover.waitFor({ state: 'visible' });
      // Let its fade-in finish before the screenshot.
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      await hover.evaluate((el: any) => Promise.all(el.getAnimations({ subtree: true }).map((a: any) => a.finished)));
      return (await hover.innerText()).replace(/\s+/g, ' ').trim().slice(0, 120);
    });
  } finally {
    await closeBrowser(context);
    await stop(server);
    serverLog.end();
  }
}

// ── Main ────────────────────────────────────────────────────────────────────────────────────

async function cleanup(): Promise<void> {
  for (const c of [...contexts]) await closeBrowser(c);
  for (const c of [...children]) await stop(c);
  if (tempRoot) rmSync(tempRoot, { recursive: true, force: true, maxRetries: 3 });
  tempRoot = undefined;
}

async function main(): Promise<number> {
  const { pass, vsix } = args();
  const env = readEnv();
  rmSync(ARTIFACTS, { recursive: true, force: true });
  mkdirSync(ARTIFACTS, { recursive: true });
  tempRoot = mkdtempSync(path.join(os.tmpdir(), 'galley-e2e-'));
  log(`code-server ${env.codeServerVersion} on ${env.node}; artifacts in ${path.relative(ROOT, ARTIFACTS)}/`);
  if (pass === 'all' || pass === 'suite') {
    await suitePass(env).catch((e: unknown) => record('extension test suite', false, e instanceof Error ? e.message : String(e)));
  }
  if (pass === 'all' || pass === 'ui') {
    await uiPass(env, vsix).catch((e: unknown) => record('UI pass', false, e instanceof Error ? e.message : String(e)));
  }
  const failed = results.filter((r) => !r.ok);
  const passed = results.length - failed.length + suiteCounts.passed;
  if (failed.length) {
    console.log('\nFailed:');
    for (const f of failed) console.log(`  ✘ ${f.name}${f.detail ? ` — ${f.detail}` : ''}`);
  }
  log(`done; screenshots and logs in ${path.relative(ROOT, ARTIFACTS)}/`);
  // The plain closing line CI reads.
  console.log(`e2e: ${passed} passed, ${failed.length} failed`);
  return failed.length || passed === 0 ? 1 : 0;
}

const watchdog = setTimeout(() => {
  console.error(`e2e: the whole run exceeded ${LIMIT.whole / 60_000} min; stopping`);
  void cleanup().finally(() => process.exit(1));
}, LIMIT.whole);

for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.once(sig, () => {
    console.error(`e2e: ${sig}; cleaning up`);
    void cleanup().finally(() => process.exit(130));
  });
}

main()
  .catch((e: unknown) => {
    console.error(`e2e: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  })
  .then(async (code) => {
    await cleanup();
    clearTimeout(watchdog);
    process.exitCode = code;
  });
