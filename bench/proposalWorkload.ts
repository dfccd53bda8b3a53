import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { Transform } from 'prosemirror-transform';
import { seedNegotiation } from '../electron/services/negotiationSeed';
import { WorkspaceDocument } from '../electron/services/workspaceDocument';
import { delegations } from '../shared/domain/delegations';
import { globalCompactProcess } from '../shared/domain/processTemplate';
import { createProposal } from '../shared/domain/proposals';
import { draftFromOutline } from '../shared/schema/draftFromOutline';
import { negotiationSchema as schema } from '../shared/schema/negotiationSchema';
import { seededRandom } from '../shared/seededRandom';
import { median, percentile, type BenchMeasurement } from './benchResult';
import { launchBenchBrowser, openEditor, startAppHost } from './browserBenchmark';
import { generateNegotiation, type BenchSize } from './negotiationGenerator';
import { measureTyping, placeCursorInMiddle } from './typingBenchmark';

/** Sixty proposing delegations of the registry, in a fixed order. */
const proposers = delegations.filter((delegation) => delegation.kind !== 'observer-state').slice(0, 60).map((delegation) => delegation.code);

interface Planned { id: string; proposer: string; kind: 'add' | 'delete' | 'replace'; paragraphId: string }

/** Marks `count` pending proposals into a document: deletions, insertions and replacements of a few words, over all paragraphs. */
export function withProposals(doc: ProseMirrorNode, count: number, seed = 10_000): { doc: ProseMirrorNode; planned: Planned[] } {
  const random = seededRandom(seed);
  const blocks: { pos: number; size: number; id: string }[] = [];
  doc.descendants((node, pos) => {
    if (node.type === schema.nodes.paragraph || node.type === schema.nodes.subparagraph) blocks.push({ pos, size: node.content.size, id: String(node.attrs.id) });
    return !node.isTextblock;
  });
  const transform = new Transform(doc);
  const planned: Planned[] = [];
  for (let index = 0; index < count; index += 1) {
    const block = blocks[Math.floor(random() * blocks.length)]!;
    const id = `bench-${index + 1}`;
    const roll = random();
    const kind = roll < 0.5 ? 'delete' : roll < 0.8 ? 'add' : 'replace';
    const start = block.pos + 1 + Math.floor(random() * Math.max(1, block.size - 12));
    const end = Math.min(block.pos + 1 + block.size, start + 4 + Math.floor(random() * 8));
    const from = transform.mapping.map(start);
    const to = transform.mapping.map(end);
    if (kind !== 'add') transform.addMark(from, to, schema.marks.deletion!.create({ pid: id }));
    if (kind !== 'delete') transform.insert(kind === 'add' ? from : to, schema.text(' proposed words', [schema.marks.insertion!.create({ pid: id })]));
    planned.push({ id, proposer: proposers[Math.floor(random() * proposers.length)]!, kind, paragraphId: block.id });
  }
  return { doc: transform.doc, planned };
}

/** A workspace of `size` with `count` pending proposals (0: none), in `directory`. */
export function prepareProposalWorkspace(size: BenchSize, count: number, directory: string): string {
  const path = join(directory, `bench-${size}-${count}-proposals.zdraft`);
  const outline = generateNegotiation(size);
  const { doc, planned } = withProposals(draftFromOutline(outline), count);
  const document = WorkspaceDocument.create(path, (ydoc) => {
    seedNegotiation(ydoc, doc, globalCompactProcess, outline.title);
    ydoc.transact(() => {
      for (const proposal of planned) {
        createProposal(ydoc, { kind: proposal.kind, proposers: [proposal.proposer], round: 1, paragraphId: proposal.paragraphId }, null, { id: proposal.id, createdAt: '2018-02-13T10:00:00.000Z' });
      }
    });
  });
  document.close();
  return path;
}

/** Options of {@link runProposalTyping}. */
export interface ProposalTypingOptions {
  projectRoot: string;
  directory: string;
  size: BenchSize;
  proposals: number;
  reps: number;
  keys: number;
  log: (line: string) => void;
}

/**
 * Typing in proposal mode (as the EU) in the middle of a workspace holding `proposals` pending
 * proposals, against the same workspace without proposals, in the same run.
 */
export async function runProposalTyping(options: ProposalTypingOptions): Promise<BenchMeasurement> {
  const paths = { with: prepareProposalWorkspace(options.size, options.proposals, options.directory), without: prepareProposalWorkspace(options.size, 0, options.directory) };
  const samples = { with: [] as number[], without: [] as number[] };
  const longTasks = { with: 0, without: 0 };
  const browser = await launchBenchBrowser();
  try {
    for (let rep = 0; rep < options.reps; rep += 1) {
      for (const variant of ['without', 'with'] as const) {
        options.log(`proposals ${options.size} rep ${rep + 1}/${options.reps}: ${variant} ${options.proposals} proposals`);
        const data = join(options.directory, `proposal-data-${variant}-${rep}`);
        mkdirSync(data, { recursive: true });
        const host = await startAppHost(options.projectRoot, data, paths[variant]);
        try {
          const { page } = await openEditor(browser, host.url, 'app');
          await page.getByRole('textbox', { name: /Propose as/ }).fill('eu');
          await page.keyboard.press('Enter');
          await page.getByTestId('proposal-mode').waitFor();
          await placeCursorInMiddle(page, 'app');
          const run = await measureTyping(page, options.keys);
          samples[variant].push(...run.toFrame);
          longTasks[variant] += run.longTasks;
          await page.context().close();
        } finally {
          host.stop();
        }
      }
    }
  } finally {
    await browser.close();
  }
  const p95 = percentile(samples.with, 95);
  const baseP95 = percentile(samples.without, 95);
  return {
    workload: 'typing-proposals', size: options.size, metric: `keydown to next frame in proposal mode, ${options.proposals.toLocaleString('en')} pending proposals`, unit: 'ms',
    median: median(samples.with), p95, details: { p99: percentile(samples.with, 99), longTasks: longTasks.with, baselineLongTasks: longTasks.without },
    baseline: 'the same workspace without proposals, proposal mode', baselineMedian: median(samples.without), baselineP95: baseP95, ratio: p95 / baseP95,
    goal: options.size === 'L' ? { text: 'p95 within 1.2x the same workspace without proposals', met: p95 <= 1.2 * baseP95 } : undefined,
    samples: samples.with.length,
  };
}
