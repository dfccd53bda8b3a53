// Files that are not (sound, readable) workspaces: opening one fails with a clear error that names
// the file, and leaves it byte for byte as it was, with no -wal or -shm file beside it.
import { existsSync, mkdirSync, readdirSync, statSync, truncateSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, it, expect } from 'vitest';
import * as Y from 'yjs';
import { seedSample } from '../../electron/services/negotiationSeed';
import { WorkspaceDocument } from '../../electron/services/workspaceDocument';
import { WorkspaceFile } from '../../electron/services/workspaceFile';
import type { ZeroDraftErrorCode } from '../../shared/api/errors';
import { negotiationDocOptions } from '../../shared/domain/documentLayout';
import { clientReplica, paragraphTexts, randomInt } from '../fixtures/draftReplica';
import { seededRandom } from '../../shared/seededRandom';
import { expectZeroDraftError, sha256, useTemporaryFolders } from './testFolders';

const temporaryFolder = useTemporaryFolders();
const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function randomBytes(seed: number, length: number): Buffer {
  const random = seededRandom(seed);
  return Buffer.from(Array.from({ length }, () => randomInt(random, 0, 255)));
}

/**
 * A real workspace whose log holds 600 uncompacted updates (WorkspaceFile.close does not compact),
 * so its update table spans many b-tree pages.
 */
function largeWorkspace(path: string): void {
  const source = new Y.Doc(negotiationDocOptions);
  seedSample(source);
  const file = WorkspaceFile.create(path);
  file.appendUpdate(Y.encodeStateAsUpdate(source));
  const client = clientReplica(source, () => undefined);
  client.on('update', (update: Uint8Array) => file.appendUpdate(update));
  const random = seededRandom(7);
  for (let edit = 0; edit < 600; edit += 1) {
    const texts = paragraphTexts(client);
    const text = texts[randomInt(random, 0, texts.length - 1)]!;
    text.insert(randomInt(random, 0, text.length), `amendment ${edit} proposed by the delegation `);
  }
  file.close();
}

/**
 * Page numbers of the in-use leaf pages of the update table, from SQLite's dbstat. (Read-write:
 * a read-only connection to a WAL file would leave its -wal and -shm files behind.)
 */
function updateTableLeafPages(path: string): { pages: number[]; pageSize: number } {
  const database = new Database(path, { fileMustExist: true });
  try {
    const pages = database.prepare("SELECT pageno FROM dbstat WHERE name = 'doc_updates' AND pagetype = 'leaf' ORDER BY pageno").pluck().all() as number[];
    return { pages, pageSize: Number(database.pragma('page_size', { simple: true })) };
  } finally {
    database.close();
  }
}

function overwriteMiddlePages(path: string): void {
  const { pages, pageSize } = updateTableLeafPages(path);
  expect(pages.length).toBeGreaterThan(10);
  const middle = pages[Math.floor(pages.length / 2)]!;
  const descriptor = openSync(path, 'r+');
  try {
    // From the middle of one leaf page into the next ones: cell pointers and cells become garbage.
    writeSync(descriptor, randomBytes(11, pageSize * 3), 0, pageSize * 3, (middle - 1) * pageSize + 100);
  } finally {
    closeSync(descriptor);
  }
}

function foreignDatabase(path: string): void {
  const database = new Database(path);
  database.exec("CREATE TABLE contacts (name TEXT, phone TEXT); INSERT INTO contacts VALUES ('Ada', '555-0100');");
  database.close();
}

function setUserVersion(path: string, version: number): void {
  const database = new Database(path);
  database.pragma(`user_version = ${version}`);
  database.close();
}

/** How each bad file is made, and the error code opening it must give. */
const badFiles: { name: string; code: ZeroDraftErrorCode; make: (path: string) => void }[] = [
  { name: 'a folder', code: 'not-a-workspace', make: (path) => mkdirSync(path) },
  { name: 'an empty file', code: 'not-a-workspace', make: (path) => writeFileSync(path, '') },
  { name: 'a text file', code: 'not-a-workspace', make: (path) => writeFileSync(path, 'Zero draft\n\n1. We, the Heads of State...\n'.repeat(50)) },
  { name: 'a PNG-like file', code: 'not-a-workspace', make: (path) => writeFileSync(path, Buffer.concat([pngSignature, randomBytes(1, 4096)])) },
  { name: 'a file of random bytes', code: 'not-a-workspace', make: (path) => writeFileSync(path, randomBytes(2, 8192)) },
  { name: 'a database of another program', code: 'not-a-workspace', make: foreignDatabase },
  {
    name: 'a workspace truncated to half its size', code: 'corrupt-workspace',
    make: (path) => { largeWorkspace(path); truncateSync(path, Math.floor(statSync(path).size / 2)); },
  },
  {
    name: 'a workspace with b-tree pages overwritten', code: 'corrupt-workspace',
    make: (path) => { largeWorkspace(path); overwriteMiddlePages(path); },
  },
  {
    name: 'a workspace of a newer schema (user_version 99)', code: 'newer-schema',
    make: (path) => { WorkspaceDocument.create(path, seedSample).close(); setUserVersion(path, 99); },
  },
];

/** Files in the folder of `path` other than the file itself. */
function companions(path: string): string[] {
  return readdirSync(dirname(path)).filter((name) => name !== basename(path));
}

describe('opening files that are not sound workspaces', () => {
  it('reports a missing file as not-found, naming it, and creates nothing', () => {
    const path = join(temporaryFolder(), 'missing.zdraft');
    const error = expectZeroDraftError(() => WorkspaceDocument.open(path), 'not-found');
    expect(error.message).toContain('missing.zdraft');
    expect(readdirSync(dirname(path))).toEqual([]);
  });

  it.each(badFiles)('refuses $name with $code and leaves it unchanged', ({ code, make }) => {
    const path = join(temporaryFolder(), 'delegation notes.zdraft');
    make(path);
    const isFolder = statSync(path).isDirectory();
    const before = isFolder ? '' : sha256(path);
    expect(companions(path)).toEqual([]);

    const error = expectZeroDraftError(() => WorkspaceDocument.open(path), code);
    expect(error.message).toContain('delegation notes.zdraft');
    expect(error.file).toBe(path);
    if (!isFolder) expect(sha256(path)).toBe(before);
    expect(companions(path)).toEqual([]);
    expect(existsSync(`${path}-wal`) || existsSync(`${path}-shm`)).toBe(false);
  });

  it('refuses to create a workspace over an existing file and leaves it unchanged', () => {
    const path = join(temporaryFolder(), 'existing.zdraft');
    WorkspaceDocument.create(path, seedSample).close();
    const before = sha256(path);
    const error = expectZeroDraftError(() => WorkspaceFile.create(path), 'already-exists');
    expect(error.message).toContain('existing.zdraft');
    expectZeroDraftError(() => WorkspaceDocument.create(path, seedSample), 'already-exists');
    expect(sha256(path)).toBe(before);
    expect(companions(path)).toEqual([]);
  });
});
