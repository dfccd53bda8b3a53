import type { MenuCommand } from '../shared/api/contract';
import { connectToHost } from './app/hostConnection';
import './styles.css';

/**
 * Start-up in two steps: this small entry connects to the host and asks for the start-up
 * workspace at once; the window's code (React, the editor) loads in parallel, while the host
 * reads the file.
 */
async function start(): Promise<void> {
  const app = import('./app/startApp');
  try {
    const connection = await connectToHost();
    performance.mark('zd:connected');
    const startup = connection.api.app.startupWorkspace().then((path) => connection.api.workspace.open(path))
      .then((opened) => { performance.mark('zd:opened'); return opened; });
    startup.catch(() => undefined);
    // Menu commands sent before the window has mounted (a file opened at launch) wait here.
    const earlyCommands: MenuCommand[] = [];
    const stopBuffering = connection.api.app.onDidRequestCommand((command) => earlyCommands.push(command));
    await (await app).startApp(connection, startup, { earlyCommands, stopBuffering });
  } catch (error) {
    const message = document.createElement('p');
    message.className = 'zd-fatal';
    message.setAttribute('role', 'alert');
    message.textContent = error instanceof Error ? error.message : String(error);
    document.getElementById('root')!.replaceChildren(message);
  }
}

void start();
