/**
 * The extension test runner, as VS Code's `--extensionTestsPath` expects it: a module whose
 * `run()` returns a Promise that settles when the tests are done (rejects when any failed).
 *
 * It runs in the extension host, started by `@vscode/test-electron` (`npm run test:electron`,
 * downloads VS Code) or by code-server's test driver (`npm run test:e2e`, see test/e2e/run.ts).
 * The suite files are bundled beside this one as `*.test.js` (scripts/build-e2e.mjs); mocha is
 * loaded from the repo's node_modules.
 *
 * Environment: GALLEY_TEST_GREP runs only the tests whose title matches; GALLEY_TEST_REPORT_PREFIX
 * starts each line of the report with a tag, for a runner that reads the report out of a log
 * it shares with the workbench (test/e2e/run.ts).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const prefix = process.env.GALLEY_TEST_REPORT_PREFIX ?? '';
  const print = (...args: unknown[]): void => {
    const text = format(...args);
    console.log(prefix ? text.split('\n').map((l) => prefix + l).join('\n') : text);
  };
  // Every mocha reporter writes through Base.consoleLog.
  Mocha.reporters.Base.consoleLog = print;

  const mocha = new Mocha({
    ui: 'tdd',
    color: false,
    // Each test waits on events with its own, shorter, timeouts; this is the backstop.
    timeout: 90_000,
    slow: 5_000,
  });
  const grep = process.env.GALLEY_TEST_GREP;
  if (grep) mocha.grep(grep);
  for (const f of fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(__dirname, f));
  }
  return new Promise((resolve, reject) => {
    try {
      const failed: string[] = [];
      const runner = mocha.run((failures) => {
        const { passes = 0, pending = 0 } = runner.stats ?? {};
        for (const f of failed) print(`extension-tests: failed: ${f}`);
        // The plain closing line CI reads, alone on its line.
        print(`extension-tests: ${passes} passed, ${failures} failed${pending ? `, ${pending} skipped` : ''}`);
        if (failures > 0) reject(new Error(`${failures} extension test(s) failed`));
        else resolve();
      });
      runner.on('fail', (test, err: unknown) => {
        const message = err instanceof Error ? err.message : String(err);
        failed.push(`${test.fullTitle()} — ${message.split('\n')[0]}`);
      });
    } catch (err) {
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}
