/**
 * A burst of 10,000 `textDocument/didChange` notifications on one open page — ranged edits, with
 * a whole-text change every thousandth — interleaved with outline and diagnostics requests, two
 * in three of them cancelled at once. As an editor does when someone types fast or pastes.
 *
 * The server must stay up; each request must settle with a result or, if cancelled, with either
 * a result or RequestCancelled (-32800); it must not ask for a diagnostics refresh per change;
 * and after the burst it must hold exactly the text the edits make: its outline, folding,
 * diagnostics and whole model equal those of that text opened fresh.
 *
 * And the other side of folding refreshes: a client that never answers one still gets the next.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CancellationTokenSource, ResponseError, type Diagnostic, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver-protocol/node';
import { SAMPLE_000, withDriver } from './driver';

const CHANGES = 10_000;
/** A request after every this many changes; two in three of them are cancelled. */
const REQUEST_EVERY = 10;
/** Every this many changes the whole text is sent, not a range. */
const FULL_EVERY = 1_000;
/** A generous bound for the whole burst on a 2-core machine (it takes a few seconds). */
const BOUND_MS = 60_000;
const REQUEST_CANCELLED = -32800;

/** Each page alone in its folder (one that does not exist): its diagnostics depend on it only. */
const BURST_PAGE = 'file:///nonexistent-galley-folder/burst/a/page.news';
const FRESH_PAGE = 'file:///nonexistent-galley-folder/burst/b/page.news';

/** mulberry32: the same edits every run. */
function random(seed: number): (n: number) => number {
  let s = seed;
  return (n) => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

/** Diagnostics without the page they are on, to compare two pages' diagnostics. */
const comparable = (diags: readonly Diagnostic[]) => diags.map((x) => ({ code: x.code, severity: x.severity, range: x.range, message: x.message }));

test('10,000 changes with requests and cancellations: the server keeps up and ends on the last text', { timeout: 2 * BOUND_MS }, async (t) => {
  const sample = readFileSync(SAMPLE_000, 'utf8');
  await withDriver({ timeoutMs: BOUND_MS }, async (d) => {
    await d.open(BURST_PAGE, sample);
    // The client's copy of the text, edited as the server's copy should be.
    const mirror = TextDocument.create(BURST_PAGE, 'newspaper', 1, sample);
    const rnd = random(20240618);
    const outcomes: Promise<'result' | 'cancelled'>[] = [];
    const sends: Promise<void>[] = [];
    let version = 1;
    let cancelled = 0;
    const started = Date.now();

    for (let i = 1; i <= CHANGES; i++) {
      const text = mirror.getText();
      version++;
      if (i % FULL_EVERY === 0) {
        // The whole text, its lines in reverse: articles move, the outline changes.
        const whole = text.split('\n').reverse().join('\n');
        TextDocument.update(mirror, [{ text: whole }], version);
        sends.push(d.notify('textDocument/didChange', { textDocument: { uri: BURST_PAGE, version }, contentChanges: [{ text: whole }] }));
      } else {
        // Delete up to 8 characters somewhere and insert up to 12 taken from the sample (line
        // breaks, brackets, jump lines and all).
        const start = rnd(text.length + 1);
        const end = Math.min(text.length, start + (rnd(3) === 0 ? rnd(9) : 0));
        const from = rnd(sample.length);
        const insert = rnd(4) === 0 ? '' : sample.slice(from, from + 1 + rnd(12));
        const range = { start: mirror.positionAt(start), end: mirror.positionAt(end) };
        TextDocument.update(mirror, [{ range, text: insert }], version);
        sends.push(d.notify('textDocument/didChange', { textDocument: { uri: BURST_PAGE, version }, contentChanges: [{ range, text: insert }] }));
      }
      if (i % REQUEST_EVERY === 0) {
        const method = (i / REQUEST_EVERY) % 2 === 0 ? 'textDocument/documentSymbol' : 'textDocument/diagnostic';
        const source = new CancellationTokenSource();
        const cancel = (i / REQUEST_EVERY) % 3 !== 0;
        outcomes.push(
          d.request(method, { textDocument: { uri: BURST_PAGE } }, BOUND_MS, source.token).then(
            () => 'result' as const,
            (err: unknown) => {
              if (cancel && err instanceof ResponseError && err.code === REQUEST_CANCELLED) {
                // The client cancelled to pull a newer version: told not to retrigger, VS Code's
                // client would drop that next pull and show no diagnostics.
                if (method === 'textDocument/diagnostic') assert.deepEqual(err.data, { retriggerRequest: true });
                return 'cancelled' as const;
              }
              throw err;
            },
          ),
        );
        if (cancel) {
          source.cancel();
          cancelled++;
        }
      }
    }
    await Promise.all(sends);
    const settled = await Promise.all(outcomes);
    const ms = Date.now() - started;

    // The last text, as the server has it and as a fresh page.
    const symbols = await d.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: BURST_PAGE } });
    const folding = await d.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri: BURST_PAGE } });
    const diagnostics = await d.diagnostics(BURST_PAGE);
    await d.open(FRESH_PAGE, mirror.getText());
    assert.deepEqual(symbols, await d.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: FRESH_PAGE } }));
    assert.deepEqual(folding, await d.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri: FRESH_PAGE } }));
    assert.deepEqual(comparable(diagnostics), comparable(await d.diagnostics(FRESH_PAGE)));
    // The whole model too (every paragraph's text, every range), but for the page's URI.
    const model = async (uri: string) => JSON.stringify(await d.request('galley/parseResult', { uri })).replaceAll(JSON.stringify(uri), '"…"');
    assert.equal(await model(BURST_PAGE), await model(FRESH_PAGE));
    assert.ok(symbols.length > 0, 'the edited page still has articles');

    const answered = settled.filter((o) => o === 'result').length;
    assert.equal(settled.length, CHANGES / REQUEST_EVERY);
    assert.ok(answered >= settled.length - cancelled, 'every request not cancelled has its result');
    assert.ok(ms < BOUND_MS, `the burst took ${ms} ms`);
    // One refresh in flight at a time: the changes made meanwhile fold into the next one.
    const refreshes = d.eventsOf('workspace/diagnostic/refresh').length;
    assert.ok(refreshes < CHANGES / 10, `${refreshes} diagnostic refreshes for ${CHANGES} changes`);
    t.diagnostic(
      `${CHANGES} changes, ${settled.length} requests (${cancelled} cancelled: ${settled.length - answered} answered RequestCancelled) in ${ms} ms; ` +
        `${refreshes} diagnostic refreshes; final text ${mirror.getText().length} characters`,
    );
  });
});

test('a client that never answers a refresh is asked again after the next change', async () => {
  // The server keeps one refresh in flight; an unanswered one must not hold back the rest.
  await withDriver(
    {
      waitForIndex: false,
      onServerRequest: (method, params, driver) => (method === 'workspace/diagnostic/refresh' ? new Promise(() => undefined) : driver.defaultAnswer(method, params)),
    },
    async (d) => {
      await d.open(BURST_PAGE, '第01版：要闻\n', { wait: false });
      const first = await d.waitForRefresh(0);
      await d.change(BURST_PAGE, '第01版：要闻\n\n市长调研重点工程建设\n');
      const second = await d.waitForRefresh(first.seq);
      assert.ok(second.seq > first.seq);
    },
  );
});
