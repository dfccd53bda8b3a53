import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { MenuCommand, OpenedWorkspace } from '../../shared/api/contract';
import { startI18n } from '../i18n/i18n';
import { App } from './App';
import type { HostConnection } from './hostConnection';

/** Menu commands that arrived before the window mounted, and the end of their buffering. */
export interface EarlyCommands {
  earlyCommands: MenuCommand[];
  stopBuffering: () => void;
}

/** Renders the window once the host is connected; `startup` is the workspace already being opened. */
export async function startApp(connection: HostConnection, startup: Promise<OpenedWorkspace>, early: EarlyCommands): Promise<void> {
  const root = createRoot(document.getElementById('root')!);
  const [preferences, host] = await Promise.all([connection.api.app.preferences(), connection.api.app.hostInfo()]);
  await startI18n(preferences.language);
  const render = (disconnected: boolean): void => root.render(
    <StrictMode><App api={connection.api} host={host} initialLanguage={preferences.language} startup={startup} early={early} disconnected={disconnected} /></StrictMode>,
  );
  connection.onDisconnect(() => render(true));
  render(false);
}
