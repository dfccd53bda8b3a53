// Finds the script of a worker thread that runs next to its caller, from source or bundled:
// - From source (vitest, tsx: the caller's URL ends in .ts): an `eval` bootstrap registers tsx's
//   ESM loader inside the worker, then imports `<name>.ts` beside the caller.
// - Bundled (esbuild): `<name>.js` next to the bundle (an entry point of build/build.mjs).
// - Neither available: null (the caller then runs the job in-process).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';

/** Starts one worker. */
export type WorkerStarter = () => Worker;

const sourceBootstrap = `
const { workerData } = require('node:worker_threads');
import(workerData.tsxApi).then((api) => { api.register(); return import(workerData.entry); });
`;

/** The URL of tsx's ESM `register` API, when tsx is installed (development and tests). */
function tsxApiUrl(): string | null {
  try {
    const manifestPath = createRequire(import.meta.url).resolve('tsx/package.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { exports?: Record<string, { import?: { default?: unknown } }> };
    const target = manifest.exports?.['./esm/api']?.import?.default;
    return typeof target === 'string' ? pathToFileURL(join(dirname(manifestPath), target)).href : null;
  } catch {
    return null;
  }
}

/**
 * How to start the worker `name` (e.g. 'exportWorker') that lives beside the module at
 * `callerUrl` (pass `import.meta.url`); null when no worker script is available.
 */
export function findWorkerStarter(callerUrl: string, name: string, resourceLimits?: ResourceLimits): WorkerStarter | null {
  if (callerUrl.endsWith('.ts')) {
    const tsxApi = tsxApiUrl();
    if (tsxApi === null) return null;
    const entry = new URL(`./${name}.ts`, callerUrl).href;
    return () => new Worker(sourceBootstrap, { eval: true, workerData: { tsxApi, entry }, resourceLimits });
  }
  const built = new URL(`./${name}.js`, callerUrl);
  if (built.protocol !== 'file:' || !existsSync(fileURLToPath(built))) return null;
  return () => new Worker(built, { resourceLimits });
}
