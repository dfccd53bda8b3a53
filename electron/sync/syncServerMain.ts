// `zerodraft sync-server` and `npm run sync-server`: starts the sync server, or runs an admin
// command (`sync-server admin ...`). The server binds only the address it is given (default
// 127.0.0.1: put a TLS reverse proxy in front of it to serve other machines).
import { format, parseArgs } from 'node:util';
import { ZeroDraftError } from '../../shared/api/errors';
import { adminUsage, runSyncAdmin, type AdminOutput } from './syncAdmin';
import { jsonLineLog, startSyncServer, type SyncServerOptions } from './syncServer';

/** Usage of the sync server command. */
export const syncServerUsage = `Usage: zerodraft sync-server --data <dir> [--host 127.0.0.1] [--port 1234] [--redis host:port]
                             [--max-message-mb 32] [--connections-per-minute 120] [--trust-proxy] [--name <instance>]
  Serves the negotiations (rooms) in <dir> to Zero Draft clients over WebSocket.
  Binds only --host (default 127.0.0.1): serve other machines through a TLS reverse proxy
  (wss://), with --trust-proxy so that throttling and logs use the client's address from the
  proxy's X-Forwarded-For. Logs one JSON line per event on standard output. Stop with Ctrl+C
  (SIGINT) or SIGTERM.

${adminUsage}`;

function parseNumber(value: string | undefined, name: string, fallback: number, minimum: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < minimum) throw new ZeroDraftError('invalid-argument', `--${name} must be a whole number of at least ${minimum}.`);
  return number;
}

function parseRedis(value: string | undefined): SyncServerOptions['redis'] {
  if (value === undefined) return undefined;
  const match = /^(.+):(\d+)$/u.exec(value);
  if (match === null) throw new ZeroDraftError('invalid-argument', `--redis "${value}": write host:port, e.g. 127.0.0.1:6379.`);
  return { host: match[1]!, port: Number(match[2]) };
}

/** Reads the server's options from its command line. */
export function parseSyncServerArguments(argv: string[]): SyncServerOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      host: { type: 'string', default: '127.0.0.1' }, port: { type: 'string' }, data: { type: 'string' }, redis: { type: 'string' },
      'max-message-mb': { type: 'string' }, 'connections-per-minute': { type: 'string' }, 'trust-proxy': { type: 'boolean', default: false }, name: { type: 'string' },
    },
  });
  if (values.data === undefined) throw new ZeroDraftError('invalid-argument', `The sync server needs --data <dir>, the folder of its database.\n\n${syncServerUsage}`);
  return {
    host: values.host,
    port: parseNumber(values.port, 'port', 1234, 0),
    dataDirectory: values.data,
    redis: parseRedis(values.redis),
    maximumMessageBytes: parseNumber(values['max-message-mb'], 'max-message-mb', 32, 1) * 1024 * 1024,
    connectionsPerMinute: parseNumber(values['connections-per-minute'], 'connections-per-minute', 120, 1),
    trustProxy: values['trust-proxy'],
    name: values.name,
  };
}

/**
 * Hocuspocus and ioredis report some events with console.error / console.warn (a closed
 * connection's exception, a lost Redis link): in this process they become JSON lines too, so the
 * log stays one event per line. (Their messages hold no token: tokens never reach an error.)
 */
function consoleAsJsonLines(): void {
  const asEvent = (level: string) => (...parts: unknown[]): void => {
    jsonLineLog({ event: 'library-message', level, message: format(...parts).slice(0, 2000) });
  };
  console.error = asEvent('error');
  console.warn = asEvent('warn');
}

/** Starts the server and stops it cleanly on SIGINT or SIGTERM (from the moment it starts listening). */
async function serve(options: SyncServerOptions): Promise<void> {
  consoleAsJsonLines();
  // Registered first: a signal that arrives as the server starts still stops it cleanly.
  const starting = startSyncServer({ ...options, log: jsonLineLog });
  const stop = (signal: string): void => {
    jsonLineLog({ event: 'signal', signal });
    starting.then((server) => server.stop()).then(() => process.exit(0), (error: unknown) => {
      process.stderr.write(`sync-server: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    });
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
  await starting;
}

/**
 * Runs `sync-server` with its arguments (the words after `sync-server`). Returns the exit code,
 * or -1 when the server runs on (until a signal stops it).
 */
export async function runSyncServerCommand(argv: string[], output: AdminOutput): Promise<number> {
  if (argv[0] === 'admin') return runSyncAdmin(argv.slice(1), output);
  if (argv.includes('--help') || argv.includes('-h')) {
    output.out(syncServerUsage);
    return 0;
  }
  await serve(parseSyncServerArguments(argv));
  return -1;
}
