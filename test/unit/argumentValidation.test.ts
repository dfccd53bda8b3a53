import { describe, it, expect } from 'vitest';
import { maxUpdateBytes, parseChannel, validateCall } from '../../shared/api/argumentValidation';
import { createApiProxy, type ApiTransport } from '../../shared/api/apiProxy';
import { channelName, serviceEvents, serviceMethods, type ServiceName } from '../../shared/api/contract';
import { ZeroDraftError } from '../../shared/api/errors';

function rejection(service: string, method: string, args: unknown): ZeroDraftError {
  try {
    validateCall(service, method, args);
  } catch (error) {
    expect(error).toBeInstanceOf(ZeroDraftError);
    expect((error as ZeroDraftError).code).toBe('invalid-argument');
    return error as ZeroDraftError;
  }
  throw new Error(`accepted ${service}.${method}(${JSON.stringify(args)})`);
}

describe('validateCall accepts valid calls', () => {
  const valid: [string, string, unknown[]][] = [
    ['workspace', 'create', ['/tmp/new.zdraft', { sample: true }]],
    ['workspace', 'create', ['/tmp/new.zdraft', { sample: false }]],
    ['workspace', 'open', ['C:\\Users\\me\\Compact 全球.zdraft']],
    ['workspace', 'close', ['handle-1']],
    ['workspace', 'applyUpdate', ['handle-1', new Uint8Array([1, 2, 3])]],
    ['workspace', 'applyUpdate', ['handle-1', new Uint8Array(0)]],
    ['workspace', 'applyUpdate', ['handle-1', Buffer.from([0, 0])]],
    ['app', 'hostInfo', []],
    ['app', 'recentWorkspaces', []],
    ['app', 'startupWorkspace', []],
    ['app', 'sampleWorkspace', []],
    ['app', 'preferences', []],
    ['app', 'setPreferences', [{}]],
    ['app', 'setPreferences', [{ language: 'zh' }]],
    ['app', 'setPreferences', [{ language: 'en' }]],
    ['app', 'pickWorkspacePath', ['open']],
    ['app', 'pickWorkspacePath', ['create']],
  ];
  it.each(valid)('%s.%s', (service, method, args) => {
    expect(validateCall(service, method, args)).toEqual({ service, method, args });
  });

  it('accepts a path of exactly 4096 characters and an update of exactly the maximum size', () => {
    expect(() => validateCall('workspace', 'open', ['p'.repeat(4096)])).not.toThrow();
    expect(() => validateCall('workspace', 'applyUpdate', ['h', new Uint8Array(maxUpdateBytes)])).not.toThrow();
  });

  it('knows every method of the contract', () => {
    for (const service of Object.keys(serviceMethods) as ServiceName[]) {
      for (const method of serviceMethods[service]) {
        const error = (() => { try { validateCall(service, method, ['x', 'y', 'z', 'w']); return null; } catch (caught) { return caught as Error; } })();
        expect(error?.message, `${service}.${method}`).toMatch(/takes \d argument/);
      }
    }
  });
});

describe('validateCall rejects bad calls with invalid-argument', () => {
  it('rejects unknown services and methods, including inherited names', () => {
    expect(rejection('files', 'open', ['x']).message).toMatch(/Unknown service "files"/);
    for (const service of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', '']) rejection(service, 'open', []);
    expect(rejection('workspace', 'delete', ['x']).message).toMatch(/Unknown method "workspace.delete"/);
    for (const method of ['__proto__', 'constructor', 'toString', 'onDidUpdate', 'hostInfo']) rejection('workspace', method, []);
    rejection('app', 'open', ['x']);
  });

  it('rejects argument lists that are not arrays', () => {
    for (const args of [undefined, null, 'x', { 0: 'x', length: 1 }, 1]) {
      expect(rejection('workspace', 'open', args).message).toBe('Arguments must be a list.');
    }
  });

  it('rejects the wrong number of arguments', () => {
    expect(rejection('workspace', 'open', []).message).toBe('workspace.open takes 1 argument(s).');
    rejection('workspace', 'open', ['a', 'b']);
    rejection('workspace', 'create', ['a']);
    rejection('workspace', 'applyUpdate', ['h']);
    rejection('app', 'hostInfo', [undefined]);
    rejection('app', 'setPreferences', []);
  });

  it('rejects wrong types', () => {
    const bad: [string, string, unknown[]][] = [
      ['workspace', 'open', [42]],
      ['workspace', 'open', ['']],
      ['workspace', 'open', [null]],
      ['workspace', 'open', [['a']]],
      ['workspace', 'open', ['p'.repeat(4097)]],
      ['workspace', 'close', [{ handle: 'h' }]],
      ['workspace', 'create', ['/x', null]],
      ['workspace', 'create', ['/x', []]],
      ['workspace', 'create', ['/x', {}]],
      ['workspace', 'create', ['/x', { sample: 'yes' }]],
      ['workspace', 'create', ['/x', { sample: 1 }]],
      ['workspace', 'applyUpdate', ['h', [1, 2, 3]]],
      ['workspace', 'applyUpdate', ['h', new ArrayBuffer(3)]],
      ['workspace', 'applyUpdate', ['h', new Uint16Array(3)]],
      ['workspace', 'applyUpdate', ['h', 'AQID']],
      ['workspace', 'applyUpdate', ['h', { 0: 1, byteLength: 1 }]],
      ['workspace', 'applyUpdate', ['', new Uint8Array(1)]],
      ['app', 'setPreferences', [null]],
      ['app', 'setPreferences', ['en']],
      ['app', 'setPreferences', [['en']]],
      ['app', 'setPreferences', [{ language: 'fr' }]],
      ['app', 'setPreferences', [{ language: null }]],
      ['app', 'pickWorkspacePath', ['save']],
      ['app', 'pickWorkspacePath', [undefined]],
    ];
    for (const [service, method, args] of bad) rejection(service, method, args);
    expect(rejection('workspace', 'open', [42]).message).toBe('argument 1 must be a non-empty string.');
    expect(rejection('workspace', 'create', ['/x', { sample: 'yes' }]).message).toBe('argument 2.sample must be true or false.');
  });

  it('rejects an update larger than the maximum', () => {
    const oversized = new Uint8Array(maxUpdateBytes + 1);
    expect(rejection('workspace', 'applyUpdate', ['h', oversized]).message).toMatch(/larger than/);
  });
});

describe('parseChannel', () => {
  it('splits app:<service>.<method>', () => {
    expect(parseChannel('app:workspace.applyUpdate')).toEqual({ service: 'workspace', method: 'applyUpdate' });
    expect(parseChannel('app:app.hostInfo')).toEqual({ service: 'app', method: 'hostInfo' });
  });

  it('returns null for anything else', () => {
    for (const channel of [
      'workspace.open', 'app:workspace', 'app:workspace.', 'app:.open', 'app:workspace.open.now', 'app:work-space.open',
      'app:workspace.open ', ' app:workspace.open', 'App:workspace.open', 'app:workspace.__proto__', 'app:1.2', '',
      42, null, undefined, { toString: () => 'app:workspace.open' }, ['app:workspace.open'],
    ]) {
      expect(parseChannel(channel), String(channel)).toBeNull();
    }
  });

  it('parses and validates every channel the API proxy uses', () => {
    for (const service of Object.keys(serviceMethods) as ServiceName[]) {
      for (const method of serviceMethods[service]) {
        expect(parseChannel(channelName(service, method))).toEqual({ service, method });
      }
    }
  });
});

describe('createApiProxy', () => {
  it('sends each method on its channel with its arguments and subscribes events on theirs', async () => {
    const calls: [string, unknown[]][] = [];
    const subscriptions: string[] = [];
    let unsubscribed = 0;
    const transport: ApiTransport = {
      invoke: (channel, args) => { calls.push([channel, args]); return Promise.resolve(`result of ${channel}`); },
      subscribe: (channel) => { subscriptions.push(channel); return () => { unsubscribed += 1; }; },
    };
    const api = createApiProxy(transport);
    const update = new Uint8Array([1, 2]);
    await expect(api.workspace.applyUpdate('h', update)).resolves.toBe('result of app:workspace.applyUpdate');
    await api.app.pickWorkspacePath('create');
    await api.app.hostInfo();
    expect(calls).toEqual([['app:workspace.applyUpdate', ['h', update]], ['app:app.pickWorkspacePath', ['create']], ['app:app.hostInfo', []]]);
    for (const [channel, args] of calls) {
      const parsed = parseChannel(channel)!;
      expect(() => validateCall(parsed.service, parsed.method, args)).not.toThrow();
    }
    const stop = api.workspace.onDidUpdate(() => undefined);
    api.app.onDidRequestCommand(() => undefined);
    stop();
    expect(subscriptions).toEqual(['app:workspace.onDidUpdate', 'app:app.onDidRequestCommand']);
    expect(unsubscribed).toBe(1);
    for (const service of Object.keys(serviceMethods) as ServiceName[]) {
      const members = Object.keys(api[service]).sort();
      expect(members).toEqual([...serviceMethods[service], ...serviceEvents[service]].sort());
    }
  });
});
