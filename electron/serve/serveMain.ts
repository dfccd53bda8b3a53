import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import packageJson from '../../package.json';
import { defaultDataDirectory } from '../services/dataDirectory';
import { defaultRendererDirectory, startBrowserHost } from './browserHost';

const usage = `Usage: npm run serve -- [--host 127.0.0.1] [--port 4848] [--data <folder>]
Serves Zero Draft to a browser on this machine (the same renderer and services as the desktop app).`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '4848' },
      data: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a number from 0 to 65535, not "${values.port}".`);
  const options = {
    host: values.host, dataDirectory: values.data ?? defaultDataDirectory(),
    rendererDirectory: defaultRendererDirectory(fileURLToPath(import.meta.url)), version: packageJson.version,
  };
  let host;
  try {
    host = await startBrowserHost({ ...options, port });
  } catch (error) {
    if ((error as { code?: string }).code !== 'EADDRINUSE' || values.port !== '4848') throw error;
    host = await startBrowserHost({ ...options, port: 0 });
  }
  console.log('Zero Draft (browser host). The Electron window cannot start on this machine, so the same app is served here.');
  console.log(`Data folder: ${options.dataDirectory}`);
  console.log(`Open: ${host.url}`);
  const stop = (): void => { void host.close().then(() => process.exit(0)); };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`zerodraft serve: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
