// Storage of a negotiation on a real workspace file: every acknowledged change survives close
// and reopen, the log is compacted without losing deleted content, malformed updates are refused,
// the schema is recorded, and a second process is locked out.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, it, expect, vi } from 'vitest';
import * as Y from 'yjs';
import { negotiationText } from '../../electron/services/negotiationReader';
import { seedSample } from '../../electron/services/negotiationSeed';
import { WorkspaceDocument, type CompactionPolicy } from '../../electron/services/workspaceDocument';
import { WorkspaceFile } from '../../electron/services/workspaceFile';
import { negotiationDocOptions } from '../../shared/domain/documentLayout';
import { negotiationPlainText } from '../../shared/schema/plainText';
import { clientReplica, paragraphTexts, randomInt } from '../fixtures/draftReplica';
import { seededRandom } from '../../shared/seededRandom';
import { expectZeroDraftError, repositoryRoot, runNode, useTemporaryFolders } from './testFolders';

const temporaryFolder = useTemporaryFolders();
const noBackgroundCompaction: CompactionPolicy = { everyUpdates: 1_000_000, idleMilliseconds: 60_000 };
const words = ['migration', 'shall', 'should', 'States', 'encourage', 'cooperation', 'rights', 'data'];

/** A sample workspace in a fresh folder and a client replica whose edits go through applyUpdate. */
function sampleWorkspace(policy: CompactionPolicy): { path: string; document: WorkspaceDocument; client: Y.Doc } {
  const path = join(temporaryFolder(), 'negotiation.zdraft');
  const document = WorkspaceDocument.create(path, seedSample, policy);
  const client = clientReplica(document.doc, (update) => document.applyUpdate(update, 'client'));
  return { path, document, client };
}

/** One random edit of a random paragraph: insert a word, or delete a few characters. */
function randomEdit(client: Y.Doc, random: () => number): void {
  const texts = paragraphTexts(client);
  const text = texts[randomInt(random, 0, texts.length - 1)]!;
  if (random() < 0.3 && text.length > 5) {
    text.delete(randomInt(random, 0, text.length - 5), randomInt(random, 1, 5));
  } else {
    text.insert(randomInt(random, 0, text.length), `${words[randomInt(random, 0, words.length - 1)]!} `);
  }
}

/** The document's content as the tests compare it. */
function contentOf(doc: Y.Doc): { stateVector: Uint8Array; json: unknown; plainText: string } {
  const text = negotiationText(doc);
  return { stateVector: Y.encodeStateVector(doc), json: text.toJSON(), plainText: negotiationPlainText(text) };
}

/** Lets the idle timer run until the background compaction has reduced the log to one update. */
async function awaitCompaction(document: WorkspaceDocument): Promise<void> {
  await vi.waitFor(() => expect(document.updateCount).toBe(1), { timeout: 5_000, interval: 5 });
}

function openReadOnly(path: string): Database.Database {
  return new Database(path, { readonly: true, fileMustExist: true });
}

describe('workspace storage', () => {
  it('keeps 1,000 client edits across close and reopen, with the log compacted on close', () => {
    const { path, document, client } = sampleWorkspace(noBackgroundCompaction);
    const random = seededRandom(1);
    for (let edit = 1; edit <= 1000; edit += 1) randomEdit(client, random);
    expect(document.updateCount).toBe(1001);
    expect(document.file.updateCount()).toBe(1001);
    const before = contentOf(document.doc);
    expect(contentOf(client)).toEqual(before);
    document.close();

    const reopened = WorkspaceDocument.open(path);
    try {
      expect(reopened.updateCount).toBe(1);
      expect(reopened.file.updateCount()).toBe(1);
      expect(contentOf(reopened.doc)).toEqual(before);
    } finally {
      reopened.close();
    }
  });

  it('acknowledges each update only once it is in the log', () => {
    const path = join(temporaryFolder(), 'acks.zdraft');
    const document = WorkspaceDocument.create(path, seedSample, noBackgroundCompaction);
    const acks: number[] = [];
    const client = clientReplica(document.doc, (update) => {
      acks.push(document.applyUpdate(update, 'client').storedUpdates);
      expect(document.file.updateCount()).toBe(acks.at(-1));
    });
    for (let character = 0; character < 20; character += 1) paragraphTexts(client)[0]!.insert(0, 'x');
    expect(acks).toEqual(Array.from({ length: 20 }, (_, index) => index + 2));
    document.close();
  });

  it('compacts in the background and keeps deleted content restorable from a snapshot', async () => {
    const { path, document, client } = sampleWorkspace({ everyUpdates: 50, idleMilliseconds: 10 });
    const random = seededRandom(2);
    for (let round = 0; round < 3; round += 1) {
      for (let edit = 0; edit < 60; edit += 1) randomEdit(client, random);
      await awaitCompaction(document);
    }
    const snapshot = Y.encodeSnapshot(Y.snapshot(document.doc));
    const beforeDeletion = contentOf(document.doc);

    for (const text of paragraphTexts(client)) text.delete(0, Math.min(text.length, 40));
    for (let edit = 0; edit < 60; edit += 1) randomEdit(client, random);
    await awaitCompaction(document);
    const afterDeletion = contentOf(document.doc);
    expect(afterDeletion.plainText).not.toEqual(beforeDeletion.plainText);
    document.close();

    const reopened = WorkspaceDocument.open(path);
    try {
      expect(contentOf(reopened.doc)).toEqual(afterDeletion);
      const restored = Y.createDocFromSnapshot(reopened.doc, Y.decodeSnapshot(snapshot), new Y.Doc(negotiationDocOptions));
      expect(negotiationText(restored).toJSON()).toEqual(beforeDeletion.json);
      expect(negotiationPlainText(negotiationText(restored))).toBe(beforeDeletion.plainText);
    } finally {
      reopened.close();
    }
  });

  it('gives the pages of a compacted log back to the file system', () => {
    const { path, document, client } = sampleWorkspace(noBackgroundCompaction);
    const random = seededRandom(4);
    for (let edit = 0; edit < 3000; edit += 1) randomEdit(client, random);
    document.close();
    const database = openReadOnly(path);
    try {
      expect(database.pragma('auto_vacuum', { simple: true })).toBe(2);
      const pages = Number(database.pragma('page_count', { simple: true }));
      expect(Number(database.pragma('freelist_count', { simple: true }))).toBeLessThan(Math.max(4, pages / 10));
    } finally {
      database.close();
    }
  });

  it('refuses malformed updates and stores nothing', () => {
    const { path, document } = sampleWorkspace(noBackgroundCompaction);
    const random = seededRandom(3);
    const before = contentOf(document.doc);
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const garbage = Uint8Array.from({ length: randomInt(random, 1, 64) }, () => randomInt(random, 0, 255));
      const error = expectZeroDraftError(() => document.applyUpdate(garbage, 'client'), 'invalid-update');
      expect(error.message).toMatch(/not saved/);
      expect(document.updateCount).toBe(1);
      expect(document.file.updateCount()).toBe(1);
    }
    expect(contentOf(document.doc)).toEqual(before);
    document.close();
    const reopened = WorkspaceDocument.open(path);
    expect(contentOf(reopened.doc)).toEqual(before);
    reopened.close();
  });

  it('records the schema in schema_migrations and user_version, in WAL mode', () => {
    const { path, document } = sampleWorkspace(noBackgroundCompaction);
    expect(document.file.schemaVersion).toBe(2);
    document.close();
    const database = openReadOnly(path);
    try {
      expect(database.prepare('SELECT version, name FROM schema_migrations').all()).toEqual([
        { version: 1, name: 'update log and settings' }, { version: 2, name: 'inputs library' },
      ]);
      expect(database.pragma('user_version', { simple: true })).toBe(2);
      expect(database.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(database.pragma('application_id', { simple: true })).toBe(0x5a445246);
    } finally {
      database.close();
    }
  });

  it('round-trips settings, across reopen too', () => {
    const path = join(temporaryFolder(), 'settings.zdraft');
    const file = WorkspaceFile.create(path);
    expect(file.getSetting('chair')).toBeUndefined();
    file.setSetting('chair', 'Mexico');
    file.setSetting('chair', 'Switzerland');
    file.setSetting('language', 'français – 中文');
    expect(file.getSetting('chair')).toBe('Switzerland');
    file.close();
    const reopened = WorkspaceFile.open(path);
    try {
      expect(reopened.getSetting('chair')).toBe('Switzerland');
      expect(reopened.getSetting('language')).toBe('français – 中文');
    } finally {
      reopened.close();
    }
  });

  it('locks a second process out while the workspace is open, and lets it in after close', async () => {
    const { path, document } = sampleWorkspace(noBackgroundCompaction);
    const script = join(repositoryRoot, 'test/fixtures/openWorkspaceChild.ts');
    const whileOpen = await runNode(['--import', 'tsx', script, path]);
    expect(whileOpen.code).toBe(0);
    const locked = JSON.parse(whileOpen.stdout) as { code: string; message: string };
    expect(locked.code).toBe('locked');
    expect(locked.message).toContain('negotiation.zdraft');
    expect(document.file.integrityCheck()).toBe('ok');
    document.close();

    const afterClose = await runNode(['--import', 'tsx', script, path]);
    expect(JSON.parse(afterClose.stdout)).toEqual({ code: 'ok' });
  }, 30_000);
});
