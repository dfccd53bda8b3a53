import { ZeroDraftError } from './errors';
import { serviceMethods, type ServiceName } from './contract';

/** Largest Yjs update accepted in one call (the whole state of a 2-million-character text fits). */
export const maxUpdateBytes = 64 * 1024 * 1024;

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
  if (value !== 'open' && value !== 'create') throw new ZeroDraftError('invalid-argument', `${name} must be "open" or "create".`);
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

/** The argument checks of every method: a missing entry is a compile error. */
const argumentChecks: { [S in ServiceName]: { [M in (typeof serviceMethods)[S][number]]: readonly Check[] } } = {
  workspace: {
    create: [isString, isCreateOptions],
    open: [isString],
    close: [isString],
    applyUpdate: [isString, isBytes],
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
