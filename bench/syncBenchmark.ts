// Sync benchmark, on loopback, with the sync server in its own process (dist/node/syncServer.js)
// and the Node side of the app (WorkspaceDocument + syncClient) as the clients:
// - two peers converge after 1,000 offline edits each: time, and bytes on the wire (counted by a
//   TCP relay in front of the server) against the Yjs state-vector diffs themselves;
// - propagation latency with 20 clients typing: one is the app's Node side (a workspace file,
//   each received change stored durably), 19 are in-memory replicas standing for the other
//   machines (each with its own disk in reality: 20 workspace files on this one disk would measure
//   the disk, ~4,000 fsyncs/s). The in-memory replicas' latency, same run, is the baseline.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer, connect as connectTcp, type Server } from 'node:net';
import { join } from 'node:path';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { createWorkspace } from '../electron/services/sampleWorkspace';
import { connectWorkspace, type WorkspaceSync } from '../electron/services/syncClient';
import { WorkspaceDocument } from '../electron/services/workspaceDocument';
import { SyncStore } from '../electron/sync/syncStore';
import { negotiationDocOptions } from '../shared/domain/documentLayout';
import { seededRandom } from '../shared/seededRandom';
import { median, percentile, rounded, type BenchMeasurement } from './benchResult';

/** Options of {@link runSyncBenchmark}. */
export interface SyncBenchmarkOptions {
  quick: boolean;
  /** Where the benchmark's files go (removed by the caller). */
  directory: string;
  /** dist/node, where the built sync server is. */
  builtDirectory: string;
  log: (line: string) => void;
}

const room = 'bench';
const offlineEdits = 1000;
const typists = 20;

/** The sync server as a child process; resolves with its URL once it listens. */
async function startServerProcess(builtDirectory: string, dataDirectory: string): Promise<{ url: string; port: number; child: ChildProcess }> {
  const child = spawn(process.execPath, [join(builtDirectory, 'syncServer.js'), '--host', '127.0.0.1', '--port', '0', '--data', dataDirectory], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /"event":"listen".*?"port":(\d+)/u.exec(output);
      if (match !== null) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`the sync server exited (${code}) before listening`)));
  });
  return { url: `ws://127.0.0.1:${port}`, port, child };
}

/** A TCP relay to `port` that counts the bytes in both directions. */
async function countingRelay(port: number): Promise<{ url: string; bytes: () => number; reset: () => void; server: Server }> {
  let bytes = 0;
  const server = createServer((client) => {
    const upstream = connectTcp(port, '127.0.0.1');
    client.on('data', (chunk: Buffer) => { bytes += chunk.byteLength; upstream.write(chunk); });
    upstream.on('data', (chunk: Buffer) => { bytes += chunk.byteLength; client.write(chunk); });
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const relayPort = (server.address() as { port: number }).port;
  return { url: `ws://127.0.0.1:${relayPort}`, bytes: () => bytes, reset: () => { bytes = 0; }, server };
}

/** Creates `name` (the typing room) and `name-0`, `name-1`, ... (one per convergence run); tokens for each. */
function issueTokens(dataDirectory: string, runs: number): { typing: string[]; runs: string[][] } {
  const store = SyncStore.open(dataDirectory);
  const tokensFor = (name: string, count: number): string[] => {
    store.createRoom(name);
    return Array.from({ length: count }, (_, index) => store.issueToken(name, `Bench ${index}`, 'read-write', null).token);
  };
  try {
    return { typing: tokensFor(room, typists), runs: Array.from({ length: runs }, (_, run) => tokensFor(`${room}-${run}`, 2)) };
  } finally {
    store.close();
  }
}

function sameState(a: Y.Doc, b: Y.Doc): boolean {
  return Buffer.from(Y.encodeStateVector(a)).equals(Buffer.from(Y.encodeStateVector(b)));
}

async function until(condition: () => boolean, timeout: number, what: string): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** The text nodes of a negotiation's paragraphs. */
function paragraphTexts(doc: Y.Doc): Y.XmlText[] {
  const found: Y.XmlText[] = [];
  const visit = (node: Y.XmlFragment | Y.XmlElement): void => {
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText && node instanceof Y.XmlElement && node.nodeName === 'paragraph') found.push(child);
      else if (child instanceof Y.XmlElement) visit(child);
    }
  };
  visit(doc.getXmlFragment('draft'));
  return found;
}

/** `count` keystroke-sized edits (mostly typing, some deletions) at random places. */
function typeOffline(doc: Y.Doc, seed: number, count: number): void {
  const random = seededRandom(seed);
  const texts = paragraphTexts(doc);
  for (let edit = 0; edit < count; edit += 1) {
    const text = texts[Math.floor(random() * texts.length)]!;
    const index = Math.floor(random() * (text.length + 1));
    if (random() < 0.85 || text.length < 5) text.insert(index, 'abcdefghij'[edit % 10]!);
    else text.delete(Math.min(index, text.length - 1), 1);
  }
}

interface ConvergenceRun { milliseconds: number; wireBytes: number; diffBytes: number; yjsMilliseconds: number }

/** One run: two workspaces (A the sample, B joined), 1,000 offline edits each, reconnect, converge. */
async function convergeOnce(directory: string, url: string, relay: Awaited<ReturnType<typeof countingRelay>>, tokens: string[], run: number): Promise<ConvergenceRun> {
  const first = createWorkspace(join(directory, `a${run}.zdraft`), true);
  const second = WorkspaceDocument.create(join(directory, `b${run}.zdraft`), () => undefined);
  // A room per run, so that every run starts from the same state.
  const options = (token: string) => ({ url, room: `${room}-${run}`, token, reconnectDelayMilliseconds: 100 });
  let syncs: WorkspaceSync[] = [connectWorkspace(first, options(tokens[0]!))];
  await syncs[0]!.whenSynced();
  syncs.push(connectWorkspace(second, options(tokens[1]!)));
  await syncs[1]!.whenSynced();
  await until(() => sameState(first.doc, second.doc), 10_000, 'join');
  for (const sync of syncs) sync.disconnect();
  typeOffline(first.doc, 100 + run, offlineEdits);
  typeOffline(second.doc, 200 + run, offlineEdits);
  const diffs = [Y.encodeStateAsUpdate(first.doc, Y.encodeStateVector(second.doc)), Y.encodeStateAsUpdate(second.doc, Y.encodeStateVector(first.doc))];
  const yjsMilliseconds = yjsAloneMilliseconds(first.doc, second.doc);
  relay.reset();
  const started = performance.now();
  syncs = [connectWorkspace(first, { ...options(tokens[0]!), url: relay.url }), connectWorkspace(second, { ...options(tokens[1]!), url: relay.url })];
  await until(() => sameState(first.doc, second.doc), 20_000, 'convergence');
  const milliseconds = performance.now() - started;
  await Promise.all(syncs.map((sync) => sync.whenSynced()));
  // Settle: the acknowledgements and awareness of the last moments are on the wire too.
  await new Promise((resolve) => setTimeout(resolve, 200));
  const wireBytes = relay.bytes();
  for (const sync of syncs) sync.disconnect();
  first.close();
  second.close();
  return { milliseconds, wireBytes, diffBytes: diffs[0]!.byteLength + diffs[1]!.byteLength, yjsMilliseconds };
}

/** Yjs alone: exchange state vectors and diffs between copies of the two docs, in memory. */
function yjsAloneMilliseconds(a: Y.Doc, b: Y.Doc): number {
  const copyA = new Y.Doc(negotiationDocOptions);
  const copyB = new Y.Doc(negotiationDocOptions);
  Y.applyUpdate(copyA, Y.encodeStateAsUpdate(a));
  Y.applyUpdate(copyB, Y.encodeStateAsUpdate(b));
  const started = performance.now();
  const toB = Y.encodeStateAsUpdate(copyA, Y.encodeStateVector(copyB));
  const toA = Y.encodeStateAsUpdate(copyB, Y.encodeStateVector(copyA));
  Y.applyUpdate(copyB, toB);
  Y.applyUpdate(copyA, toA);
  const milliseconds = performance.now() - started;
  copyA.destroy();
  copyB.destroy();
  return milliseconds;
}

/** A typing client: its doc, whether it is the app's Node side, and how it stops. */
interface Typist { doc: Y.Doc; app: boolean; stop: () => void }

function workspaceTypist(directory: string, index: number, url: string, token: string, seed: Uint8Array): Typist {
  const document = WorkspaceDocument.create(join(directory, `typist${index}.zdraft`), (doc) => Y.applyUpdate(doc, seed));
  const sync = connectWorkspace(document, { url, room, token, reconnectDelayMilliseconds: 100 });
  return { doc: document.doc, app: true, stop: () => { sync.disconnect(); document.close(); } };
}

function memoryTypist(url: string, token: string, seed: Uint8Array): Typist {
  const doc = new Y.Doc(negotiationDocOptions);
  Y.applyUpdate(doc, seed);
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket });
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: room, document: doc, token });
  provider.attach();
  return { doc, app: false, stop: () => { provider.destroy(); socket.destroy(); } };
}

/**
 * 20 clients type into their own paragraph, each a keystroke every 100 ms (staggered); for each
 * keystroke, the time until each other client has it. Keystroke clocks are read from the docs'
 * state (one keystroke is one Yjs clock tick), so measuring adds no content.
 */
async function typingLatencies(typists: Typist[], seconds: number): Promise<{ app: number[]; memory: number[] }> {
  const sent = typists.map(() => new Map<number, number>());
  const latencies = { app: [] as number[], memory: [] as number[] };
  const seen = typists.map(() => typists.map((typist) => Y.getState(typist.doc.store, typist.doc.clientID)));
  const handlers = typists.map((receiver, receiverIndex) => {
    const handler = (): void => {
      const now = performance.now();
      typists.forEach((writer, writerIndex) => {
        if (writerIndex === receiverIndex) return;
        const clock = Y.getState(receiver.doc.store, writer.doc.clientID);
        for (let tick = seen[receiverIndex]![writerIndex]!; tick < clock; tick += 1) {
          const time = sent[writerIndex]!.get(tick);
          if (time !== undefined) (receiver.app ? latencies.app : latencies.memory).push(now - time);
        }
        seen[receiverIndex]![writerIndex] = Math.max(seen[receiverIndex]![writerIndex]!, clock);
      });
    };
    receiver.doc.on('update', handler);
    return handler;
  });
  const timers = typists.map((typist, index) => {
    const text = paragraphTexts(typist.doc)[index % paragraphTexts(typist.doc).length]!;
    const type = (): void => {
      const clock = Y.getState(typist.doc.store, typist.doc.clientID);
      sent[index]!.set(clock, performance.now());
      text.insert(text.length, 'x');
    };
    let interval: NodeJS.Timeout | undefined;
    const start = setTimeout(() => { interval = setInterval(type, 100); }, index * 5);
    return () => { clearTimeout(start); clearInterval(interval); };
  });
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  for (const stop of timers) stop();
  await new Promise((resolve) => setTimeout(resolve, 500));
  typists.forEach((typist, index) => typist.doc.off('update', handlers[index]!));
  return latencies;
}

/** Starts the typists with `make`, waits until all have the negotiation, measures, stops them. */
async function measureTyping(make: (index: number) => Typist, seconds: number): Promise<{ app: number[]; memory: number[] }> {
  const clients = Array.from({ length: typists }, (_, index) => make(index));
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const latencies = await typingLatencies(clients, seconds);
  for (const client of clients) client.stop();
  return latencies;
}

/** Runs the sync workloads; returns their figures. */
export async function runSyncBenchmark(options: SyncBenchmarkOptions): Promise<BenchMeasurement[]> {
  const dataDirectory = join(options.directory, 'server');
  mkdirSync(dataDirectory, { recursive: true });
  const runCount = options.quick ? 1 : 5;
  const tokens = issueTokens(dataDirectory, runCount);
  const server = await startServerProcess(options.builtDirectory, dataDirectory);
  const relay = await countingRelay(server.port);
  try {
    const runs: ConvergenceRun[] = [];
    for (let run = 0; run < runCount; run += 1) {
      runs.push(await convergeOnce(options.directory, server.url, relay, tokens.runs[run]!, run));
      options.log(`sync: converged after ${offlineEdits} offline edits each in ${rounded(runs.at(-1)!.milliseconds)} ms, ${runs.at(-1)!.wireBytes} bytes on the wire`);
    }
    const seed = Y.encodeStateAsUpdate(createWorkspaceSeed(options.directory));
    const seconds = options.quick ? 3 : 10;
    const { app, memory } = await measureTyping((index) => (index === 0
      ? workspaceTypist(options.directory, index, server.url, tokens.typing[index]!, seed)
      : memoryTypist(server.url, tokens.typing[index]!, seed)), seconds);
    options.log(`sync: typing, to the workspace client: ${app.length} deliveries, p95 ${rounded(percentile(app, 95))} ms; to in-memory clients: ${memory.length}, p95 ${rounded(percentile(memory, 95))} ms`);
    return figures(runs, app, memory);
  } finally {
    relay.server.close();
    server.child.kill('SIGTERM');
  }
}

/** The sample negotiation, as the typists' shared starting point. */
function createWorkspaceSeed(directory: string): Y.Doc {
  const document = createWorkspace(join(directory, 'typing-seed.zdraft'), true);
  const doc = new Y.Doc(negotiationDocOptions);
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(document.doc));
  document.close();
  return doc;
}

function figures(runs: ConvergenceRun[], app: number[], memory: number[]): BenchMeasurement[] {
  const times = runs.map((run) => run.milliseconds);
  const yjsTimes = runs.map((run) => run.yjsMilliseconds);
  const wire = runs.map((run) => run.wireBytes);
  // Through a server, each peer's diff travels twice: up from its author, down to the other peer.
  const relayed = runs.map((run) => 2 * run.diffBytes);
  return [
    {
      workload: 'sync', size: 'S', metric: `converge two peers after ${offlineEdits.toLocaleString('en')} offline edits each (reconnect to identical state)`, unit: 'ms',
      median: rounded(median(times)), p95: rounded(percentile(times, 95)),
      baseline: 'Yjs alone: exchange state-vector diffs in memory', baselineMedian: rounded(median(yjsTimes)), baselineP95: rounded(percentile(yjsTimes, 95)),
      ratio: rounded(median(times) / median(yjsTimes)), goal: { text: 'under 1 s on loopback', met: percentile(times, 95) < 1000 }, samples: runs.length,
    },
    {
      workload: 'sync', size: 'S', metric: `bytes on the wire to converge after ${offlineEdits.toLocaleString('en')} offline edits each (both peers, handshakes included)`, unit: 'bytes',
      median: median(wire), p95: percentile(wire, 95),
      baseline: 'Yjs state-vector diffs, each relayed once up and once down (2 x (A->B + B->A))', baselineMedian: median(relayed), baselineP95: percentile(relayed, 95),
      ratio: rounded(median(wire) / median(relayed)), goal: { text: 'within 1.2x of the Yjs diffs', met: median(wire) <= 1.2 * median(relayed) }, samples: runs.length,
      details: { diffBytesOneWay: median(runs.map((run) => run.diffBytes)) },
    },
    {
      workload: 'sync', size: 'S', metric: `propagation latency, ${typists} clients typing 10 keys/s each (keystroke to the app's workspace client, stored)`, unit: 'ms',
      median: rounded(median(app)), p95: rounded(percentile(app, 95)),
      baseline: 'same run, keystroke to the 19 in-memory Y.Doc clients (no workspace file)', baselineMedian: rounded(median(memory)), baselineP95: rounded(percentile(memory, 95)),
      ratio: rounded(median(app) / median(memory)), goal: { text: 'p95 under 100 ms on loopback', met: percentile(app, 95) < 100 }, samples: app.length,
      details: { p99: rounded(percentile(app, 99)), baselineP99: rounded(percentile(memory, 99)) },
    },
  ];
}
