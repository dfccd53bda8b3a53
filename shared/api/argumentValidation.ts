import { ZeroDraftError } from './errors';
import { serviceMethods, type ServiceName } from './contract';

/** Largest Yjs update accepted in one call (the whole state of a 2-million-character text fits). */
export const maxUpdateBytes = 64 * 1024 * 1024;
/** Largest pasted text accepted for import. */
export const maxImportTextLength = 20 * 1024 * 1024;

type Check = (value: unknown, name: string) => void;

const isString: Check = (value, name) => {
  if (typeof value !== 'string' || value.length === 0 || value.length > 4096) {
    throw new ZeroDraftError('invalid-argument', `${name} must be a non-empty string.`);
  }
};
const isBytes: Check = (value, name) => {
  if (!(value instanceof Uint8Array)) throw new ZeroDraftError('invalid-argument', `${name} must be bytes.`);
  if (value.byteLength > maxUpdateBytes) {
    throw new ZeroDraftError('invalid-argument', `${name} is larger than ${maxUpdateBytes} bytes.`);
  }
};
const isObject: Check = (value, name) => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ZeroDraftError('invalid-argument', `${name} must be an object.`);
  }
};
const isPickMode: Check = (value, name) => {
  if (value !== 'open' && value !== 'create' && value !== 'import' && value !== 'export') throw new ZeroDraftError('invalid-argument', `${name} must be "open", "create", "import" or "export".`);
};
const isExportRequest: Check = (value, name) => {
  isObject(value, name);
  const { kind, format, revision, against, outPath } = value as Record<string, unknown>;
  for (const [key, field] of Object.entries({ kind, format, outPath })) isString(field, `${name}.${key}`);
  for (const [key, field] of Object.entries({ revision, against })) if (field !== null) isString(field, `${name}.${key}`);
};
const isText = (maxLength: number): Check => (value, name) => {
  if (typeof value !== 'string' || value.length > maxLength) throw new ZeroDraftError('invalid-argument', `${name} must be a string of at most ${maxLength} characters.`);
};
const isStringList: Check = (value, name) => {
  if (!Array.isArray(value) || value.length > 10_000 || value.some((item) => typeof item !== 'string')) {
    throw new ZeroDraftError('invalid-argument', `${name} must be a list of strings.`);
  }
};
const isImportRequest: Check = (value, name) => {
  isObject(value, name);
  const { path, text, fileName } = value as { path?: unknown; text?: unknown; fileName?: unknown };
  if ((path === undefined) === (text === undefined)) throw new ZeroDraftError('invalid-argument', `${name} needs either a path or a text.`);
  if (path !== undefined) isString(path, `${name}.path`);
  if (text !== undefined) isText(maxImportTextLength)(text, `${name}.text`);
  if (fileName !== undefined) isString(fileName, `${name}.fileName`);
};
const isSourceDraft: Check = (value, name) => {
  isObject(value, name);
  const draft = value as Record<string, unknown>;
  for (const key of ['kind', 'title', 'language']) isString(draft[key], `${name}.${key}`);
  for (const key of ['eventId', 'date', 'author', 'fileName']) if (draft[key] !== null) isText(1000)(draft[key], `${name}.${key}`);
};
const isPassageDrafts: Check = (value, name) => {
  if (!Array.isArray(value) || value.length === 0 || value.length > 100_000) throw new ZeroDraftError('invalid-argument', `${name} must be a non-empty list of passages.`);
  for (const passage of value as unknown[]) {
    const { number, text } = (passage ?? {}) as { number?: unknown; text?: unknown };
    if (typeof text !== 'string' || text.trim() === '' || (number !== null && typeof number !== 'string')) {
      throw new ZeroDraftError('invalid-argument', `${name}: every passage needs a text and a number (or null).`);
    }
  }
};
const isCreateOptions: Check = (value, name) => {
  isObject(value, name);
  if (typeof (value as { sample?: unknown }).sample !== 'boolean') {
    throw new ZeroDraftError('invalid-argument', `${name}.sample must be true or false.`);
  }
};
const isPreferences: Check = (value, name) => {
  isObject(value, name);
  const language = (value as { language?: unknown }).language;
  if (language !== undefined && language !== 'en' && language !== 'zh') {
    throw new ZeroDraftError('invalid-argument', `${name}.language must be "en" or "zh".`);
  }
};

/** Largest presence update accepted (one user's cursor and name). */
export const maxPresenceBytes = 64 * 1024;

const isPresence: Check = (value, name) => {
  if (!(value instanceof Uint8Array) || value.byteLength > maxPresenceBytes) {
    throw new ZeroDraftError('invalid-argument', `${name} must be bytes, at most ${maxPresenceBytes}.`);
  }
};
const isSyncRequest: Check = (value, name) => {
  isObject(value, name);
  const request = value as Record<string, unknown>;
  isString(request.url, `${name}.url`);
  if (!/^wss?:\/\//i.test(request.url as string)) throw new ZeroDraftError('invalid-argument', `${name}.url must start with ws:// or wss://.`);
  isString(request.room, `${name}.room`);
  isText(4096)(request.token, `${name}.token`);
  isText(200)(request.name, `${name}.name`);
};

/** The argument checks of every method: a missing entry is a compile error. */
const argumentChecks: { [S in ServiceName]: { [M in (typeof serviceMethods)[S][number]]: readonly Check[] } } = {
  workspace: {
    create: [isString, isCreateOptions],
    open: [isString],
    join: [isString, isSyncRequest],
    close: [isString],
    applyUpdate: [isString, isBytes],
  },
  inputs: {
    previewImport: [isString, isImportRequest],
    cancelImport: [isString],
    saveImport: [isString, isSourceDraft, isPassageDrafts],
    sources: [isString],
    passages: [isString, isString],
    passagesByIds: [isString, isStringList],
    search: [isString, isText(1000), isObject],
    suggest: [isString, isText(100_000), isStringList],
    coverage: [isString],
    removeSource: [isString, isString],
  },
  app: {
    hostInfo: [],
    recentWorkspaces: [],
    startupWorkspace: [],
    sampleWorkspace: [],
    preferences: [],
    setPreferences: [isPreferences],
    pickWorkspacePath: [isPickMode],
  },
  exports: {
    run: [isString, isExportRequest],
    cancel: [isString],
  },
  sync: {
    connect: [isString, isSyncRequest],
    disconnect: [isString],
    status: [isString],
    presence: [isString],
    setPresence: [isString, isPresence],
  },
};

/**
 * Checks a call arriving at the boundary: a known service and method, and arguments of the
 * right shape. Throws `invalid-argument` otherwise.
 */
export function validateCall(service: string, method: string, args: unknown): { service: ServiceName; method: string; args: unknown[] } {
  if (!Object.hasOwn(argumentChecks, service)) throw new ZeroDraftError('invalid-argument', `Unknown service "${service}".`);
  const checks = (argumentChecks as Record<string, Record<string, readonly Check[]>>)[service]!;
  if (!Object.hasOwn(checks, method)) throw new ZeroDraftError('invalid-argument', `Unknown method "${service}.${method}".`);
  if (!Array.isArray(args)) throw new ZeroDraftError('invalid-argument', 'Arguments must be a list.');
  const methodChecks = checks[method]!;
  if (args.length !== methodChecks.length) {
    throw new ZeroDraftError('invalid-argument', `${service}.${method} takes ${methodChecks.length} argument(s).`);
  }
  methodChecks.forEach((check, index) => check(args[index], `argument ${index + 1}`));
  return { service: service as ServiceName, method, args };
}

/** Splits a channel name `app:<service>.<method>` into its parts, or null. */
export function parseChannel(channel: unknown): { service: string; method: string } | null {
  if (typeof channel !== 'string') return null;
  const match = /^app:([a-zA-Z]+)\.([a-zA-Z]+)$/.exec(channel);
  return match ? { service: match[1]!, method: match[2]! } : null;
}
