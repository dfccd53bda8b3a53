// `npm start`: opens the desktop app (Electron) on the last workspace, or the built-in sample.
// Where the Electron binary is not installed (it downloads on first launch, which needs the
// internet), it says so and serves the same app to a browser instead (the browser host).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const electronFolder = join(root, 'node_modules', 'electron');
const pathFile = join(electronFolder, 'path.txt');

function electronBinary() {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return join(process.env.ELECTRON_OVERRIDE_DIST_PATH, 'electron');
  if (!existsSync(pathFile)) return null;
  const binary = join(electronFolder, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();
const passThrough = process.argv.slice(2);
if (binary !== null && !process.argv.includes('--browser')) {
  const child = spawn(binary, ['.', ...passThrough], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(binary === null
    ? 'The Electron binary is not installed on this machine (it downloads on first launch, which needs the internet),\nso Zero Draft runs in the browser host instead: the same app and services, served on 127.0.0.1.'
    : 'Serving Zero Draft to a browser (--browser).');
  const child = spawn(process.execPath, [join(root, 'dist', 'node', 'serve.js'), ...passThrough.filter((argument) => argument !== '--browser')], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
}
