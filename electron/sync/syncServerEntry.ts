// Entry point of dist/node/syncServer.js (`npm run sync-server -- ...`).
import { ZeroDraftError } from '../../shared/api/errors';
import { runSyncServerCommand } from './syncServerMain';

runSyncServerCommand(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  error: (text) => process.stderr.write(text),
}).then((code) => {
  if (code >= 0) process.exitCode = code;
}, (error: unknown) => {
  process.stderr.write(`sync-server: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = error instanceof ZeroDraftError && error.code === 'invalid-argument' ? 2 : 1;
});
