// Bundles the CLI, the language server and the VS Code client with esbuild: one file per process.
import { build } from 'esbuild';
import { chmod } from 'node:fs/promises';
import { existsSync } from 'node:fs';

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning' };
const entries = [
  { in: 'server/src/cli/main.ts', out: 'dist/cli.js', bin: true },
  { in: 'server/src/server.ts', out: 'dist/server.js', bin: true },
  // The worker pool of the server and the CLI runs this beside them (dist/worker.js).
  { in: 'server/src/workspace/worker.ts', out: 'dist/worker.js' },
  { in: 'client/src/extension.ts', out: 'dist/client.js', external: ['vscode'] },
].filter((e) => existsSync(e.in));

await Promise.all(
  entries.map((e) =>
    build({ ...common, entryPoints: [e.in], outfile: e.out, external: e.external ?? [], banner: e.bin ? { js: '#!/usr/bin/env node' } : undefined }),
  ),
);
for (const e of entries) if (e.bin) await chmod(e.out, 0o755);
