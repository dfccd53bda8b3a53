import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The project root. */
export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
/** The built renderer served by the browser host. */
export const rendererDirectory = `${projectRoot}/dist/renderer`;

/** Builds the app if a test runs without `npm test` having built it. */
export function ensureBuilt(): void {
  if (!existsSync(`${rendererDirectory}/index.html`) || !existsSync(`${projectRoot}/dist/node/cli.js`)) {
    execFileSync(process.execPath, ['build/build.mjs'], { cwd: projectRoot, stdio: 'inherit' });
  }
}
