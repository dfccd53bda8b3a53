import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { Preferences, RecentWorkspace } from '../../shared/api/contract';

interface StoredState {
  recent: { path: string; name: string; openedAt: string }[];
  lastWorkspace: string | null;
  preferences: Preferences;
}

const maxRecent = 12;

function defaultState(): StoredState {
  return { recent: [], lastWorkspace: null, preferences: { language: 'en' } };
}

/** Reads a stored state, keeping only well-formed parts: a damaged file never stops the app. */
function parseState(text: string): StoredState {
  const state = defaultState();
  const value = JSON.parse(text) as Partial<StoredState>;
  if (Array.isArray(value.recent)) {
    state.recent = value.recent.filter((entry) => typeof entry?.path === 'string' && typeof entry.openedAt === 'string')
      .map((entry) => ({ path: entry.path, name: typeof entry.name === 'string' ? entry.name : basename(entry.path), openedAt: entry.openedAt }));
  }
  if (typeof value.lastWorkspace === 'string') state.lastWorkspace = value.lastWorkspace;
  if (value.preferences?.language === 'zh' || value.preferences?.language === 'en') state.preferences.language = value.preferences.language;
  return state;
}

/**
 * What the app remembers outside any workspace: the Recent list, the last workspace, the
 * preferences. Kept as a small JSON file in the data folder, replaced atomically.
 */
export class AppState {
  readonly dataDirectory: string;
  private readonly statePath: string;
  private state: StoredState;

  constructor(dataDirectory: string) {
    this.dataDirectory = dataDirectory;
    mkdirSync(dataDirectory, { recursive: true });
    this.statePath = join(dataDirectory, 'state.json');
    this.state = defaultState();
    if (existsSync(this.statePath)) {
      try {
        this.state = parseState(readFileSync(this.statePath, 'utf8'));
      } catch {
        // A damaged state file only loses the Recent list; workspaces are untouched.
        this.state = defaultState();
      }
    }
  }

  /** Path of the built-in sample workspace in the data folder. */
  get samplePath(): string {
    return join(this.dataDirectory, 'Global Compact (sample).zdraft');
  }

  /** The Recent list, newest first. */
  recent(): RecentWorkspace[] {
    return this.state.recent.map((entry) => ({ ...entry, exists: existsSync(entry.path) }));
  }

  /** The last workspace opened, if it still exists. */
  lastWorkspace(): string | null {
    const last = this.state.lastWorkspace;
    return last !== null && existsSync(last) ? last : null;
  }

  /** Records that a workspace was opened. */
  noteOpened(path: string): void {
    const entry = { path, name: basename(path, extname(path)), openedAt: new Date().toISOString() };
    this.state.recent = [entry, ...this.state.recent.filter((item) => item.path !== path)].slice(0, maxRecent);
    this.state.lastWorkspace = path;
    this.save();
  }

  /** Records that the user closed a workspace: it is not reopened at start. */
  noteClosed(path: string): void {
    if (this.state.lastWorkspace === path) this.state.lastWorkspace = null;
    this.save();
  }

  preferences(): Preferences {
    return { ...this.state.preferences };
  }

  setPreferences(preferences: Partial<Preferences>): Preferences {
    this.state.preferences = { ...this.state.preferences, ...preferences };
    this.save();
    return this.preferences();
  }

  private save(): void {
    const temporary = `${this.statePath}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(this.state, null, 2));
    renameSync(temporary, this.statePath);
  }
}
