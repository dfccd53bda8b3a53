// Crash safety of the workspace file: a writer process appends keystroke-sized updates and is
// killed with SIGKILL at a random moment, again and again on the same file. Every update it
// acknowledged must be there when the file is reopened, and SQLite must find the file sound.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, it, expect } from 'vitest';
import type * as Y from 'yjs';
import { seedSample } from '../../electron/services/negotiationSeed';
import { WorkspaceDocument } from '../../electron/services/workspaceDocument';
import { expectedTail, paragraphTexts, randomInt } from '../fixtures/draftReplica';
import { seededRandom } from '../../shared/seededRandom';
import { repositoryRoot, useTemporaryFolders } from './testFolders';

const temporaryFolder = useTemporaryFolders();
const writerScript = join(repositoryRoot, 'test/fixtures/crashWriter.ts');
const kills = 24;

/** What one writer run reported before it was killed. */
interface WriterRun {
  /** Length of the first paragraph when the writer had opened the file. */
  startLength: number;
  /** Paragraph length after each acknowledged update, in order. */
  acknowledged: number[];
  /** How often the log shrank during the run (background compactions). */
  compactions: number;
}

function plainText(text: Y.XmlText): string {
  return text.toDelta().map((part: { insert?: unknown }) => (typeof part.insert === 'string' ? part.insert : '')).join('');
}

/** Parses the writer's output lines into `run`. */
function readLine(line: string, run: WriterRun, lastStored: { value: number }): void {
  const [kind, length, stored] = line.split(' ');
  if (kind === 'ready') run.startLength = Number(length);
  if (kind !== 'ack') return;
  run.acknowledged.push(Number(length));
  if (Number(stored) < lastStored.value) run.compactions += 1;
  lastStored.value = Number(stored);
}

/** Starts the writer, kills it `delay` ms after it has opened the file, and collects its output. */
function runWriterUntilKilled(path: string, baseLength: number, smallPolicy: boolean, delay: number): Promise<WriterRun> {
  const run: WriterRun = { startLength: -1, acknowledged: [], compactions: 0 };
  const lastStored = { value: 0 };
  const child = spawn(process.execPath, ['--import', 'tsx', writerScript, path, String(baseLength), smallPolicy ? 'small' : 'default'], {
    cwd: repositoryRoot, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let pending = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  child.stdout.on('data', (chunk: Buffer) => {
    const lines = (pending + chunk.toString()).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      if (line.startsWith('ready')) setTimeout(() => child.kill('SIGKILL'), delay);
      readLine(line, run, lastStored);
    }
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (signal === 'SIGKILL' && run.startLength >= 0) resolve(run);
      else reject(new Error(`writer ended without being killed (code ${String(code)}, signal ${String(signal)}): ${stderr}`));
    });
  });
}

/** Reopens the file after a kill and returns the first paragraph's text; checks the file is sound. */
function reopenAndRead(path: string): string {
  const document = WorkspaceDocument.open(path);
  try {
    expect(document.file.integrityCheck()).toBe('ok');
    return plainText(paragraphTexts(document.doc)[0]!);
  } finally {
    document.close();
  }
}

describe('crash safety', () => {
  it(`keeps every acknowledged update through ${kills} SIGKILLs of the writer`, async () => {
    const path = join(temporaryFolder(), 'crash.zdraft');
    const created = WorkspaceDocument.create(path, seedSample);
    const base = plainText(paragraphTexts(created.doc)[0]!);
    created.close();

    const random = seededRandom(20180205);
    let acknowledgedLength = base.length;
    let acknowledgedUpdates = 0;
    let compactions = 0;
    for (let kill = 0; kill < kills; kill += 1) {
      const run = await runWriterUntilKilled(path, base.length, kill % 2 === 1, randomInt(random, 20, 300));
      // The writer starts from everything acknowledged so far, and acknowledges in order.
      expect(run.startLength).toBeGreaterThanOrEqual(acknowledgedLength);
      expect(run.acknowledged).toEqual(run.acknowledged.map((_, index) => run.startLength + index + 1));
      acknowledgedLength = Math.max(acknowledgedLength, ...run.acknowledged);
      acknowledgedUpdates += run.acknowledged.length;
      compactions += run.compactions;

      const text = reopenAndRead(path);
      expect(text.length).toBeGreaterThanOrEqual(acknowledgedLength);
      expect(text).toBe(base + expectedTail(text.length - base.length));
    }
    // The runs did write, and some of them compacted the log while being killed.
    expect(acknowledgedUpdates).toBeGreaterThan(kills);
    expect(compactions).toBeGreaterThan(0);
  }, 120_000);
});
