// The inputs commands of the built `zerodraft`, run as a user would, on real workspace files.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleLinks, sampleSources } from '../../shared/domain/sampleInputs';
import type { Coverage } from '../../shared/domain/coverage';
import type { SearchHit } from '../../shared/domain/inputs';
import { useTemporaryFolders, zerodraft, zerodraftSucceeds } from './testFolders';

const temporaryFolder = useTemporaryFolders();
const succeed = zerodraftSucceeds;

async function sampleWorkspace(): Promise<string> {
  const path = join(temporaryFolder(), 'sample.zdraft');
  await succeed('new', path, '--sample');
  return path;
}

describe('zerodraft inputs commands', () => {
  it('reports the coverage of the sample as its own links say', async () => {
    const path = await sampleWorkspace();
    const coverage = JSON.parse(await succeed('coverage', path, '--json')) as Coverage;
    const linkedPassages = new Set(sampleLinks.map((link) => `${link.sourceIndex}/${link.passageIndex}`));
    const linkedParagraphs = new Set(sampleLinks.map((link) => link.paragraphNumber));
    expect(coverage.totalPassages).toBe(sampleSources.reduce((sum, source) => sum + source.passages.length, 0));
    expect(coverage.reflectedPassages).toBe(linkedPassages.size);
    expect(coverage.paragraphs).toHaveLength(31);
    expect(coverage.paragraphsWithoutInputs).toBe(31 - linkedParagraphs.size);
    sampleSources.forEach((source, index) => {
      const reflected = new Set(sampleLinks.filter((link) => link.sourceIndex === index).map((link) => link.passageIndex)).size;
      expect(coverage.sources.find((entry) => entry.title === source.title)).toMatchObject({ passages: source.passages.length, reflected });
    });
  });

  it('imports a file, finds it by search, links a passage to a paragraph and lists the link', async () => {
    const path = await sampleWorkspace();
    const input = join(temporaryFolder(), 'submission.md');
    writeFileSync(input, '# Submission of Ruritania\n\n1. We propose a **skills passport** recognised across the region.\n\n2. Return must be safe and dignified.\n');
    expect(await succeed('import', path, input, '--kind', 'member-state-submission', '--language', 'en')).toMatch(/Imported "Submission of Ruritania" \(3 passages\)/);
    const hits = JSON.parse(await succeed('search', path, 'skills passport', '--json')) as (SearchHit & { snippetText: string })[];
    expect(hits[0]).toMatchObject({ sourceTitle: 'Submission of Ruritania', passageNumber: '1' });
    expect(hits[0]!.snippetText).toContain('[skills passport]');
    expect(await succeed('link', path, '--paragraph', '18', '--passage', hits[0]!.passageId, '--note', 'Basis for (b)')).toContain('Linked paragraph 18');
    const links = await succeed('links', path, '--paragraph', '18');
    expect(links).toContain('draws-on: Submission of Ruritania ¶1 — Basis for (b)');
    const filtered = JSON.parse(await succeed('search', path, 'skills passport', '--json', '--kind', 'thematic-session-summary')) as SearchHit[];
    expect(filtered.every((hit) => hit.sourceKind === 'thematic-session-summary')).toBe(true);
  });

  it('refuses an unknown kind, a duplicate import and a missing paragraph, and changes nothing', async () => {
    const path = await sampleWorkspace();
    const input = join(temporaryFolder(), 'note.txt');
    writeFileSync(input, 'A note on consular protection.\n\nIt matters.');
    const unknownKind = await zerodraft('import', path, input, '--kind', 'rumour');
    expect(unknownKind.code).not.toBe(0);
    expect(unknownKind.stderr).toMatch(/--kind must be one of/);
    await succeed('import', path, input, '--kind', 'other');
    const again = await zerodraft('import', path, input, '--kind', 'other');
    expect(again.code).not.toBe(0);
    expect(again.stderr).toMatch(/already/i);
    const missing = await zerodraft('links', path, '--paragraph', '99');
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/no paragraph 99/);
    const coverage = JSON.parse(await succeed('coverage', path, '--json')) as Coverage;
    expect(coverage.sources.filter((source) => source.title.startsWith('A note on consular protection'))).toHaveLength(1);
  });
});
