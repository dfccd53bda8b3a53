// The revision and export commands of the built `zerodraft`, run as a user would: save named
// revisions, close a round, list them, export the current text and a revision, and refuse bad
// requests without writing anything or changing the workspace.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RevisionInfo } from '../../shared/domain/revisions';
import { sha256, useTemporaryFolders, zerodraft, zerodraftSucceeds } from './testFolders';

const temporaryFolder = useTemporaryFolders();

describe('zerodraft revisions, revise and export', () => {
  it('saves revisions, closes a round, lists them and exports a revision and a comparison', async () => {
    const folder = temporaryFolder();
    const path = join(folder, 'sample.zdraft');
    await zerodraftSucceeds('new', path, '--sample');
    expect(await zerodraftSucceeds('revisions', path)).toMatch(/No revision has been saved yet/);
    expect(await zerodraftSucceeds('revise', path, '--name', 'Zero draft', '--date', '2018-02-05', '--note', 'Issued')).toMatch(/Saved revision Zero draft {2}2018-02-05/);
    expect(await zerodraftSucceeds('revise', path, '--name', 'Rev 1', '--date', '2018-03-05', '--close-round', '1')).toMatch(/closes round 1/);
    const revisions = JSON.parse(await zerodraftSucceeds('revisions', path, '--json')) as RevisionInfo[];
    expect(revisions.map((revision) => [revision.name, revision.date, revision.round])).toEqual([['Zero draft', '2018-02-05', null], ['Rev 1', '2018-03-05', 1]]);
    const before = sha256(path);
    const out = join(folder, 'rev1.xml');
    expect(await zerodraftSucceeds('export', path, '--kind', 'akn', '--format', 'xml', '--revision', 'Rev 1', '--out', out)).toMatch(/Wrote .*rev1\.xml/);
    expect(existsSync(out)).toBe(true);
    const comparison = join(folder, 'comparison.docx');
    await zerodraftSucceeds('export', path, '--kind', 'comparison', '--format', 'docx', '--revision', 'Rev 1', '--against', 'Zero draft', '--out', comparison);
    expect(existsSync(comparison)).toBe(true);
    // Exports only read the workspace.
    expect(sha256(path)).toBe(before);
  });

  it('refuses a duplicate name, an unknown revision, a comparison without --against and an unwritable path, writing nothing', async () => {
    const folder = temporaryFolder();
    const path = join(folder, 'sample.zdraft');
    await zerodraftSucceeds('new', path, '--sample');
    await zerodraftSucceeds('revise', path, '--name', 'Rev 1');
    const before = sha256(path);
    const cases: [string[], RegExp][] = [
      [['revise', path, '--name', 'rev 1'], /already a revision named "rev 1"/],
      [['export', path, '--kind', 'clean', '--format', 'docx', '--revision', 'Rev 7', '--out', join(folder, 'a.docx')], /no revision named "Rev 7".*"Rev 1"/],
      [['export', path, '--kind', 'comparison', '--format', 'docx', '--out', join(folder, 'b.docx')], /needs --against/],
      [['export', path, '--kind', 'clean', '--format', 'csv', '--out', join(folder, 'c.csv')], /clean text can be exported as DOCX or PDF/],
      [['export', path, '--kind', 'clean', '--format', 'docx', '--out', join(folder, 'missing', 'd.docx')], /does not exist/],
    ];
    for (const [args, message] of cases) {
      const result = await zerodraft(...args);
      expect(result.code).not.toBe(0);
      expect(result.stderr).toMatch(message);
    }
    expect(readdirSync(folder).sort()).toEqual(['sample.zdraft']);
    expect(sha256(path)).toBe(before);
  });
});
