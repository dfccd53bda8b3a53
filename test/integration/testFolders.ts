// Temporary folders for integration tests, removed after each test, and small assertions on
// ZeroDraftError and child processes.
import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, expect } from 'vitest';
import { ZeroDraftError, type ZeroDraftErrorCode } from '../../shared/api/errors';

/** The repository root (tests run child processes from here so `--import tsx` resolves). */
export const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));

/** Returns a function that makes a fresh temp folder; all of them are removed after each test. */
export function useTemporaryFolders(): () => string {
  const folders: string[] = [];
  afterEach(() => {
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });
  return () => {
    const folder = mkdtempSync(join(tmpdir(), 'zd-'));
    folders.push(folder);
    return folder;
  };
}

/** Runs `action`, expects it to throw a ZeroDraftError with `code`, and returns that error. */
export function expectZeroDraftError(action: () => unknown, code: ZeroDraftErrorCode): ZeroDraftError {
  let thrown: unknown;
  try {
    action();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(ZeroDraftError);
  expect((thrown as ZeroDraftError).code).toBe(code);
  return thrown as ZeroDraftError;
}

/** The sha256 of a file's bytes, in hex. */
export function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** Outcome of a finished child process. */
export interface ChildResult { code: number; stdout: string; stderr: string }

/** Runs `node <args>` from the repository root and resolves when it exits (never rejects on exit code). */
export function runNode(args: readonly string[]): Promise<ChildResult> {
  return new Promise((resolvePromise, reject) => {
    execFile(process.execPath, args, { cwd: repositoryRoot }, (error, stdout, stderr) => {
      if (error !== null && typeof error.code !== 'number') reject(error);
      else resolvePromise({ code: error === null ? 0 : Number(error.code), stdout, stderr });
    });
  });
}

/** Builds the Node entry points if a test runs without `npm test` having built them. */
function ensureCliBuilt(): void {
  if (!existsSync(join(repositoryRoot, 'dist/node/cli.js'))) {
    execFileSync(process.execPath, ['build/build.mjs', '--skip-renderer'], { cwd: repositoryRoot, stdio: 'inherit' });
  }
}

/** Runs the built `zerodraft` command (bin/zerodraft.js) as a user would (building it first if needed). */
export function zerodraft(...args: string[]): Promise<ChildResult> {
  ensureCliBuilt();
  return runNode([join(repositoryRoot, 'bin/zerodraft.js'), ...args]);
}

/** Runs `zerodraft` expecting success (exit 0, nothing on stderr); returns its standard output. */
export async function zerodraftSucceeds(...args: string[]): Promise<string> {
  const result = await zerodraft(...args);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
}
