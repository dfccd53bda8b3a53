/**
 * Typed errors that cross the bridge between the Node services and the renderer.
 * Every failure a user can meet has a code, a message that names the file and the problem,
 * and says what is safe.
 */

/** The kinds of failure the services report. */
export type ZeroDraftErrorCode =
  | 'not-found'
  | 'already-exists'
  | 'not-a-workspace'
  | 'corrupt-workspace'
  | 'newer-schema'
  | 'locked'
  | 'invalid-argument'
  | 'invalid-update'
  | 'not-open'
  | 'io'
  | 'unauthorized'
  | 'cancelled'
  | 'internal';

/** The plain shape of an error as it travels over IPC or WebSocket. */
export interface SerializedError {
  code: ZeroDraftErrorCode;
  message: string;
  /** The file the error is about, when there is one. */
  file?: string;
}

/** An error with a code the UI can act on; its message is meant for the user. */
export class ZeroDraftError extends Error {
  readonly code: ZeroDraftErrorCode;
  readonly file: string | undefined;

  constructor(code: ZeroDraftErrorCode, message: string, file?: string) {
    super(message);
    this.name = 'ZeroDraftError';
    this.code = code;
    this.file = file;
  }

  /** The plain form sent over a bridge. */
  toJSON(): SerializedError {
    return this.file === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, file: this.file };
  }
}

const knownCodes: ReadonlySet<string> = new Set<ZeroDraftErrorCode>([
  'not-found', 'already-exists', 'not-a-workspace', 'corrupt-workspace', 'newer-schema', 'locked',
  'invalid-argument', 'invalid-update', 'not-open', 'io', 'unauthorized', 'cancelled', 'internal',
]);

/** Turns any thrown value into the plain form; unknown errors become `internal`. */
export function serializeError(error: unknown): SerializedError {
  if (error instanceof ZeroDraftError) return error.toJSON();
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message };
}

/** Rebuilds a {@link ZeroDraftError} from its plain form (on the receiving side of a bridge). */
export function deserializeError(value: unknown): ZeroDraftError {
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    const code = typeof record.code === 'string' && knownCodes.has(record.code) ? record.code : 'internal';
    const message = typeof record.message === 'string' ? record.message : 'Unknown error';
    const file = typeof record.file === 'string' ? record.file : undefined;
    return new ZeroDraftError(code as ZeroDraftErrorCode, message, file);
  }
  return new ZeroDraftError('internal', String(value));
}
