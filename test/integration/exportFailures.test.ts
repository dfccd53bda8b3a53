// Bad export requests fail with a clear message and write nothing; an export in a worker thread
// (from Yjs states) writes the same file and reports progress.
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZeroDraftError } from '../../shared/api/errors';
import { createWorkspace } from '../../electron/services/sampleWorkspace';
import { exportDocument, emptyTextMessage, type ExportFormat, type ExportKind, type ExportRequest } from '../../electron/services/export/exportNegotiation';
import { findPdfFonts } from '../../electron/services/export/pdfFonts';
import { runExportInWorker } from '../../electron/services/export/runExportInWorker';
import { exportRevisions } from '../fixtures/exportNegotiation';
import { temporaryFolder } from '../support/temporaryFolder';

const folder = temporaryFolder('zd-export-failures-');
let negotiation = new Y.Doc();
let emptyNegotiation = new Y.Doc();

beforeAll(() => {
  negotiation = exportRevisions(folder.path).later;
  const empty = createWorkspace(join(folder.path, 'empty.zdraft'), false);
  emptyNegotiation = new Y.Doc({ gc: false });
  Y.applyUpdate(emptyNegotiation, Y.encodeStateAsUpdate(empty.doc));
  empty.close();
});

afterAll(() => folder.remove());

async function exportError(request: ExportRequest): Promise<ZeroDraftError> {
  const error: unknown = await exportDocument(request).then(() => null, (thrown: unknown) => thrown);
  expect(error).toBeInstanceOf(ZeroDraftError);
  return error as ZeroDraftError;
}

function freshFolder(name: string): string {
  const path = join(folder.path, name);
  mkdirSync(path);
  return path;
}

describe('bad export requests', () => {
  it.each<[ExportKind, ExportFormat, string]>([
    ['akn', 'pdf', 'The Akoma Ntoso text can be exported as XML, not as "pdf".'],
    ['clean', 'csv', 'The clean text can be exported as DOCX or PDF, not as "csv".'],
    ['proposals', 'pdf', 'The proposals table can be exported as DOCX or CSV, not as "pdf".'],
  ])('refuses a %s export as %s', async (kind, format, message) => {
    const target = freshFolder(`pair-${kind}-${format}`);
    const error = await exportError({ kind, format, doc: negotiation, outPath: join(target, `out.${format}`) });
    expect(error.code).toBe('invalid-argument');
    expect(error.message).toBe(message);
    expect(readdirSync(target)).toEqual([]);
  });

  it('refuses an unknown kind and a comparison without the earlier revision', async () => {
    const unknown = await exportError({ kind: 'summary' as ExportKind, format: 'docx', doc: negotiation, outPath: join(folder.path, 'x.docx') });
    expect(unknown.message).toMatch(/^Unknown export kind "summary": choose one of clean, compilation, comparison, proposals, akn\.$/u);
    const comparison = await exportError({ kind: 'comparison', format: 'docx', doc: negotiation, outPath: join(folder.path, 'x.docx') });
    expect(comparison).toMatchObject({ code: 'invalid-argument', message: 'A comparison needs the earlier revision to compare against.' });
  });

  it('refuses an empty text, for every kind, and writes nothing', async () => {
    const target = freshFolder('empty');
    for (const [kind, format] of [['clean', 'docx'], ['compilation', 'pdf'], ['akn', 'xml'], ['proposals', 'csv']] as const) {
      const error = await exportError({ kind, format, doc: emptyNegotiation, outPath: join(target, `out.${format}`) });
      expect(error).toMatchObject({ code: 'invalid-argument', message: emptyTextMessage });
    }
    expect(readdirSync(target)).toEqual([]);
  });

  it('names the path when the folder does not exist', async () => {
    const outPath = join(folder.path, 'missing', 'draft.docx');
    const error = await exportError({ kind: 'clean', format: 'docx', doc: negotiation, outPath });
    expect(error.code).toBe('io');
    expect(error.file).toBe(outPath);
    expect(error.message).toBe(`Cannot export to ${outPath}: the folder ${join(folder.path, 'missing')} does not exist.`);
  });

  it('names the path when the target cannot be written (a folder in the way, a read-only file system), leaving nothing behind', async () => {
    const target = freshFolder('blocked');
    mkdirSync(join(target, 'draft.pdf'));
    const error = await exportError({ kind: 'clean', format: 'pdf', doc: negotiation, outPath: join(target, 'draft.pdf') });
    expect(error.code).toBe('io');
    expect(error.message).toMatch(new RegExp(`^Cannot export to ${join(target, 'draft.pdf')}: .+\\. Nothing was written\\.$`, 'u'));
    expect(readdirSync(target)).toEqual(['draft.pdf']);
    // /proc refuses new files even to root, where permission bits would not.
    const proc = await exportError({ kind: 'akn', format: 'xml', doc: negotiation, outPath: '/proc/zero-draft-export.xml' });
    expect(proc).toMatchObject({ code: 'io', file: '/proc/zero-draft-export.xml', message: 'Cannot export to /proc/zero-draft-export.xml: the folder does not accept new files. Nothing was written.' });
    const file = join(target, 'note.txt');
    writeFileSync(file, 'a file, not a folder');
    const notFolder = await exportError({ kind: 'akn', format: 'xml', doc: negotiation, outPath: join(file, 'draft.xml') });
    expect(notFolder).toMatchObject({ code: 'io', message: `Cannot export to ${join(file, 'draft.xml')}: ${file} is not a folder.` });
  });

  it('keeps an existing file whole when an export over it fails', async () => {
    const target = freshFolder('existing');
    const outPath = join(target, 'table.csv');
    writeFileSync(outPath, 'earlier export');
    await exportError({ kind: 'proposals', format: 'csv', doc: emptyNegotiation, outPath });
    expect(readFileSync(outPath, 'utf8')).toBe('earlier export');
  });

  it('fails with a clear message when the text needs a font the system lacks', () => {
    const latin = ['NotoSerif-Regular', 'NotoSerif-Bold', 'NotoSerif-Italic', 'NotoSerif-BoldItalic']
      .map((name) => `/usr/share/fonts/truetype/noto/${name}.ttf`) as [string, string, string, string];
    const candidates = { latin: [latin], cjk: [{ path: '/nonexistent/NotoSansCJK-Regular.ttc' }], arabic: [] };
    expect(() => findPdfFonts(new Set(['latin', 'cjk']), candidates)).toThrow(/^No font for Chinese, Japanese or Korean text was found, so the PDF was not written/u);
    expect(() => findPdfFonts(new Set(['latin', 'arabic']), candidates)).toThrow(/^No font for Arabic text was found/u);
    expect(findPdfFonts(new Set(['latin']), candidates).cjk).toBeNull();
  });
});

describe('export in a worker thread', () => {
  it('rebuilds the negotiation from its Yjs state, writes the file and reports progress up to 1', async () => {
    const target = freshFolder('worker');
    const fractions: number[] = [];
    const result = await runExportInWorker(
      { kind: 'compilation', format: 'docx', state: Y.encodeStateAsUpdate(negotiation), outPath: join(target, 'compilation.docx') },
      { onProgress: (fraction) => fractions.push(fraction) }, 'worker',
    );
    expect(result.path).toBe(join(target, 'compilation.docx'));
    expect(readFileSync(result.path).subarray(0, 2).toString()).toBe('PK');
    expect(fractions.length).toBeGreaterThan(2);
    expect(fractions.at(-1)).toBe(1);
    expect(fractions.every((fraction, index) => index === 0 || fraction >= (fractions[index - 1] as number))).toBe(true);
  }, 60_000);

  it('reports the worker\'s errors with their code and message', async () => {
    const target = freshFolder('worker-empty');
    const error: unknown = await runExportInWorker({ kind: 'clean', format: 'pdf', state: Y.encodeStateAsUpdate(emptyNegotiation), outPath: join(target, 'out.pdf') }, {}, 'worker')
      .then(() => null, (thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ZeroDraftError);
    expect(error).toMatchObject({ code: 'invalid-argument', message: emptyTextMessage });
    expect(existsSync(join(target, 'out.pdf'))).toBe(false);
  }, 60_000);

  it('stops the worker when cancelled and writes nothing', async () => {
    const target = freshFolder('worker-cancelled');
    const controller = new AbortController();
    const running = runExportInWorker({ kind: 'clean', format: 'pdf', state: Y.encodeStateAsUpdate(negotiation), outPath: join(target, 'out.pdf') }, { signal: controller.signal }, 'worker');
    controller.abort();
    await expect(running).rejects.toMatchObject({ code: 'cancelled', message: 'The export was cancelled; nothing was written.' });
    expect(readdirSync(target)).toEqual([]);
  }, 60_000);

  it('compares two revisions passed as states', async () => {
    const target = freshFolder('worker-comparison');
    const { earlier, later } = exportRevisions(freshFolder('worker-revisions'));
    const result = await runExportInWorker({
      kind: 'comparison', format: 'pdf', outPath: join(target, 'comparison.pdf'),
      state: Y.encodeStateAsUpdate(later), againstState: Y.encodeStateAsUpdate(earlier),
    }, {}, 'worker');
    expect(readFileSync(result.path).subarray(0, 5).toString()).toBe('%PDF-');
  }, 60_000);
});
