import { afterAll, describe, expect, it } from 'vitest';
import { ServiceCore } from '../../electron/services/serviceCore';
import { channelName, type CallResult, type ImportPreview, type OpenedWorkspace } from '../../shared/api/contract';
import { temporaryFolder } from '../support/temporaryFolder';

const folder = temporaryFolder('zd-inputs-service-');
afterAll(() => folder.remove());

function value<T>(result: CallResult): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

describe('inputs service', () => {
  it('previews pasted text with progress, saves it, and cancels an import under way', async () => {
    const events: { channel: string; payload: unknown }[] = [];
    const core = new ServiceCore({ dataDirectory: folder.path, hostKind: 'browser', version: 'test' });
    const session = core.connect({ send: (channel, payload) => events.push({ channel, payload }) });
    try {
      const opened = value<OpenedWorkspace>(await session.call(channelName('workspace', 'create'), [`${folder.path}/w.zdraft`, { sample: false }]));
      const text = '1. First point on labour mobility.\n\n2. Second point on remittances.';
      const preview = value<ImportPreview>(await session.call(channelName('inputs', 'previewImport'), [opened.handle, { text }]));
      expect(preview.passages.map((passage) => passage.number)).toEqual(['1', '2']);
      expect(preview.duplicateOf).toBeNull();
      expect(events.some((event) => event.channel === channelName('inputs', 'onDidImportProgress'))).toBe(true);
      const source = { kind: 'other', title: 'Points', eventId: null, date: null, language: 'en', author: null, fileName: null };
      expect(value(await session.call(channelName('inputs', 'saveImport'), [opened.handle, source, preview.passages]))).toMatchObject({ passageCount: 2 });
      const again = value<ImportPreview>(await session.call(channelName('inputs', 'previewImport'), [opened.handle, { text }]));
      expect(again.duplicateOf?.title).toBe('Points');

      const large = Array.from({ length: 200_000 }, (_, index) => `${index + 1}. Paragraph about migration number ${index}.`).join('\n\n');
      const pending = session.call(channelName('inputs', 'previewImport'), [opened.handle, { text: large }]);
      expect(value(await session.call(channelName('inputs', 'cancelImport'), [opened.handle]))).toBeUndefined();
      expect(await pending).toMatchObject({ ok: false, error: { code: 'cancelled' } });
      const sources = value<unknown[]>(await session.call(channelName('inputs', 'sources'), [opened.handle]));
      expect(sources).toHaveLength(1);
    } finally {
      session.dispose();
      core.closeAll();
    }
  }, 60_000);
});
