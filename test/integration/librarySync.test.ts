// The inputs library as shared state: two workspace files (real SQLite) exchange Yjs updates as a
// sync server would, and their libraries (search, coverage, removal, reopening) agree; a library
// made before it synced moves into the Y.Doc at open; a faulty peer's entries change nothing.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { workspaceCoverage } from '../../electron/services/inputsService';
import { InputsLibrary } from '../../electron/services/inputsLibrary';
import { followLibrary, libraryInDocumentSetting, type FollowedLibrary, type LibraryChange } from '../../electron/services/libraryFollower';
import { libraryOrigin } from '../../electron/services/libraryIndex';
import { negotiationText } from '../../electron/services/negotiationReader';
import { seedEmpty } from '../../electron/services/negotiationSeed';
import { ServiceCore } from '../../electron/services/serviceCore';
import { WorkspaceDocument } from '../../electron/services/workspaceDocument';
import { channelName, type CallResult, type OpenedWorkspace } from '../../shared/api/contract';
import type { PassageDraft, SourceDraft } from '../../shared/domain/inputs';
import { addLink, allLinks } from '../../shared/domain/links';
import { allSharedSources, libraryMap, newSharedSource, writeSharedSource } from '../../shared/domain/librarySharedState';
import { computeNumbering } from '../../shared/schema/numbering';
import { expectZeroDraftError, useTemporaryFolders } from './testFolders';

const temporaryFolder = useTemporaryFolders();
const openDocuments: WorkspaceDocument[] = [];
afterEach(() => {
  for (const document of openDocuments.splice(0)) document.close();
});

interface Replica { path: string; document: WorkspaceDocument; followed: FollowedLibrary; library: InputsLibrary; changes: LibraryChange[] }

function follow(path: string, document: WorkspaceDocument): Replica {
  openDocuments.push(document);
  const followed = followLibrary(document);
  const changes: LibraryChange[] = [];
  followed.onDidChange((change) => changes.push(change));
  return { path, document, followed, library: followed.library, changes };
}

/** A new negotiation in its own file. */
function createReplica(folder: string, name: string): Replica {
  const path = join(folder, `${name}.zdraft`);
  return follow(path, WorkspaceDocument.create(path, (doc) => seedEmpty(doc, 'Compact')));
}

/** A workspace joined from another's state (a new machine, empty, receiving the whole negotiation). */
function joinReplica(folder: string, name: string, from: Replica): Replica {
  const path = join(folder, `${name}.zdraft`);
  const document = WorkspaceDocument.create(path, () => undefined);
  const replica = follow(path, document);
  document.applyUpdate(Y.encodeStateAsUpdate(from.document.doc), 'sync');
  return replica;
}

function reopen(replica: Replica): Replica {
  replica.document.close();
  openDocuments.splice(openDocuments.indexOf(replica.document), 1);
  return follow(replica.path, WorkspaceDocument.open(replica.path));
}

/** Sends each replica what the other lacks, as a sync server would. */
function exchange(first: Replica, second: Replica): void {
  const toSecond = Y.encodeStateAsUpdate(first.document.doc, Y.encodeStateVector(second.document.doc));
  const toFirst = Y.encodeStateAsUpdate(second.document.doc, Y.encodeStateVector(first.document.doc));
  second.document.applyUpdate(toSecond, 'sync');
  first.document.applyUpdate(toFirst, 'sync');
}

function draft(title: string): SourceDraft {
  return { kind: 'thematic-session-summary', title, eventId: 'thematic-1', date: '2017-05-09', language: 'en', author: null, fileName: null };
}

function passages(...texts: string[]): PassageDraft[] {
  return texts.map((text, index) => ({ number: String(index + 1), text }));
}

/** Everything a user sees of a library: sources with their passages, in order. */
function snapshot(library: InputsLibrary): unknown {
  return library.sources().map((source) => ({ ...source, passages: library.passages(source.id) }));
}

function foundPassageIds(library: InputsLibrary, query: string): string[] {
  return library.search(query).map((hit) => hit.passageId).sort();
}

function firstParagraphId(document: WorkspaceDocument): string {
  return computeNumbering(negotiationText(document.doc)).blocks.find((block) => block.kind === 'paragraph')!.id;
}

describe('the inputs library syncs', () => {
  it('exchanges sources both ways: search, coverage, removal and reopening agree', () => {
    const folder = temporaryFolder();
    let first = createReplica(folder, 'first');
    let second = joinReplica(folder, 'second', first);
    const labour = first.library.addSource(draft('Labour mobility'), passages('Fair recruitment of migrant workers.', 'Portability of social security.'));
    const returns = second.library.addSource(draft('Return'), passages('Safe and dignified return and readmission.'));
    exchange(first, second);

    for (const replica of [first, second]) {
      expect(replica.library.search('recruitment').map((hit) => hit.sourceId)).toEqual([labour.id]);
      expect(replica.library.search('readmission').map((hit) => hit.sourceId)).toEqual([returns.id]);
    }
    expect(snapshot(second.library)).toEqual(snapshot(first.library));
    expect(second.changes.find((change) => change.addedSourceIds.includes(labour.id))?.origin).not.toBe(libraryOrigin);

    const passage = first.library.passages(returns.id)[0]!;
    addLink(first.document.doc, firstParagraphId(first.document), passage.id);
    exchange(first, second);
    expect(workspaceCoverage(second.document, second.library)).toEqual(workspaceCoverage(first.document, first.library));
    expect(workspaceCoverage(first.document, first.library).reflectedPassages).toBe(1);

    second.library.removeSource(labour.id);
    exchange(first, second);
    expect(first.library.source(labour.id)).toBeNull();
    expect(foundPassageIds(first.library, 'recruitment')).toEqual([]);
    expect(first.changes.some((change) => change.removedSourceIds.includes(labour.id))).toBe(true);

    const before = snapshot(first.library);
    first = reopen(first);
    second = reopen(second);
    expect(snapshot(first.library)).toEqual(before);
    expect(snapshot(second.library)).toEqual(before);
    expect(foundPassageIds(second.library, 'readmission')).toEqual(foundPassageIds(first.library, 'readmission'));
  });

  it('refuses a duplicate on one replica; two replicas importing the same text while apart both keep theirs', () => {
    const folder = temporaryFolder();
    const first = createReplica(folder, 'first');
    const second = joinReplica(folder, 'second', first);
    const text = passages('Regular pathways for migration.');
    const mine = first.library.addSource(draft('Pathways'), text);
    expectZeroDraftError(() => first.library.addSource(draft('Pathways again'), text), 'already-exists');
    const theirs = second.library.addSource(draft('Pathways (B)'), text);
    exchange(first, second);

    expect(first.library.sources().map((source) => source.id).sort()).toEqual([mine.id, theirs.id].sort());
    expect(snapshot(second.library)).toEqual(snapshot(first.library));
    expectZeroDraftError(() => second.library.addSource(draft('Pathways, third'), text), 'already-exists');
  });

  it('keeps a link to a source removed on another replica, and the link points at nothing', () => {
    const folder = temporaryFolder();
    const first = createReplica(folder, 'first');
    const second = joinReplica(folder, 'second', first);
    const source = first.library.addSource(draft('Data'), passages('Disaggregated data on migration.'));
    exchange(first, second);
    const passageId = second.library.passages(source.id)[0]!.id;
    addLink(second.document.doc, firstParagraphId(second.document), passageId);
    first.library.removeSource(source.id);
    exchange(first, second);

    for (const replica of [first, second]) {
      expect(allLinks(replica.document.doc).map((link) => link.passageId)).toEqual([passageId]);
      expect(replica.library.passagesByIds([passageId])).toEqual([]);
      expect(workspaceCoverage(replica.document, replica.library).totalPassages).toBe(0);
    }
  });
});

describe('the library in the Y.Doc at open', () => {
  it('moves a library made before it synced into the Y.Doc once, ids kept, so links still hold', () => {
    const path = join(temporaryFolder(), 'legacy.zdraft');
    const legacy = WorkspaceDocument.create(path, (doc) => seedEmpty(doc, 'Compact'));
    const oldLibrary = new InputsLibrary(legacy.file.connection);
    const source = oldLibrary.addSource(draft('Old source'), passages('Human rights of all migrants.', 'Xenophobia and racism.'));
    const passageIds = oldLibrary.passages(source.id).map((passage) => passage.id);
    addLink(legacy.doc, firstParagraphId(legacy), passageIds[1]!);
    expect(libraryMap(legacy.doc).size).toBe(0);
    legacy.close();

    const opened = follow(path, WorkspaceDocument.open(path));
    expect(opened.document.file.getSetting(libraryInDocumentSetting)).toBe('1');
    const shared = allSharedSources(opened.document.doc);
    expect(shared.map((entry) => entry.id)).toEqual([source.id]);
    expect(shared[0]!.passages.map((passage) => passage.id)).toEqual(passageIds);
    expect(opened.library.passagesByIds(allLinks(opened.document.doc).map((link) => link.passageId))[0]?.text).toBe('Xenophobia and racism.');

    const joined = joinReplica(temporaryFolder(), 'joined', opened);
    expect(snapshot(joined.library)).toEqual(snapshot(opened.library));
    expect(workspaceCoverage(joined.document, joined.library)).toEqual(workspaceCoverage(opened.document, opened.library));

    const reopened = reopen(opened);
    expect(libraryMap(reopened.document.doc).size).toBe(1);
    expect(snapshot(reopened.library)).toEqual(snapshot(joined.library));
  });

  it('catches the index up with the Y.Doc when it fell behind (sources added and removed while not followed)', () => {
    const folder = temporaryFolder();
    const replica = createReplica(folder, 'behind');
    const kept = replica.library.addSource(draft('Kept'), passages('Climate change and disasters.'));
    const gone = replica.library.addSource(draft('Gone'), passages('Smuggling of migrants.'));
    replica.followed.stop();
    const arrived = newSharedSource(draft('Arrived'), passages('Remittances and financial inclusion.'), '2026-01-01T00:00:00.000Z');
    replica.document.doc.transact(() => {
      writeSharedSource(replica.document.doc, arrived);
      libraryMap(replica.document.doc).delete(gone.id);
    }, 'sync');
    expect(replica.library.source(gone.id)).not.toBeNull();

    const reopened = reopen(replica);
    expect(reopened.library.sources().map((source) => source.title).sort()).toEqual(['Arrived', 'Kept']);
    expect(reopened.library.search('remittances').map((hit) => hit.sourceId)).toEqual([arrived.id]);
    expect(reopened.library.source(kept.id)?.passageCount).toBe(1);
  });
});

describe('a faulty peer', () => {
  it('writes malformed library entries: they are ignored, nothing crashes, nothing is lost', () => {
    const folder = temporaryFolder();
    const replica = createReplica(folder, 'first');
    const good = replica.library.addSource(draft('Good'), passages('Integration and social cohesion.'));
    const goodPassageId = replica.library.passages(good.id)[0]!.id;
    const before = snapshot(replica.library);

    const peer = new Y.Doc({ gc: false });
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(replica.document.doc));
    const stateBefore = Y.encodeStateVector(peer);
    const entry = (fields: Record<string, unknown>): Y.Map<unknown> => {
      const map = new Y.Map<unknown>();
      const valid = { kind: 'other', title: 'T', language: 'en', importedAt: '', eventId: null, date: null, author: null, fileName: null };
      for (const [key, value] of Object.entries({ ...valid, ...fields })) map.set(key, value);
      return map;
    };
    peer.transact(() => {
      const library = libraryMap(peer);
      library.set('plain-text', 'not a source');
      library.set('no-passages', entry({}));
      library.set('bad-kind', entry({ kind: 'poem', passages: [{ id: 'p1', ordinal: 1, number: null, text: 'Text.' }] }));
      library.set('bad-ordinals', entry({ passages: [{ id: 'p2', ordinal: 3, number: null, text: 'Text.' }] }));
      library.set('empty-text', entry({ passages: [{ id: 'p3', ordinal: 1, number: null, text: '  ' }] }));
      library.set('stolen-id', entry({ passages: [{ id: goodPassageId, ordinal: 1, number: null, text: 'Hijack.' }] }));
      library.set(good.id, entry({ title: 42 }));
    });
    expect(() => replica.document.applyUpdate(Y.encodeStateAsUpdate(peer, stateBefore), 'sync')).not.toThrow();

    expect(snapshot(replica.library)).toEqual(before);
    expect(replica.library.search('hijack')).toEqual([]);
    expect(replica.library.passagesByIds([goodPassageId])[0]?.text).toBe('Integration and social cohesion.');
    const reopened = reopen(replica);
    expect(snapshot(reopened.library)).toEqual(before);
    expect(reopened.library.addSource(draft('After'), passages('Still works.')).passageCount).toBe(1);
  });
});

function value<T>(result: CallResult): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

describe('the host', () => {
  it('tells every window of a workspace when a source arrives from elsewhere', async () => {
    const folder = temporaryFolder();
    const core = new ServiceCore({ dataDirectory: folder, hostKind: 'browser', version: 'test' });
    const events: { channel: string; payload: unknown }[] = [];
    const watching = core.connect({ send: (channel, payload) => events.push({ channel, payload }) });
    const other = core.connect({ send: () => undefined });
    try {
      const path = join(folder, 'shared.zdraft');
      const opened = value<OpenedWorkspace>(await watching.call(channelName('workspace', 'create'), [path, { sample: false }]));
      const second = value<OpenedWorkspace>(await other.call(channelName('workspace', 'open'), [path]));
      await new Promise((resolve) => setImmediate(resolve));
      const peer = new Y.Doc({ gc: false });
      Y.applyUpdate(peer, second.state);
      const before = Y.encodeStateVector(peer);
      const source = newSharedSource(draft('From a colleague'), passages('Consular protection.'), '2026-01-01T00:00:00.000Z');
      writeSharedSource(peer, source);
      value(await other.call(channelName('workspace', 'applyUpdate'), [second.handle, Y.encodeStateAsUpdate(peer, before)]));

      const changes = events.filter((event) => event.channel === channelName('inputs', 'onDidChangeLibrary'));
      expect(changes.map((event) => event.payload)).toEqual([{ handle: opened.handle, addedSourceIds: [source.id], removedSourceIds: [] }]);
      const sources = value<{ id: string }[]>(await watching.call(channelName('inputs', 'sources'), [opened.handle]));
      expect(sources.map((entry) => entry.id)).toEqual([source.id]);
    } finally {
      watching.dispose();
      other.dispose();
      core.closeAll();
    }
  });
});
