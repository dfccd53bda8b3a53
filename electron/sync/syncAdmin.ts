// The sync server's admin commands, run on the server machine against its data folder (the
// server may be running: the database is shared safely). A raw token is printed once, when it is
// issued; the database keeps only its SHA-256 hash.
import { parseArgs } from 'node:util';
import { ZeroDraftError } from '../../shared/api/errors';
import { SyncStore, type TokenAccess, type TokenRecord } from './syncStore';

/** Usage of the admin commands. */
export const adminUsage = `Admin commands (run on the server machine; the server may be running):
  sync-server admin create-room --data <dir> --room <name>
  sync-server admin issue-token --data <dir> --room <name> --person "<name>" --access read-write|read-only [--expires 30d|12h|<ISO date>|never]
                            Prints the token once (give it to that person); only its hash is kept
  sync-server admin revoke-token --data <dir> --id <token id>
  sync-server admin list-tokens --data <dir> [--room <name>] [--json]
  sync-server admin list-rooms --data <dir> [--json]
`;

/** Output streams, so tests can run commands in-process. */
export interface AdminOutput { out: (text: string) => void; error: (text: string) => void }

const durationPattern = /^(\d+)([dhm])$/u;
const unitMilliseconds: Record<string, number> = { d: 86_400_000, h: 3_600_000, m: 60_000 };

/** Reads `--expires`: a duration from now (30d, 12h, 90m), an ISO date or time, or `never`. */
export function parseExpiry(value: string | undefined, now = new Date()): Date | null {
  const text = value ?? '30d';
  if (text === 'never') return null;
  const duration = durationPattern.exec(text);
  if (duration !== null) return new Date(now.getTime() + Number(duration[1]) * unitMilliseconds[duration[2]!]!);
  const time = Date.parse(text);
  if (Number.isNaN(time)) throw new ZeroDraftError('invalid-argument', `--expires "${text}": write a duration (30d, 12h, 90m), a date (2026-12-31) or "never".`);
  return new Date(time);
}

function required(value: string | undefined, name: string): string {
  if (value === undefined || value === '') throw new ZeroDraftError('invalid-argument', `This command needs --${name}.\n\n${adminUsage}`);
  return value;
}

function tokenLine(token: TokenRecord, now: Date): string {
  const state = token.revokedAt !== null ? `revoked ${token.revokedAt}`
    : token.expiresAt !== null && Date.parse(token.expiresAt) <= now.getTime() ? `expired ${token.expiresAt}`
      : `valid until ${token.expiresAt ?? 'revoked'}`;
  return `${token.id}  ${token.room}  ${token.access.padEnd(10)}  ${token.person}  (${state})`;
}

type AdminValues = Record<string, string | boolean | undefined>;

function issueToken(store: SyncStore, values: AdminValues, output: AdminOutput): void {
  const access = required(values.access as string | undefined, 'access');
  if (access !== 'read-write' && access !== 'read-only') throw new ZeroDraftError('invalid-argument', '--access must be read-write or read-only.');
  const expires = parseExpiry(values.expires as string | undefined);
  const { token, record } = store.issueToken(required(values.room as string | undefined, 'room'), required(values.person as string | undefined, 'person'), access as TokenAccess, expires);
  if (values.json === true) {
    output.out(`${JSON.stringify({ ...record, token }, null, 2)}\n`);
    return;
  }
  output.out(`Token ${record.id} for ${record.person} (${record.access}) in room ${record.room}, ${record.expiresAt === null ? 'no expiry' : `expires ${record.expiresAt}`}:\n\n  ${token}\n\nGive it to ${record.person} only. It is not shown again: the server keeps only its hash.\n`);
}

function runCommand(store: SyncStore, command: string, values: AdminValues, output: AdminOutput): void {
  const now = new Date();
  switch (command) {
    case 'create-room': {
      const room = required(values.room as string | undefined, 'room');
      store.createRoom(room);
      output.out(`Created room ${room}.\n`);
      return;
    }
    case 'issue-token': issueToken(store, values, output); return;
    case 'revoke-token': {
      const id = required(values.id as string | undefined, 'id');
      if (!store.revokeToken(id)) throw new ZeroDraftError('not-found', `There is no token ${id}.`);
      output.out(`Revoked token ${id}. Connections using it are refused from now on.\n`);
      return;
    }
    case 'list-tokens': {
      const tokens = store.tokens(values.room as string | undefined);
      output.out(values.json === true ? `${JSON.stringify(tokens, null, 2)}\n` : tokens.map((token) => `${tokenLine(token, now)}\n`).join(''));
      return;
    }
    case 'list-rooms': {
      const rooms = store.rooms();
      output.out(values.json === true ? `${JSON.stringify(rooms)}\n` : rooms.map((room) => `${room}\n`).join(''));
      return;
    }
    default: throw new ZeroDraftError('invalid-argument', `Unknown admin command "${command}".\n\n${adminUsage}`);
  }
}

/** Runs one admin command line (the words after `admin`); returns the exit code. */
export function runSyncAdmin(argv: string[], output: AdminOutput): number {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true,
    options: {
      data: { type: 'string' }, room: { type: 'string' }, person: { type: 'string' }, access: { type: 'string' },
      expires: { type: 'string' }, id: { type: 'string' }, json: { type: 'boolean', default: false },
    },
  });
  const command = positionals[0];
  if (command === undefined) {
    output.out(adminUsage);
    return 2;
  }
  const store = SyncStore.open(required(values.data, 'data'));
  try {
    runCommand(store, command, values, output);
  } finally {
    store.close();
  }
  return 0;
}
