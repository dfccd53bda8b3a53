import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { connectToHost } from './app/hostConnection';
import { startI18n } from './i18n/i18n';
import './styles.css';

async function start(): Promise<void> {
  const root = createRoot(document.getElementById('root')!);
  try {
    const connection = await connectToHost();
    // Ask for the start-up workspace at once, beside the preferences: no round trip waits on another.
    const startup = connection.api.app.startupWorkspace().then((path) => connection.api.workspace.open(path));
    startup.catch(() => undefined);
    const [preferences, host] = await Promise.all([connection.api.app.preferences(), connection.api.app.hostInfo()]);
    await startI18n(preferences.language);
    const render = (disconnected: boolean): void => root.render(
      <StrictMode><App api={connection.api} host={host} initialLanguage={preferences.language} startup={startup} disconnected={disconnected} /></StrictMode>,
    );
    connection.onDisconnect(() => render(true));
    render(false);
  } catch (error) {
    root.render(<p className="zd-fatal" role="alert">{error instanceof Error ? error.message : String(error)}</p>);
  }
}

void start();
