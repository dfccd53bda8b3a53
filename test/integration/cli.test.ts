// The built `zerodraft` command, run as a user would: node bin/zerodraft.js <command> ...
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it, expect } from 'vitest';
import { sha256, useTemporaryFolders, zerodraft, zerodraftSucceeds } from './testFolders';

const temporaryFolder = useTemporaryFolders();
const succeed = zerodraftSucceeds;

interface Info { file: string; schemaVersion: number; sections: number; paragraphs: number; subparagraphs: number; storedUpdates: number }

async function info(path: string): Promise<Info> {
  return JSON.parse(await succeed('info', path, '--json')) as Info;
}

/** Checks that sub-paragraph lines follow a paragraph, lettered (a), (b), ... in order. */
function expectSubparagraphsFollowParagraphs(lines: readonly string[]): number {
  let count = 0;
  lines.forEach((line, index) => {
    const letter = /^\(([a-z])\) \S/.exec(line)?.[1];
    if (letter === undefined) return;
    count += 1;
    const previous = lines[index - 1] ?? '';
    if (letter === 'a') expect(previous).toMatch(/^\d+\. \S/);
    else expect(previous.startsWith(`(${String.fromCharCode(letter.charCodeAt(0) - 1)}) `)).toBe(true);
  });
  return count;
}

describe('zerodraft command line', () => {
  it('creates the sample negotiation and prints its numbered text', async () => {
    const path = join(temporaryFolder(), 'x.zdraft');
    expect(await succeed('new', path, '--sample')).toContain('31 paragraphs');
    const lines = (await succeed('text', path)).split('\n');
    const numbers = lines.map((line) => /^(\d+)\. \S/.exec(line)?.[1]).filter((number) => number !== undefined).map(Number);
    expect(numbers).toEqual(numbers.map((_, index) => index + 1));
    const statistics = await info(path);
    expect(numbers.at(-1)).toBe(statistics.paragraphs);
    expect(statistics.paragraphs).toBe(31);
    expect(expectSubparagraphsFollowParagraphs(lines)).toBe(statistics.subparagraphs);
    expect(lines).toContain('Objective 1: Strengthen migration data and evidence as a foundation for policy');
  });

  it('reports the sample with info --json', async () => {
    const path = join(temporaryFolder(), 'x.zdraft');
    await succeed('new', path, '--sample');
    const statistics = await info(path);
    expect(statistics).toMatchObject({ file: path, schemaVersion: 2, sections: 6, storedUpdates: 1 });
  });

  it('creates an empty negotiation with one paragraph, adding the extension', async () => {
    const folder = temporaryFolder();
    await succeed('new', join(folder, 'empty'));
    const path = join(folder, 'empty.zdraft');
    expect(existsSync(path)).toBe(true);
    expect((await info(path)).paragraphs).toBe(1);
    expect((await succeed('text', path)).split('\n')).toContain('1. ');
  });

  it('refuses a foreign file with a message naming it, and leaves it unchanged', async () => {
    const path = join(temporaryFolder(), 'minutes.txt');
    writeFileSync(path, 'Minutes of the informal consultations\n');
    const before = sha256(path);
    const result = await zerodraft('text', path);
    expect(result.code).not.toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('minutes.txt');
    expect(sha256(path)).toBe(before);
  });

  it('refuses to create over an existing workspace', async () => {
    const path = join(temporaryFolder(), 'x.zdraft');
    await succeed('new', path, '--sample');
    const before = sha256(path);
    const result = await zerodraft('new', path);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('x.zdraft');
    expect(sha256(path)).toBe(before);
  });

  it('exits with 2 on an unknown command or a missing argument', async () => {
    const unknown = await zerodraft('publish', join(temporaryFolder(), 'x.zdraft'));
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown command "publish"');
    expect((await zerodraft('text')).code).toBe(2);
    expect((await zerodraft()).code).toBe(2);
  });
});
