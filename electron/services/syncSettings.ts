import { randomInt } from 'node:crypto';
import type { SyncSettings } from '../../shared/api/contract';
import { ZeroDraftError } from '../../shared/api/errors';
import type { WorkspaceFile } from './workspaceFile';

/**
 * Keeps secrets with the operating system's keychain: Electron's `safeStorage` encrypts with a
 * key the OS keeps (Keychain, DPAPI, libsecret), so the workspace file only holds ciphertext.
 */
export interface SecretStore {
  /** Encrypts a secret; the result (base64) is safe to store in the workspace file. */
  encrypt(secret: string): string;
  /** Decrypts what {@link encrypt} returned; throws when this machine's keychain cannot. */
  decrypt(stored: string): string;
}

/** Keys of the sync settings in the workspace file's settings table. */
const keys = {
  url: 'sync.url', room: 'sync.room', name: 'sync.name', colour: 'sync.colour',
  /** '1' while the user wants the workspace connected (so it reconnects on open). */
  enabled: 'sync.enabled',
  /** The token in plain text, where no keychain is available (browser host, plain Node). */
  plainToken: 'sync.token',
  /** The token encrypted by the keychain ({@link SecretStore}), base64. */
  keychainToken: 'sync.token.keychain',
} as const;

/** Colours given to users, distinct on white and readable behind white text (6-digit, as y-prosemirror wants). */
const userColours = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#bcbd22', '#ff7f0e', '#393b79'];

/** Reads and writes a workspace's sync settings; the token goes to the keychain when there is one. */
export class SyncSettingsStore {
  private readonly file: WorkspaceFile;
  private readonly secrets: SecretStore | undefined;

  constructor(file: WorkspaceFile, secrets: SecretStore | undefined) {
    this.file = file;
    this.secrets = secrets;
  }

  /** Where tokens are kept on this host. */
  get tokenStorage(): 'keychain' | 'workspace' {
    return this.secrets === undefined ? 'workspace' : 'keychain';
  }

  /** The stored settings, or null when the workspace was never shared. */
  settings(): SyncSettings | null {
    const url = this.file.getSetting(keys.url);
    const room = this.file.getSetting(keys.room);
    if (url === undefined || room === undefined || url === '' || room === '') return null;
    return {
      url, room, name: this.file.getSetting(keys.name) ?? '',
      colour: this.file.getSetting(keys.colour) ?? userColours[0]!,
    };
  }

  /** Whether the user left this workspace connected (so it reconnects on open). */
  get enabled(): boolean {
    return this.file.getSetting(keys.enabled) === '1';
  }

  set enabled(value: boolean) {
    this.file.setSetting(keys.enabled, value ? '1' : '0');
  }

  /** Stores the connection settings; keeps the colour chosen earlier, or picks one. */
  store(settings: Omit<SyncSettings, 'colour'>): SyncSettings {
    const colour = this.file.getSetting(keys.colour) ?? userColours[randomInt(userColours.length)]!;
    this.file.setSetting(keys.url, settings.url);
    this.file.setSetting(keys.room, settings.room);
    this.file.setSetting(keys.name, settings.name);
    this.file.setSetting(keys.colour, colour);
    return { ...settings, colour };
  }

  /** Stores the invite token: encrypted by the keychain where there is one, else in plain text. */
  storeToken(token: string): void {
    if (this.secrets === undefined) {
      this.file.setSetting(keys.plainToken, token);
      return;
    }
    this.file.setSetting(keys.keychainToken, this.secrets.encrypt(token));
    // A token stored in plain text earlier (the same file opened in the browser host) goes.
    this.file.setSetting(keys.plainToken, '');
  }

  /** The stored token, or null. Throws a clear error when the keychain cannot decrypt it. */
  token(): string | null {
    const encrypted = this.secrets === undefined ? '' : this.file.getSetting(keys.keychainToken) ?? '';
    if (encrypted !== '') {
      try {
        return this.secrets!.decrypt(encrypted);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new ZeroDraftError('unauthorized', `The invite token of this workspace was encrypted with another computer's or user's keychain and cannot be read here (${reason}). Enter the token again in the Share dialog.`, this.file.path);
      }
    }
    const plain = this.file.getSetting(keys.plainToken) ?? '';
    return plain === '' ? null : plain;
  }

  /** Whether a token is stored (without decrypting it). */
  get hasToken(): boolean {
    const encrypted = this.secrets === undefined ? '' : this.file.getSetting(keys.keychainToken) ?? '';
    return encrypted !== '' || (this.file.getSetting(keys.plainToken) ?? '') !== '';
  }
}
