/**
 * `galley.diagnostics.*` settings as the server pulls them (`workspace/configuration`, section
 * `galley.diagnostics`, scoped to the document) and re-pulls them after
 * `workspace/didChangeConfiguration`.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ConfigurationParams } from 'vscode-languageserver-protocol/node';
import { Driver, ofCode, SAMPLE_000, summarize, withDriver } from './driver';

const ERROR = 1;
const WARNING = 2;

const diagnosticsSettings = (diagnostics: Record<string, unknown>) => ({ galley: { diagnostics } });

describe('galley.diagnostics settings', () => {
  test('the server asks for section galley.diagnostics, scoped to the document', async () => {
    await withDriver({}, async (d) => {
      const uri = await d.openFile(SAMPLE_000);
      await d.diagnostics(uri);
      const asked = d.eventsOf('workspace/configuration').map((e) => e.params as ConfigurationParams);
      assert.ok(asked.length >= 1, 'workspace/configuration was requested');
      assert.ok(
        asked.some((p) => p.items.some((i) => i.section === 'galley.diagnostics' && i.scopeUri === uri)),
        JSON.stringify(asked),
      );
      // No settings at all (the client answers null): the defaults.
      const diags = await d.diagnostics(uri);
      assert.equal(ofCode(diags, 'jump-missing-page')[0]?.severity, ERROR, summarize(diags));
    });
  });

  test('severity per code: override and ignore', async () => {
    const settings = diagnosticsSettings({
      severity: { 'jump-missing-page': 'warning', 'headline-missing': 'error', 'text-spaced': 'ignore' },
    });
    await withDriver({ settings }, async (d) => {
      const uri = await d.openFile(SAMPLE_000);
      const diags = await d.diagnostics(uri);
      assert.equal(ofCode(diags, 'jump-missing-page')[0]?.severity, WARNING, summarize(diags));
      assert.equal(ofCode(diags, 'headline-missing')[0]?.severity, ERROR, summarize(diags));
      assert.equal(ofCode(diags, 'text-spaced').length, 0, summarize(diags));
      assert.equal(ofCode(diags, 'jump-target-missing')[0]?.severity, WARNING, 'codes not named keep their default');
    });
  });

  test('ignore list', async () => {
    await withDriver({ settings: diagnosticsSettings({ ignore: ['jump-missing-page', 'text-spaced'] }) }, async (d) => {
      const uri = await d.openFile(SAMPLE_000);
      const diags = await d.diagnostics(uri);
      assert.equal(ofCode(diags, 'jump-missing-page').length, 0, summarize(diags));
      assert.equal(ofCode(diags, 'text-spaced').length, 0, summarize(diags));
      assert.equal(ofCode(diags, 'jump-target-missing').length, 1, summarize(diags));
      assert.equal(ofCode(diags, 'headline-missing').length, 1, summarize(diags));
    });
  });

  test('the ignore list wins over a severity for the same code', async () => {
    const settings = diagnosticsSettings({ severity: { 'headline-missing': 'error' }, ignore: ['headline-missing'] });
    await withDriver({ settings }, async (d) => {
      const uri = await d.openFile(SAMPLE_000);
      assert.equal(ofCode(await d.diagnostics(uri), 'headline-missing').length, 0);
    });
  });

  test('master switch galley.diagnostics.enable = false: no diagnostics', async () => {
    await withDriver({ settings: diagnosticsSettings({ enable: false }) }, async (d) => {
      const uri = await d.openFile(SAMPLE_000);
      assert.deepEqual(await d.diagnostics(uri), []);
      // Other features are not switched off with it.
      const symbols = await d.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri } });
      assert.ok(symbols.length > 0);
    });
  });

  test('settings per document scope', async () => {
    await withDriver({}, async (d) => {
      const uri = await d.openFile(SAMPLE_000);
      d.scopedSettings.set(uri, diagnosticsSettings({ ignore: ['headline-missing'] }));
      await d.changeConfiguration({});
      const diags = await d.diagnostics(uri);
      assert.equal(ofCode(diags, 'headline-missing').length, 0, summarize(diags));
      assert.equal(ofCode(diags, 'jump-missing-page').length, 1, summarize(diags));
    });
  });

  test('after workspace/didChangeConfiguration the server refreshes and asks again', async () => {
    await withDriver({ settings: diagnosticsSettings({}) }, async (d) => {
      const uri = await d.openFile(SAMPLE_000);
      assert.equal(ofCode(await d.diagnostics(uri), 'jump-missing-page').length, 1);
      const asksBefore = d.eventsOf('workspace/configuration').length;

      // Pulling again uses the cached settings: no new request.
      await d.diagnostics(uri);
      assert.equal(d.eventsOf('workspace/configuration').length, asksBefore, 'settings are cached until they change');

      let mark = d.mark();
      await d.changeConfiguration(diagnosticsSettings({ enable: false }));
      await d.waitForRefresh(mark);
      assert.deepEqual(await d.diagnostics(uri), []);
      await d.waitForServerRequest('workspace/configuration', mark);

      mark = d.mark();
      await d.changeConfiguration(diagnosticsSettings({ severity: { 'jump-missing-page': 'hint' } }));
      await d.waitForRefresh(mark);
      const diags = await d.diagnostics(uri);
      assert.equal(ofCode(diags, 'jump-missing-page')[0]?.severity, 4, summarize(diags));
      await d.waitForServerRequest('workspace/configuration', mark);
    });
  });

  test('a client without workspace/configuration: the server never asks and uses the defaults', async () => {
    const d = await Driver.start({
      capabilities: { workspace: { workspaceFolders: true, diagnostics: { refreshSupport: true } } },
      settings: diagnosticsSettings({ enable: false }),
    });
    try {
      const uri = await d.openFile(SAMPLE_000);
      const diags = await d.diagnostics(uri);
      assert.equal(ofCode(diags, 'jump-missing-page').length, 1, summarize(diags));
      assert.equal(d.eventsOf('workspace/configuration').length, 0);
    } finally {
      await d.stop();
    }
  });

  test('a client without refresh support still gets fresh diagnostics when it pulls', async () => {
    const d = await Driver.start({ capabilities: { workspace: { configuration: true, workspaceFolders: true } } });
    try {
      const uri = await d.openFile(SAMPLE_000);
      assert.equal(ofCode(await d.diagnostics(uri), 'headline-missing').length, 1);
      assert.equal(d.eventsOf('workspace/diagnostic/refresh').length, 0, 'no refresh for a client that cannot take it');
    } finally {
      await d.stop();
    }
  });

  test(
    'an error answer to workspace/configuration is not cached for good',
    async () => {
      let fail = true;
      const d = await Driver.start({
        onServerRequest: (method, params, driver) => {
          if (method === 'workspace/configuration' && fail) throw new Error('the client could not read its settings');
          return driver.defaultAnswer(method, params);
        },
      });
      try {
        const uri = await d.openFile(SAMPLE_000);
        await d.diagnostics(uri).catch(() => []); // the first pull may fail with the client
        fail = false;
        const diags = await d.diagnostics(uri);
        assert.equal(ofCode(diags, 'jump-missing-page').length, 1);
      } finally {
        await d.stop();
      }
    },
  );
});
