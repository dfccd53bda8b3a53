import Database from 'better-sqlite3';
import { existsSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as Y from 'yjs';
import { WorkspaceDocument, type CompactionPolicy } from '../electron/services/workspaceDocument';
import { WorkspaceFile } from '../electron/services/workspaceFile';
import { seedNegotiation } from '../electron/services/negotiationSeed';
import { documentLayout, negotiationDocOptions } from '../shared/domain/documentLayout';
import { globalCompactProcess } from '../shared/domain/processTemplate';
import { draftFromOutline } from '../shared/schema/draftFromOutline';
import { median, percentile, rounded, type BenchMeasurement } from './benchResult';
import { seededRandom } from '../shared/seededRandom';
import { generateNegotiation, type BenchSize } from './negotiationGenerator';

/** Options of {@link runPersistBenchmark}. */
export interface PersistBenchmarkOptions {
  /** Size S and small counts (a smoke run) instead of size L and the real counts. */
  quick: boolean;
  /** Where the benchmark's files go; it removes them when done. */
  directory: string;
  /** Receives progress lines. */
  log: (line: string) => void;
}

/** What one run measures: size, updates timed for throughput, updates in the long log, reopen repetitions. */
interface PersistPlan {
  size: BenchSize;
  appendUpdates: number;
  logUpdates: number;
  repetitions: number;
  /** Longest single open of an uncompacted log the run attempts (projected), in ms. */
  openBudgetMs: number;
}

const fullPlan: PersistPlan = { size: 'L', appendUpdates: 5_000, logUpdates: 100_000, repetitions: 5, openBudgetMs: 20_000 };
const quickPlan: PersistPlan = { size: 'S', appendUpdates: 300, logUpdates: 3_000, repetitions: 3, openBudgetMs: 10_000 };

/** Fixed Yjs client ids, so every run writes the same structs. */
const seedClient = 1;
const appendClient = 2;
const logClient = 3;

/** A policy that never compacts on its own (close still compacts after edits). */
const noBackgroundCompaction: CompactionPolicy = { everyUpdates: Number.MAX_SAFE_INTEGER, idleMilliseconds: 60_000 };

const reopenGoal = 'Reopen after 100,000 updates in under 1 s with compaction';

/** The pragmas of a workspace file, for the raw baseline. */
function configureLikeWorkspace(database: Database.Database): void {
  database.pragma('locking_mode = EXCLUSIVE');
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = FULL');
}

/** Removes a database file and its WAL and shared-memory files. */
function removeDatabase(path: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
}

/** Bytes of a database on disk, WAL included. */
function databaseBytes(path: string): number {
  return statSync(path).size + (existsSync(`${path}-wal`) ? statSync(`${path}-wal`).size : 0);
}

/** The full state of a seeded negotiation of `size`, written by a fixed client id. */
function seedState(size: BenchSize): Uint8Array {
  const outline = generateNegotiation(size);
  const doc = new Y.Doc(negotiationDocOptions);
  doc.clientID = seedClient;
  seedNegotiation(doc, draftFromOutline(outline), globalCompactProcess, outline.title);
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}

/** The text of the paragraph in the middle of the draft (in document order). */
function middleParagraphText(doc: Y.Doc): Y.XmlText {
  const paragraphs = [...doc.getXmlFragment(documentLayout.draft).createTreeWalker(
    (type) => type instanceof Y.XmlElement && type.nodeName === 'paragraph',
  )] as Y.XmlElement[];
  const paragraph = paragraphs[Math.floor(paragraphs.length / 2)];
  const text = paragraph?.get(0);
  if (!(text instanceof Y.XmlText)) throw new Error('The middle paragraph of the draft has no text.');
  return text;
}

/** Text to type, words and spaces, deterministic for a seed. */
function typedCharacters(count: number, seed: number): string {
  const random = seededRandom(seed);
  const words = ['migration', 'cooperation', 'States', 'commit', 'rights', 'safe', 'orderly', 'regular', 'pathways', 'data'];
  let text = '';
  while (text.length < count) text += `${words[Math.floor(random() * words.length)]!} `;
  return text.slice(0, count);
}

/**
 * Keystroke-sized updates: a replica of `state` (client `clientId`) types `count` characters,
 * one transaction each, at the end of the middle paragraph. Returned in the order made, with
 * the replica's final state.
 */
function keystrokeUpdates(state: Uint8Array, count: number, clientId: number): { updates: Uint8Array[]; state: Uint8Array } {
  const replica = new Y.Doc(negotiationDocOptions);
  replica.clientID = clientId;
  Y.applyUpdate(replica, state);
  const text = middleParagraphText(replica);
  const updates: Uint8Array[] = [];
  replica.on('update', (update: Uint8Array) => updates.push(update));
  let position = text.length;
  for (const character of typedCharacters(count, clientId)) {
    text.insert(position, character);
    position += 1;
  }
  const finalState = Y.encodeStateAsUpdate(replica);
  replica.destroy();
  return { updates, state: finalState };
}

/** Latency in ms of each call of `step`, timed one by one. */
function timeEach<T>(items: readonly T[], step: (item: T) => void): number[] {
  const latencies: number[] = [];
  for (const item of items) {
    const started = performance.now();
    step(item);
    latencies.push(performance.now() - started);
  }
  return latencies;
}

/** Per-update latencies (ms) of `WorkspaceDocument.applyUpdate` on a fresh workspace seeded with `state`. */
function appLatencies(path: string, state: Uint8Array, updates: readonly Uint8Array[]): number[] {
  removeDatabase(path);
  const workspace = WorkspaceDocument.create(path, (doc) => Y.applyUpdate(doc, state));
  try {
    const latencies = timeEach(updates, (update) => workspace.applyUpdate(update, 'bench-client'));
    if (workspace.updateCount !== updates.length + 1) throw new Error(`The log holds ${workspace.updateCount} updates, expected ${updates.length + 1}.`);
    return latencies;
  } finally {
    workspace.close();
    removeDatabase(path);
  }
}

/** Per-update latencies (ms) of plain inserts of the same bytes, one statement each, workspace pragmas. */
function rawInsertLatencies(path: string, updates: readonly Uint8Array[]): number[] {
  removeDatabase(path);
  const database = new Database(path);
  try {
    configureLikeWorkspace(database);
    database.exec('CREATE TABLE updates (id INTEGER PRIMARY KEY, data BLOB, created_at TEXT)');
    const insert = database.prepare<[Uint8Array, string]>('INSERT INTO updates (data, created_at) VALUES (?, ?)');
    return timeEach(updates, (update) => insert.run(update, new Date().toISOString()));
  } finally {
    database.close();
    removeDatabase(path);
  }
}

/** Updates per second of each consecutive batch of `batchSize` latencies. */
function batchRates(latencies: readonly number[], batchSize: number): number[] {
  const rates: number[] = [];
  for (let start = 0; start + batchSize <= latencies.length; start += batchSize) {
    const total = latencies.slice(start, start + batchSize).reduce((sum, value) => sum + value, 0);
    rates.push((batchSize * 1000) / total);
  }
  return rates;
}

/** Median rate, slow-end rate (5th percentile of batches) and latency figures of one side. */
function throughputFigures(latencies: readonly number[], batchSize: number): { median: number; p95: number; latencyMedian: number; latencyP95: number; overall: number } {
  const rates = batchRates(latencies, batchSize);
  const total = latencies.reduce((sum, value) => sum + value, 0);
  return {
    median: median(rates), p95: percentile(rates, 5),
    latencyMedian: median(latencies), latencyP95: percentile(latencies, 95),
    overall: (latencies.length * 1000) / total,
  };
}

/** Workload 1: keystroke-sized updates per second through the app against raw SQLite inserts. */
function measureAppend(plan: PersistPlan, directory: string, state: Uint8Array, log: (line: string) => void): BenchMeasurement {
  const { updates } = keystrokeUpdates(state, plan.appendUpdates, appendClient);
  const bytes = updates.reduce((sum, update) => sum + update.byteLength, 0);
  log(`persist: ${updates.length} keystroke updates made (${rounded(bytes / updates.length)} bytes each on average)`);
  const raw = throughputFigures(rawInsertLatencies(join(directory, 'persist-raw.sqlite'), updates), batchSizeFor(updates.length));
  log(`persist: raw inserts ${rounded(raw.median)} updates/s (p50 ${rounded(raw.latencyMedian)} ms)`);
  const app = throughputFigures(appLatencies(join(directory, 'persist-append.zdraft'), state, updates), batchSizeFor(updates.length));
  log(`persist: applyUpdate ${rounded(app.median)} updates/s (p50 ${rounded(app.latencyMedian)} ms)`);
  return {
    workload: 'persist', size: plan.size, metric: 'append throughput, keystroke updates through applyUpdate (p95 = slowest 5% of batches)',
    unit: 'updates/s', median: rounded(app.median), p95: rounded(app.p95),
    details: {
      latencyMedianMs: rounded(app.latencyMedian), latencyP95Ms: rounded(app.latencyP95), overallUpdatesPerSecond: rounded(app.overall),
      rawLatencyMedianMs: rounded(raw.latencyMedian), rawLatencyP95Ms: rounded(raw.latencyP95), rawOverallUpdatesPerSecond: rounded(raw.overall),
      averageUpdateBytes: rounded(bytes / updates.length), batchSize: batchSizeFor(updates.length),
      projectedSecondsFor100000: rounded(100_000 / app.overall),
    },
    baseline: 'better-sqlite3 INSERT of the same bytes, one statement each (WAL, synchronous=FULL, exclusive)',
    baselineMedian: rounded(raw.median), baselineP95: rounded(raw.p95),
    ratio: rounded(app.median / raw.median), samples: updates.length,
  };
}

/** Updates per throughput batch: 50 batches, at least 10 updates each. */
function batchSizeFor(count: number): number {
  return Math.max(10, Math.floor(count / 50));
}

/**
 * Builds a workspace whose log holds the seed plus `updates`, in order: the workspace is created
 * and closed by the app, then the rows are added in one transaction over a plain connection.
 */
function buildLongLog(path: string, state: Uint8Array, updates: readonly Uint8Array[]): void {
  removeDatabase(path);
  WorkspaceDocument.create(path, (doc) => Y.applyUpdate(doc, state), noBackgroundCompaction).close();
  const database = new Database(path);
  try {
    const insert = database.prepare<[Uint8Array, string]>('INSERT INTO doc_updates (update_data, created_at) VALUES (?, ?)');
    const createdAt = new Date().toISOString();
    database.transaction(() => {
      for (const update of updates) insert.run(update, createdAt);
    })();
  } finally {
    database.close();
  }
}

/** Times `WorkspaceDocument.open` (log replay included) `repetitions` times; the log must keep `expectedCount` rows. */
function timeReopen(path: string, repetitions: number, expectedCount: number): number[] {
  const times: number[] = [];
  for (let repetition = 0; repetition < repetitions; repetition += 1) {
    const started = performance.now();
    const workspace = WorkspaceDocument.open(path, { compaction: noBackgroundCompaction });
    times.push(performance.now() - started);
    const count = workspace.updateCount;
    workspace.close();
    if (count !== expectedCount) throw new Error(`Reopen ${repetition + 1}: the log holds ${count} updates, expected ${expectedCount}.`);
  }
  return times;
}

/** Times reading every stored update with a plain read-only connection, no Yjs. */
function timeRawRead(path: string, repetitions: number): number[] {
  const times: number[] = [];
  for (let repetition = 0; repetition < repetitions; repetition += 1) {
    const started = performance.now();
    const database = new Database(path, { readonly: true, fileMustExist: true });
    const rows = database.prepare('SELECT update_data FROM doc_updates ORDER BY id').raw().all();
    database.close();
    times.push(performance.now() - started);
    if (rows.length === 0) throw new Error('The raw read found no updates.');
  }
  return times;
}

/** Bytes on disk, bytes of the stored updates, pages and free pages of a closed workspace file. */
function fileFigures(path: string): { bytes: number; logBytes: number; pages: number; freePages: number } {
  const bytes = databaseBytes(path);
  const database = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const logBytes = Number(database.prepare('SELECT coalesce(sum(length(update_data)), 0) FROM doc_updates').pluck().get());
    return { bytes, logBytes, pages: Number(database.pragma('page_count', { simple: true })), freePages: Number(database.pragma('freelist_count', { simple: true })) };
  } finally {
    database.close();
  }
}

/** Compacts the way the app does: open, `compactNow`, close. Returns the ms `compactNow` took. */
function compactWorkspace(path: string): number {
  const workspace = WorkspaceDocument.open(path, { compaction: noBackgroundCompaction });
  try {
    const started = performance.now();
    workspace.compactNow();
    return performance.now() - started;
  } finally {
    workspace.close();
  }
}

/** Compacts through `WorkspaceFile.compact` with the state the app would write, without replaying the log. */
function compactFile(path: string, state: Uint8Array): number {
  const file = WorkspaceFile.open(path);
  try {
    const started = performance.now();
    file.compact(state, file.lastUpdateId());
    return performance.now() - started;
  } finally {
    file.close();
  }
}

/** One step of the reopen ladder: log length, one open through the app, one raw read (ms). */
interface LadderPoint { updates: number; openMs: number; rawMs: number }

/** Log lengths to try: doubling from 1,000, then the full length. */
function ladderLengths(total: number): number[] {
  const lengths: number[] = [];
  for (let length = 1000; length < total; length *= 2) lengths.push(length);
  return [...lengths, total];
}

/** Open time projected for `length` updates by a power law through the last two points (at least linear). */
function projectedOpenMs(points: readonly LadderPoint[], length: number): number {
  const last = points[points.length - 1];
  if (last === undefined) return 0;
  const previous = points[points.length - 2];
  const exponent = previous === undefined ? 1 : Math.max(1, Math.log(last.openMs / previous.openMs) / Math.log(last.updates / previous.updates));
  return last.openMs * (length / last.updates) ** exponent;
}

/**
 * Opens logs of growing length (seed plus the first n updates) once each and stops before a
 * length projected to take over `budgetMs`, since replay may grow faster than linearly.
 * `fullInReach` tells whether the full log can be opened within the budget.
 */
function runLadder(path: string, state: Uint8Array, updates: readonly Uint8Array[], budgetMs: number, log: (line: string) => void): { points: LadderPoint[]; fullInReach: boolean; projectedFullMs: number } {
  const points: LadderPoint[] = [];
  for (const length of ladderLengths(updates.length)) {
    const projected = projectedOpenMs(points, length);
    if (projected > budgetMs || length === updates.length) {
      const fullInReach = projected <= budgetMs;
      if (!fullInReach) log(`persist: not opening the log of ${length} updates: projected ${rounded(projected / 1000)} s, over the ${budgetMs / 1000} s budget`);
      return { points, fullInReach, projectedFullMs: projectedOpenMs(points, updates.length) };
    }
    buildLongLog(path, state, updates.slice(0, length));
    const openMs = timeReopen(path, 1, length + 1)[0]!;
    points.push({ updates: length, openMs, rawMs: timeRawRead(path, 1)[0]! });
    log(`persist: reopen of a log of ${length} updates: ${rounded(openMs)} ms`);
  }
  throw new Error('unreachable: the ladder always ends at the full length');
}

/** A reopen figure: the app's open against the raw read of the same file. */
function reopenMeasurement(plan: PersistPlan, metric: string, app: readonly number[], raw: readonly number[], details: Record<string, number>): BenchMeasurement {
  return {
    workload: 'persist', size: plan.size, metric, unit: 'ms', median: rounded(median(app)), p95: rounded(percentile(app, 95)), details,
    baseline: 'better-sqlite3 read-only SELECT update_data FROM doc_updates ORDER BY id, same file, no Yjs',
    baselineMedian: rounded(median(raw)), baselineP95: rounded(percentile(raw, 95)),
    ratio: rounded(median(app) / median(raw)), samples: app.length,
  };
}

/** The uncompacted reopen: repeated on the full log when in reach, else the longest log the ladder opened. */
function uncompactedReopen(plan: PersistPlan, path: string, ladder: ReturnType<typeof runLadder>): BenchMeasurement {
  const ladderDetails = Object.fromEntries(ladder.points.map((point) => [`openMsAt${point.updates}`, rounded(point.openMs)]));
  const all = { ...ladderDetails, storedUpdates: plan.logUpdates + 1 };
  const label = `reopen after ${plan.logUpdates.toLocaleString('en')} keystroke updates, uncompacted log (replayed)`;
  if (ladder.fullInReach) return reopenMeasurement(plan, label, timeReopen(path, plan.repetitions, plan.logUpdates + 1), timeRawRead(path, plan.repetitions), all);
  const longest = ladder.points[ladder.points.length - 1]!;
  const metric = `${label}: NOT RUN, projected ${rounded(ladder.projectedFullMs / 1000)} s; figure for ${longest.updates.toLocaleString('en')} updates`;
  return reopenMeasurement(plan, metric, [longest.openMs], [longest.rawMs], { ...all, measuredUpdates: longest.updates, projectedFullMs: Math.round(ladder.projectedFullMs) });
}

/** The compacted reopen, held to the goal. */
function compactedReopen(plan: PersistPlan, path: string, details: Record<string, number>): BenchMeasurement {
  const measurement = reopenMeasurement(plan, `reopen after ${plan.logUpdates.toLocaleString('en')} keystroke updates, compacted log`,
    timeReopen(path, plan.repetitions, 1), timeRawRead(path, plan.repetitions), { ...details, storedUpdates: 1 });
  const text = plan.logUpdates === 100_000 ? reopenGoal : `${reopenGoal} (quick run with ${plan.logUpdates} updates)`;
  return { ...measurement, goal: { text, met: measurement.median < 1000 } };
}

/** Workload 2: reopen a workspace whose log holds the seed and many keystroke updates, before and after compaction. */
function measureReopen(plan: PersistPlan, directory: string, state: Uint8Array, log: (line: string) => void): BenchMeasurement[] {
  const path = join(directory, 'persist-reopen.zdraft');
  try {
    const typed = keystrokeUpdates(state, plan.logUpdates, logClient);
    const ladder = runLadder(path, state, typed.updates, plan.openBudgetMs, log);
    buildLongLog(path, state, typed.updates);
    const before = fileFigures(path);
    log(`persist: log of ${plan.logUpdates + 1} updates built (${rounded(before.bytes / 1e6)} MB)`);
    const uncompacted = uncompactedReopen(plan, path, ladder);
    log(`persist: reopen uncompacted ${uncompacted.median} ms (raw read ${uncompacted.baselineMedian} ms)`);
    const compactMs = ladder.fullInReach ? compactWorkspace(path) : compactFile(path, typed.state);
    const after = fileFigures(path);
    const details = {
      updates: plan.logUpdates, fileBytesBefore: before.bytes, fileBytesAfter: after.bytes, logBytesBefore: before.logBytes,
      logBytesAfter: after.logBytes, pagesAfter: after.pages, freePagesAfter: after.freePages, compactMs: rounded(compactMs), compactedByWorkspaceDocument: ladder.fullInReach ? 1 : 0,
    };
    const compacted = compactedReopen(plan, path, details);
    log(`persist: compacted in ${rounded(compactMs)} ms; reopen ${compacted.median} ms (raw read ${compacted.baselineMedian} ms)`);
    return [{ ...uncompacted, details: { ...details, ...uncompacted.details } }, compacted];
  } finally {
    removeDatabase(path);
  }
}

/**
 * Persistence benchmark. Size L (S when `quick`):
 * 1. append throughput: keystroke-sized Yjs updates (made first by a client replica typing in
 *    the middle paragraph) through `WorkspaceDocument.applyUpdate`, each fsynced before it
 *    returns, against plain better-sqlite3 inserts of the same bytes with the same pragmas;
 * 2. reopen of a workspace whose log holds the seed plus 100,000 keystroke updates, replayed
 *    as stored and then after compaction, against a plain read of the same rows. Logs of
 *    growing length are opened first; when the full log's open is projected over the budget
 *    (replay can grow faster than linearly), that figure is given for the longest log opened,
 *    with the projection, and the log is compacted with `WorkspaceFile.compact` and the state
 *    the app would write instead of open + `compactNow`.
 * Deterministic (fixed text seed, fixed Yjs client ids; block ids are random but of fixed
 * length); every file it makes in `options.directory` is removed.
 */
export async function runPersistBenchmark(options: PersistBenchmarkOptions): Promise<BenchMeasurement[]> {
  const plan = options.quick ? quickPlan : fullPlan;
  const started = performance.now();
  options.log(`persist: seeding size ${plan.size}`);
  const state = seedState(plan.size);
  options.log(`persist: seed state ${rounded(state.byteLength / 1e3)} KB`);
  const append = measureAppend(plan, options.directory, state, options.log);
  await new Promise((resolve) => setImmediate(resolve));
  const reopen = measureReopen(plan, options.directory, state, options.log);
  options.log(`persist: done in ${rounded((performance.now() - started) / 1000)} s`);
  return [append, ...reopen];
}
