import type { OutlineDraft, OutlineObjective, OutlineParagraph, OutlineSection } from '../shared/schema/draftFromOutline';
import { sampleDraft } from '../shared/domain/sampleDraft';
import { seededRandom } from '../shared/seededRandom';

/** The sizes the benchmarks run at. */
export type BenchSize = 'S' | 'L' | 'XL';

/** What each size holds: numbered paragraphs (sub-paragraphs come on top) and characters in all. */
export const benchSizes: Record<Exclude<BenchSize, 'S'>, { blocks: number; characters: number }> = {
  L: { blocks: 1000, characters: 750_000 },
  XL: { blocks: 2667, characters: 2_000_000 },
};

/** Share of paragraphs followed by sub-paragraphs, and how long a sub-paragraph is relative to a paragraph. */
const subparagraphChance = 0.1;
const subparagraphLength = 0.6;
/** Average sub-paragraphs of a paragraph that has some (2 to 4). */
const subparagraphsWhenAny = 3;

const vocabulary = (
  'migrants States cooperation international migration commit ensure promote strengthen regular pathways human rights '
  + 'dignity protection safe orderly sustainable development labour mobility decent work recognition skills qualifications '
  + 'border management return readmission reintegration data evidence policy capacity building partnerships remittances '
  + 'diaspora inclusion social cohesion discrimination xenophobia smuggling trafficking victims assistance identification '
  + 'consular access detention alternatives children families gender responsive national regional global level framework '
  + 'implementation follow-up review stakeholders civil society private sector local authorities United Nations'
).split(' ');

/** One generated UN-style sentence (deterministic for the generator's state). */
export function generatedSentence(random: () => number): string {
  const length = 14 + Math.floor(random() * 16);
  const words: string[] = [];
  for (let index = 0; index < length; index += 1) words.push(vocabulary[Math.floor(random() * vocabulary.length)]!);
  const text = words.join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

function textOfLength(random: () => number, characters: number): string {
  let text = '';
  while (text.length < characters) text += (text === '' ? '' : ' ') + generatedSentence(random);
  return text;
}

/** Sections of the generated text and their share of the numbered blocks (the compact's proportions). */
const sectionShares: readonly { heading: string; share: number; objectives: number }[] = [
  { heading: 'Preamble', share: 0.1, objectives: 0 },
  { heading: 'Our vision and guiding principles', share: 0.1, objectives: 0 },
  { heading: 'Our cooperative framework', share: 0.05, objectives: 0 },
  { heading: 'Objectives for safe, orderly and regular migration', share: 0.6, objectives: 23 },
  { heading: 'Implementation', share: 0.1, objectives: 0 },
  { heading: 'Follow-up and review', share: 0.05, objectives: 0 },
];

/** `count` numbered paragraphs, one in ten followed by two to four sub-paragraphs. */
function paragraphs(random: () => number, count: number, charactersPerBlock: number): OutlineParagraph[] {
  return Array.from({ length: count }, () => {
    const subparagraphCount = random() < subparagraphChance ? 2 + Math.floor(random() * 3) : 0;
    const subparagraphs = Array.from({ length: subparagraphCount }, () => textOfLength(random, charactersPerBlock * subparagraphLength));
    return { kind: 'paragraph' as const, text: textOfLength(random, charactersPerBlock), subparagraphs };
  });
}

function section(random: () => number, heading: string, blocks: number, objectives: number, charactersPerBlock: number): OutlineSection {
  if (objectives === 0) return { heading, blocks: paragraphs(random, blocks, charactersPerBlock) };
  const perObjective = Math.floor(blocks / objectives);
  const items: (OutlineParagraph | OutlineObjective)[] = [{ kind: 'paragraph', text: textOfLength(random, charactersPerBlock) }];
  for (let index = 0; index < objectives; index += 1) {
    const count = index === objectives - 1 ? blocks - 1 - perObjective * (objectives - 1) : perObjective;
    items.push({ kind: 'objective', title: generatedSentence(random).slice(0, 80), paragraphs: paragraphs(random, count, charactersPerBlock) });
  }
  return { heading, blocks: items };
}

/**
 * A negotiation text of the given size, deterministic for a seed: the sample for S, else the
 * compact's structure (six sections, 23 objectives) filled with generated UN-style text.
 */
export function generateNegotiation(size: BenchSize, seed = 71280): OutlineDraft {
  if (size === 'S') return sampleDraft;
  const random = seededRandom(seed);
  const { blocks, characters } = benchSizes[size];
  // Generated text overshoots each target by about half a sentence; sub-paragraphs add their share.
  const charactersPerBlock = Math.round(characters / (blocks * (1 + subparagraphChance * subparagraphsWhenAny * subparagraphLength)) - 115);
  let assigned = 0;
  const sections = sectionShares.map((entry, index) => {
    const count = index === sectionShares.length - 1 ? blocks - assigned : Math.round(blocks * entry.share);
    assigned += count;
    return section(random, entry.heading, count, entry.objectives, charactersPerBlock);
  });
  return { symbol: 'A/CONF.231/BENCH', status: 'Benchmark draft', date: '5 February 2018', title: `Generated negotiation (${size})`, sections };
}
