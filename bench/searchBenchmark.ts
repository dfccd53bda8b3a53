import { join } from 'node:path';
import { seededRandom } from '../shared/seededRandom';
import type { PassageDraft, SourceKind } from '../shared/domain/inputs';
import { InputsLibrary } from '../electron/services/inputsLibrary';
import { WorkspaceFile } from '../electron/services/workspaceFile';
import { median, percentile, rounded, type BenchMeasurement } from './benchResult';
import { generatedSentence } from './negotiationGenerator';

/** Options of {@link runSearchBenchmark}. */
export interface SearchBenchmarkOptions {
  quick: boolean;
  directory: string;
  log: (line: string) => void;
}

const passagesPerSource = 50;
/** Common words of the field: each matches thousands of passages, all of which must be ranked. */
const queries = [
  'regular pathways', 'labour mobility', 'human rights', 'return readmission', 'data evidence policy', 'remittances',
  'smuggling', 'consular access', 'children families', '"decent work"', 'xenophobia discrimination', 'border management',
];

const syllables = ['ka', 'lo', 'mi', 'ra', 'te', 'vu', 'sen', 'dor', 'pli', 'ga', 'tho', 'ne', 'bri', 'sul', 'fe', 'qua'];

/** A made-up word: real libraries have tens of thousands of distinct words, most of them rare. */
function syntheticWord(random: () => number): string {
  const length = 2 + Math.floor(random() * 3);
  let word = '';
  for (let index = 0; index < length; index += 1) word += syllables[Math.floor(random() * syllables.length)];
  return word;
}

/** A passage: UN-style sentences mixed with rarer words, so query terms are as selective as in real summaries. */
function passageText(random: () => number): string {
  const words = `${generatedSentence(random)} ${generatedSentence(random)}`.split(' ');
  return words.map((word) => (random() < 0.6 ? syntheticWord(random) : word)).join(' ');
}

/** A library of `count` generated passages in sources of 50, deterministic. */
function fillLibrary(library: InputsLibrary, count: number): void {
  const random = seededRandom(50_000);
  const kinds: SourceKind[] = ['thematic-session-summary', 'member-state-submission', 'stakeholder-submission', 'regional-consultation'];
  for (let made = 0, source = 0; made < count; source += 1) {
    const passages: PassageDraft[] = [];
    for (let index = 0; index < passagesPerSource && made < count; index += 1, made += 1) {
      passages.push({ number: String(index + 1), text: passageText(random) });
    }
    library.addSource({ kind: kinds[source % kinds.length]!, title: `Generated input ${source + 1}`, eventId: `thematic-${(source % 6) + 1}`, date: '2017-10', language: 'en', author: null, fileName: null }, passages);
  }
}

/** Rare made-up words: selective queries, as most words of a real library are. */
const selectiveQueries = ['kalomi', 'sendor', 'brisul fe', 'thoga', 'quane', 'plira', 'vuten', 'dorka'];

function timeQueries(run: (query: string) => unknown, repetitions: number, list: readonly string[] = queries): number[] {
  const times: number[] = [];
  for (let repetition = 0; repetition < repetitions; repetition += 1) {
    for (const query of list) {
      const started = performance.now();
      run(query);
      times.push(performance.now() - started);
    }
  }
  return times;
}

/** The baseline: search without an index, a LIKE scan over every passage for every word (all matches, as ranking needs them). */
function likeScan(file: WorkspaceFile): (query: string) => unknown {
  return (query) => {
    const words = query.replaceAll('"', '').split(/\s+/).filter(Boolean);
    const where = words.map(() => 'text LIKE ?').join(' AND ');
    return file.connection.prepare(`SELECT id FROM input_passages WHERE ${where}`).all(...words.map((word) => `%${word}%`));
  };
}

/**
 * Search latency over a library of 50,000 passages (quick: 2,000), against a LIKE scan of the
 * same table in the same run; and suggestion latency for a paragraph-sized text.
 */
export async function runSearchBenchmark(options: SearchBenchmarkOptions): Promise<BenchMeasurement[]> {
  const count = options.quick ? 2_000 : 50_000;
  const file = WorkspaceFile.create(join(options.directory, 'search.zdraft'));
  try {
    const library = new InputsLibrary(file.connection);
    const started = performance.now();
    fillLibrary(library, count);
    options.log(`search: ${count} passages indexed in ${rounded((performance.now() - started) / 1000)} s`);
    const repetitions = options.quick ? 2 : 10;
    const search = timeQueries((query) => library.search(query, { limit: 20 }), repetitions);
    const scan = timeQueries(likeScan(file), options.quick ? 1 : 3);
    const selective = timeQueries((query) => library.search(query, { limit: 20 }), repetitions, selectiveQueries);
    const selectiveScan = timeQueries(likeScan(file), options.quick ? 1 : 3, selectiveQueries);
    const random = seededRandom(7);
    const paragraphs = Array.from({ length: options.quick ? 5 : 30 }, () => `${generatedSentence(random)} ${generatedSentence(random)} ${generatedSentence(random)}`);
    const suggest = paragraphs.map((text) => { const begun = performance.now(); library.suggest(text, 8); return performance.now() - begun; });
    options.log(`search: p95 ${rounded(percentile(search, 95))} ms, LIKE scan p95 ${rounded(percentile(scan, 95))} ms, suggest p95 ${rounded(percentile(suggest, 95))} ms`);
    const size = options.quick ? 'S' as const : 'L' as const;
    const ratio = median(search) / median(scan);
    return [{
      workload: 'search', size, metric: `full-text search over ${count.toLocaleString('en')} passages (12 queries)`, unit: 'ms',
      median: median(search), p95: percentile(search, 95), details: { p99: percentile(search, 99), speedup: median(scan) / median(search) },
      baseline: 'LIKE scan of the same passages', baselineMedian: median(scan), baselineP95: percentile(scan, 95), ratio, samples: search.length,
      goal: options.quick ? undefined : { text: 'p95 under 20 ms on 50,000 passages, at least 100x faster than a LIKE scan', met: percentile(search, 95) < 20 && median(scan) / median(search) >= 100 },
    }, {
      workload: 'search', size, metric: `selective search (rare words) over ${count.toLocaleString('en')} passages`, unit: 'ms',
      median: median(selective), p95: percentile(selective, 95), details: { speedup: median(selectiveScan) / median(selective) },
      baseline: 'LIKE scan of the same passages', baselineMedian: median(selectiveScan), baselineP95: percentile(selectiveScan, 95),
      ratio: median(selective) / median(selectiveScan), samples: selective.length,
    }, {
      workload: 'search', size, metric: 'suggestions for one paragraph', unit: 'ms', median: median(suggest), p95: percentile(suggest, 95),
      baseline: 'one full-text search in the same run', baselineMedian: median(search), baselineP95: percentile(search, 95),
      ratio: median(suggest) / median(search), samples: suggest.length,
    }];
  } finally {
    file.close();
  }
}
