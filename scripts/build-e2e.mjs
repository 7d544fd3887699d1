// Bundles the extension test suite for VS Code's extension host: out/test/suite/index.js (the
// runner, `run()`) and one out/test/suite/*.test.js per suite file. `vscode` comes from the host;
// mocha is loaded from node_modules at run time (it reads its own files and is not bundle-safe).
// Run `npm run build` first for dist/ (the extension itself).
import { build } from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';

const dir = 'client/src/test/suite';
const entryPoints = readdirSync(dir)
  .filter((f) => f === 'index.ts' || f.endsWith('.test.ts'))
  .map((f) => `${dir}/${f}`);

rmSync('out/test', { recursive: true, force: true });
await build({
  entryPoints,
  outdir: 'out/test/suite',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'inline',
  external: ['vscode', 'mocha'],
  logLevel: 'warning',
});
console.log(`build-e2e: ${entryPoints.length} file(s) → out/test/suite/`);
