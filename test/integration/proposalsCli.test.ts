// The proposal commands of the built `zerodraft` (proposals, text --view), run as a user would,
// on the sample negotiation with its first-round proposals.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleProposalId, sampleProposals } from '../../shared/domain/sampleProposals';
import type { ProposalRow } from '../../electron/cli/proposalsCommands';
import { useTemporaryFolders, zerodraft, zerodraftSucceeds } from './testFolders';

const temporaryFolder = useTemporaryFolders();
const succeed = zerodraftSucceeds;

async function sampleWorkspace(): Promise<string> {
  const path = join(temporaryFolder(), 'sample.zdraft');
  await succeed('new', path, '--sample');
  return path;
}

async function rows(path: string, ...options: string[]): Promise<ProposalRow[]> {
  return JSON.parse(await succeed('proposals', path, '--json', ...options)) as ProposalRow[];
}

/** The numbers of the numbered lines of a plain text, in order. */
function paragraphNumbers(text: string): number[] {
  return text.split('\n').map((line) => /^(\d+)\. /.exec(line)?.[1]).filter((number) => number !== undefined).map(Number);
}

const statusOf = { accept: 'accepted', reject: 'rejected', withdraw: 'withdrawn' } as const;
const expectedStatuses = sampleProposals.map((proposal) => (proposal.decision === undefined ? 'pending' : statusOf[proposal.decision]));

function countOf<T>(values: readonly T[]): Map<T, number> {
  const counts = new Map<T, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

describe('zerodraft proposal commands on the sample', () => {
  it('lists every sample proposal with its paragraph, words, support, opposition and status', async () => {
    const path = await sampleWorkspace();
    const listed = await rows(path);
    expect(listed).toHaveLength(sampleProposals.length);
    expect(listed.length).toBeGreaterThanOrEqual(18);
    expect(countOf(listed.map((row) => row.status))).toEqual(new Map([['pending', 16], ['accepted', 2], ['rejected', 2], ['withdrawn', 1]]));
    expect(countOf(listed.map((row) => row.status))).toEqual(countOf(expectedStatuses));
    sampleProposals.forEach((proposal, index) => {
      const row = listed.find((candidate) => candidate.id === sampleProposalId(index));
      expect(row).toMatchObject({
        kind: proposal.kind, proposers: [...proposal.proposers], supporters: [...proposal.supporters].sort(), opponents: [...proposal.opponents].sort(),
        round: 1, createdAt: proposal.createdAt, status: expectedStatuses[index], paragraphNumber: proposal.paragraphNumber,
        subparagraph: proposal.subparagraph ?? (proposal.kind === 'new-paragraph' ? expect.any(String) : null),
        inserted: proposal.kind === 'replace' ? proposal.replaceWith : proposal.kind === 'delete' ? '' : proposal.text,
        deleted: proposal.kind === 'delete' || proposal.kind === 'replace' ? proposal.find : '',
      });
      expect(row!.createdAt.startsWith('2018-02-')).toBe(true);
      expect(row!.paragraphId).not.toBeNull();
    });
    const accepted = listed.find((row) => row.status === 'accepted')!;
    expect(accepted.decisions).toEqual([expect.objectContaining({ type: 'accept', by: 'Co-facilitators' })]);
    // Listed by paragraph.
    const numbers = listed.map((row) => row.paragraphNumber ?? 0);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));

    const lines = (await succeed('proposals', path)).trimEnd().split('\n');
    expect(lines).toHaveLength(sampleProposals.length);
    expect(lines).toContain('¶29 replace by G77: −"every four years" +"every two years" | supported by AFRICAN-GROUP, CARICOM | opposed by AUS, EU | pending | sample-21');
    expect(lines.find((line) => line.startsWith('¶23 (b) replace by HUN'))).toContain('| pending |');
  });

  it('filters by delegation and by status', async () => {
    const path = await sampleWorkspace();
    const byEu = await rows(path, '--delegation', 'EU');
    expect(byEu.map((row) => row.id)).toEqual(sampleProposals.flatMap((proposal, index) => (proposal.proposers.includes('EU') ? [sampleProposalId(index)] : [])));
    expect(byEu.length).toBeGreaterThan(0);
    expect(byEu.every((row) => row.proposers.includes('EU'))).toBe(true);
    expect((await rows(path, '--delegation', 'g77')).every((row) => row.proposers.includes('G77'))).toBe(true);

    const pending = await rows(path, '--status', 'pending');
    expect(pending).toHaveLength(expectedStatuses.filter((status) => status === 'pending').length);
    expect(pending.every((row) => row.status === 'pending')).toBe(true);
    expect((await rows(path, '--status', 'withdrawn')).map((row) => row.kind)).toEqual(['delete']);
    const both = await rows(path, '--status', 'accepted', '--delegation', 'G77');
    expect(both.map((row) => row.inserted)).toEqual([' and eliminating remittance corridors with costs higher than 5 per cent']);
    expect(await succeed('proposals', path, '--status', 'conflict')).toBe('No proposal matches.\n');
  });

  it('prints the clean text, the text as accepted and the compilation', async () => {
    const path = await sampleWorkspace();
    const current = await succeed('text', path);
    const clean = await succeed('text', path, '--view', 'clean');
    const asAccepted = await succeed('text', path, '--view', 'as-accepted');
    for (const text of [current, clean, asAccepted]) expect(paragraphNumbers(text)).toEqual(Array.from({ length: 31 }, (_, index) => index + 1));

    // The text as it stands holds every proposal's words.
    expect(current).toContain('a wide range of stakeholders, including migrant and diaspora organizations.');
    expect(current).toContain('every four yearsevery two years');

    // Clean: accepted proposals take effect, nothing else does.
    expect(clean).toContain('a wide range of stakeholders, including migrant and diaspora organizations.');
    expect(clean).toContain('to less than 3 per cent and eliminating remittance corridors with costs higher than 5 per cent, in line with target 10.c');
    expect(clean).toContain('8. Human mobility has accompanied the development of every society. We acknowledge');
    expect(clean).toContain('will meet every four years under the auspices');
    expect(clean).toContain('Ensure that migrants, regardless of their status, can access basic services');
    expect(clean).toContain('accessible to all migrant workers, irrespective of their status.');
    expect(clean).not.toContain('sea-level rise');
    expect(clean).not.toContain('every two years under the auspices');
    expect(clean).not.toContain('for the fact of having been the object of smuggling');
    expect(clean).not.toContain('Connect States with the expertise');

    // As accepted: open proposals take effect too; rejected and withdrawn ones do not.
    expect(asAccepted).toContain('will meet every two years under the auspices');
    expect(asAccepted).toContain('(c) Connect States with the expertise of local authorities, migrant organizations and the private sector;');
    expect(asAccepted).toContain('to facilitating the identification and readmission of our own nationals in a timely and effective manner, and to supporting');
    expect(asAccepted).toContain('8. Human mobility has accompanied');
    expect(asAccepted).toContain('accessible to all migrant workers, irrespective of their status.');
    expect(asAccepted).toContain('reporting on migration, with full respect for freedom of expression.');

    const compilation = await succeed('text', path, '--view', 'compilation');
    expect(paragraphNumbers(compilation)).toHaveLength(31);
    expect(compilation).toContain('stakeholders**, including migrant and diaspora organizations** (Norway; supported by EU, Mexico, Philippines; accepted).');
    expect(compilation).toContain('will meet ~~every four years~~**every two years** (G77 and China; supported by African Group, CARICOM; opposed by Australia, EU) under');
    expect(compilation).toContain('**in a timely and effective manner** (EU; supported by Australia, Norway; opposed by African Group)');
    expect(compilation).toContain('~~Human mobility has accompanied the development of every society.~~ (Hungary; opposed by African Group, EU, Mexico, Philippines; rejected)');
    expect(compilation).toContain('migrants~~, regardless of their status,~~ (Australia; supported by Poland; opposed by Brazil, EU, Mexico)**, in accordance with national legislation,** (Hungary;');

    const euOnly = await succeed('text', path, '--view', 'compilation', '--delegation', 'EU');
    expect(euOnly).toContain('(EU; supported by Australia, Norway; opposed by African Group)');
    expect(euOnly).not.toContain('(G77 and China;');
    expect(euOnly).not.toContain('~~every four years~~');
    expect(euOnly).toContain('stakeholders, including migrant and diaspora organizations.');
  });

  it('refuses an unknown status, delegation or view with exit code 2', async () => {
    const path = await sampleWorkspace();
    const cases: [string[], RegExp][] = [
      [['proposals', path, '--status', 'open'], /--status must be one of: pending, accepted, rejected, withdrawn, merged, conflict/],
      [['proposals', path, '--delegation', 'Ruritania'], /Unknown delegation "Ruritania"/],
      [['text', path, '--view', 'final'], /--view must be one of: clean, compilation, as-accepted/],
      [['text', path, '--view', 'compilation', '--delegation', 'XX'], /Unknown delegation "XX"/],
      [['text', path, '--view', 'clean', '--delegation', 'EU'], /--delegation applies only to --view compilation/],
    ];
    for (const [args, message] of cases) {
      const result = await zerodraft(...args);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(message);
    }
  });
});
