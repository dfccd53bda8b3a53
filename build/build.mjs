// Builds everything the app runs from source: the renderer (Vite), the Node entry points
// (browser host, command line, benchmarks) and the Electron main and preload (esbuild).
// Usage: node build/build.mjs [--skip-renderer]
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const skipRenderer = process.argv.includes('--skip-renderer');
const started = Date.now();

const nodeEntries = {
  serve: 'electron/serve/serveMain.ts',
  cli: 'electron/cli/cliEntry.ts',
  syncServer: 'electron/sync/syncServerEntry.ts',
  bench: 'bench/benchMain.ts',
  // Input parsing runs in this worker, next to the bundle that starts it.
  importWorker: 'electron/services/inputImport/importWorker.ts',
  // Export runs in this worker, next to the bundle that starts it.
  exportWorker: 'electron/services/export/exportWorker.ts',
};

async function buildNode() {
  const { existsSync } = await import('node:fs');
  const entryPoints = Object.fromEntries(Object.entries(nodeEntries).filter(([, file]) => existsSync(join(root, file))));
  await esbuild({
    absWorkingDir: root,
    entryPoints,
    outdir: 'dist/node',
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
}

async function buildElectron() {
  await esbuild({
    absWorkingDir: root,
    entryPoints: {
      main: 'electron/main/index.ts',
      importWorker: 'electron/services/inputImport/importWorker.ts',
      exportWorker: 'electron/services/export/exportWorker.ts',
    },
    outdir: 'dist/electron',
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'esm',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
  // A sandboxed preload cannot load modules: one CommonJS file with everything but electron inlined.
  await esbuild({
    absWorkingDir: root,
    entryPoints: { preload: 'electron/preload/index.ts' },
    outdir: 'dist/electron',
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    target: 'chrome130',
    format: 'cjs',
    external: ['electron'],
    logLevel: 'warning',
  });
}

/** The benchmarks' baseline editors (plain ProseMirror, y-prosemirror) as a browser page. */
async function buildBenchPages() {
  const { copyFileSync, existsSync, mkdirSync } = await import('node:fs');
  if (!existsSync(join(root, 'bench/pages/baselineEditor.ts'))) return;
  await esbuild({
    absWorkingDir: root,
    entryPoints: { baseline: 'bench/pages/baselineEditor.ts' },
    outdir: 'dist/bench',
    bundle: true,
    platform: 'browser',
    target: 'chrome130',
    format: 'esm',
    logLevel: 'warning',
  });
  mkdirSync(join(root, 'dist/bench'), { recursive: true });
  copyFileSync(join(root, 'bench/pages/baseline.html'), join(root, 'dist/bench/baseline.html'));
}

async function buildRenderer() {
  await viteBuild({ configFile: join(root, 'build/vite.renderer.config.mjs'), logLevel: 'warn' });
}

await Promise.all([buildNode(), buildElectron(), buildBenchPages(), skipRenderer ? Promise.resolve() : buildRenderer()]);
console.log(`build: done in ${Date.now() - started} ms`);
