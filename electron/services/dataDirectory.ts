import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where the Node hosts (browser host, command line) keep the app's own state and the sample:
 * $ZERODRAFT_DATA, else $XDG_DATA_HOME/zerodraft, else ~/.local/share/zerodraft.
 * (The Electron shell uses Electron's userData folder.)
 */
export function defaultDataDirectory(environment: NodeJS.ProcessEnv = process.env): string {
  if (environment.ZERODRAFT_DATA) return environment.ZERODRAFT_DATA;
  const base = environment.XDG_DATA_HOME || join(homedir(), '.local', 'share');
  return join(base, 'zerodraft');
}
