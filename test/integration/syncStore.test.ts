// The sync server's database: token checks (hash only, expiry, revocation, room), and the room log's
// compaction, which keeps the whole state, deleted content included, and rows that another
// process (another server instance on the same data folder) appended.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SyncStore, tokenHash } from '../../electron/sync/syncStore';
import { negotiationDocOptions } from '../../shared/domain/documentLayout';
import { useTemporaryFolders } from './testFolders';

const temporaryFolder = useTemporaryFolders();

describe('sync store', () => {
  it('checks tokens by hash, expiry, revocation and room', () => {
    const store = SyncStore.open(temporaryFolder());
    store.createRoom('alpha');
    store.createRoom('beta');
    expect(() => store.createRoom('alpha')).toThrow('exists already');
    expect(() => store.createRoom('../etc')).toThrow('is not a room name');
    const now = new Date('2026-11-27T12:00:00Z');
    const { token, record } = store.issueToken('alpha', 'Alice', 'read-only', new Date('2026-11-28T00:00:00Z'));
    expect(store.database.prepare('SELECT count(*) AS count FROM tokens WHERE token_hash = ?').get(tokenHash(token))).toEqual({ count: 1 });
    expect(JSON.stringify(store.database.prepare('SELECT * FROM tokens').all())).not.toContain(token);
    expect(store.checkToken('alpha', token, now)).toEqual({ accepted: true, token: record });
    expect(store.checkToken('beta', token, now)).toEqual({ accepted: false, reason: 'token-wrong-room' });
    expect(store.checkToken('alpha', `${token}x`, now)).toEqual({ accepted: false, reason: 'token-unknown' });
    expect(store.checkToken('alpha', token, new Date('2026-11-28T00:00:01Z'))).toEqual({ accepted: false, reason: 'token-expired' });
    expect(store.revokeToken(record.id)).toBe(true);
    expect(store.checkToken('alpha', token, now)).toEqual({ accepted: false, reason: 'token-revoked' });
    expect(store.tokenStanding(record.id, now)).toBe('token-revoked');
    expect(store.revokeToken('nonexistent')).toBe(false);
    store.close();
  });

  it('compacts a room log into one update that keeps the whole state and what another process appended', () => {
    const folder = temporaryFolder();
    const store = SyncStore.open(folder);
    const other = SyncStore.open(folder);
    store.createRoom('alpha');
    const doc = new Y.Doc(negotiationDocOptions);
    doc.on('update', (update: Uint8Array) => store.appendUpdate('alpha', update));
    const text = doc.getText('t');
    for (let index = 0; index < 300; index += 1) text.insert(text.length, `${index} `);
    text.delete(0, 50);
    const elsewhere = new Y.Doc(negotiationDocOptions);
    elsewhere.getText('t').insert(0, 'from the other instance ');
    other.appendUpdate('alpha', Y.encodeStateAsUpdate(elsewhere));
    expect(store.compact('alpha').before).toBe(302);
    expect(store.updateCount('alpha')).toBe(1);
    const restored = new Y.Doc(negotiationDocOptions);
    Y.applyUpdate(restored, store.roomState('alpha')!);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(elsewhere));
    expect(restored.getText('t').toString()).toBe(doc.getText('t').toString());
    // Deleted content is still there (gc:false), so revisions of the past stay restorable.
    expect(Y.encodeStateAsUpdate(restored)).toEqual(Y.encodeStateAsUpdate(doc));
    other.close();
    store.close();
  });
});
