import { safeStorage } from 'electron';
import type { SecretStore } from '../services/syncSettings';

/**
 * The OS keychain through Electron's safeStorage (macOS Keychain, Windows DPAPI, libsecret or
 * KWallet on Linux), for sync invite tokens; the workspace file keeps only the ciphertext.
 * Undefined where no real keychain is available (including Linux's plain-text fallback): the
 * token then stays in the workspace file, and the Share dialog says so. Call after `app` is ready.
 */
export function keychainSecrets(): SecretStore | undefined {
  if (!safeStorage.isEncryptionAvailable()) return undefined;
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return undefined;
  return {
    encrypt: (secret) => safeStorage.encryptString(secret).toString('base64'),
    decrypt: (stored) => safeStorage.decryptString(Buffer.from(stored, 'base64')),
  };
}
