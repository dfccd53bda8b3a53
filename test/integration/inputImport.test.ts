// Importing inputs (session summaries) from txt, md, html, docx, pdf and pasted text: passages and
// their numbers, titles, languages, progress, parsing in a worker thread, and hostile files, each
// rejected with 'invalid-argument' and a message that names the file and the problem.
import { existsSync, mkdirSync, promises as fileSystemPromises, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { importInput, prepareImportJob, type ImportedInput, type ImportRequest } from '../../electron/services/inputImport/importInput';
import { readParagraphMarker } from '../../electron/services/inputImport/paragraphNumber';
import { guessLanguage } from '../../electron/services/inputImport/guessLanguage';
import { defaultParseLocation, runParseJob } from '../../electron/services/inputImport/runInWorker';
import { paragraphsAtBlankLines, splitPassages } from '../../electron/services/inputImport/splitPassages';
import { ZeroDraftError, type ZeroDraftErrorCode } from '../../shared/api/errors';
import { buildDocx, docxLinkingLocalFile, docxWithEntityExpansion } from '../fixtures/docxFixtures';
import {
  arabicSummary, arabicSummaryPassages, chineseSummary, chineseSummaryPassages, englishSummary, englishSummaryPassages,
  frenchSummary, htmlSummary, htmlSummaryPassages, markdownSummary, markdownSummaryPassages, spanishSummary,
} from '../fixtures/inputSamples';
import { gap, textPdf, truncated, type PdfLine } from '../fixtures/pdfFixtures';
import { zipArchive } from '../fixtures/zipFixtures';
import { useTemporaryFolders } from './testFolders';

const temporaryFolder = useTemporaryFolders();

function writeInput(name: string, content: string | Buffer): string {
  const path = join(temporaryFolder(), name);
  writeFileSync(path, content);
  return path;
}

async function importFile(name: string, content: string | Buffer): Promise<ImportedInput> {
  return importInput({ path: writeInput(name, content) });
}

/** Expects the import to fail with `code`, with a message '<name>: <problem>' matching `problem`. */
async function expectRejected(request: ImportRequest, name: string, problem: RegExp, code: ZeroDraftErrorCode = 'invalid-argument'): Promise<void> {
  const error: unknown = await importInput(request).then(() => null, (failure: unknown) => failure);
  expect(error).toBeInstanceOf(ZeroDraftError);
  expect((error as ZeroDraftError).code).toBe(code);
  expect((error as ZeroDraftError).message.startsWith(`${name}: `)).toBe(true);
  expect((error as ZeroDraftError).message).toMatch(problem);
}

const summaryPdfPages: PdfLine[][] = [
  [
    'Summary of the fifth thematic session', gap,
    '1. The fifth session, on smuggling of migrants and trafficking in persons,', 'was held in Vienna on 4 and 5 September 2017.', gap,
    '2. Delegations called for the protection of victims', gap,
    '(a) during identification;', gap,
    '3.', gap, 'A number alone on its line belongs to the next paragraph.', gap,
    { chinese: '国际移民组织的作用' }, gap,
    '4. The session continued',
  ],
  ['with a panel on contemporary forms of slavery.', gap, 'II. Conclusions'],
];

describe('passage splitting and numbering', () => {
  it('reads the numbers UN documents put in front of paragraphs', () => {
    const labels = ['12. a', '12) a', '(a) a', 'a) a', 'III. a', 'A. a', '١٢. a', '１２． a', '3 - a', '(أ) a', '二、a', '（三）a', '4.1. a']
      .map((text) => readParagraphMarker(text)?.label ?? null);
    expect(labels).toEqual(['12', '12', '(a)', '(a)', 'III', 'A', '١٢', '１２', '3', '(أ)', '二', '(三)', '4.1']);
    expect(['12.5 per cent rose', 'U.S. delegation', '2018 was', 'Article 5', 'A/RES/71/280'].map(readParagraphMarker)).toEqual([null, null, null, null, null]);
  });

  it('merges a number alone with the next block, drops empty blocks, keeps headings without number', () => {
    const passages = splitPassages([
      { text: 'Introduction', heading: true }, { text: '7.', heading: false }, { text: '  ', heading: false },
      { text: 'Text of seven.', heading: false }, { text: '(b) item', heading: false }, { text: 'Annex', heading: true }, { text: '(c) orphan', heading: false },
    ]);
    expect(passages).toEqual([
      { number: null, text: 'Introduction' }, { number: '7', text: 'Text of seven.' }, { number: '7 (b)', text: 'item' },
      { number: null, text: 'Annex' }, { number: '(c)', text: 'orphan' },
    ]);
    expect(paragraphsAtBlankLines('one\ntwo\nthree').map((block) => block.text)).toEqual(['one', 'two', 'three']);
  });

  it('guesses the language from the script and common words', () => {
    expect([chineseSummary, arabicSummary, 'Резюме первой тематической сессии', frenchSummary, spanishSummary, englishSummary, '12. 34.', ''].map(guessLanguage))
      .toEqual(['zh', 'ar', 'ru', 'fr', 'es', 'en', 'und', 'und']);
  });
});

describe('importing each format', () => {
  it('imports a .txt with CRLF line ends: sections, numbered and lettered paragraphs, a number alone, a hyphenated line break', async () => {
    const result = await importFile('summary-session-1.txt', englishSummary);
    expect(result).toEqual({ title: 'Summary of the first informal thematic session', language: 'en', passages: englishSummaryPassages, fileName: 'summary-session-1.txt', format: 'txt' });
  });

  it('reads UTF-8 with BOM and UTF-16 LE and BE with BOM', async () => {
    const utf16 = Buffer.from(frenchSummary, 'utf16le');
    const files: Array<[string, Buffer]> = [
      ['bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(frenchSummary, 'utf8')])],
      ['little.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), utf16])],
      ['big.txt', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(utf16).swap16()])],
    ];
    for (const [name, bytes] of files) {
      const result = await importFile(name, bytes);
      expect(result.title).toBe('Résumé de la première session thématique');
      expect(result.language).toBe('fr');
      expect(result.passages[1]).toEqual({ number: '1', text: 'Les délégations ont souligné que les droits de l’homme des migrants doivent être respectés dans tous les cas.' });
    }
  });

  it('keeps Chinese and Arabic text and their numbering', async () => {
    const chinese = await importFile('摘要.txt', chineseSummary);
    expect(chinese).toMatchObject({ title: '第一次非正式专题会议摘要', language: 'zh', passages: chineseSummaryPassages, fileName: '摘要.txt' });
    const arabic = await importFile('موجز.md', arabicSummary);
    expect(arabic).toMatchObject({ title: 'موجز الدورة المواضيعية الأولى', language: 'ar', passages: arabicSummaryPassages, format: 'md' });
  });

  it('imports Markdown without its syntax', async () => {
    const result = await importFile('session-2.md', markdownSummary);
    expect(result).toMatchObject({ title: 'Summary of the second thematic session', language: 'en', format: 'md' });
    expect(result.passages).toEqual(markdownSummaryPassages);
  });

  it('imports HTML: block elements, entities, no scripts or styles, and fetches nothing', async () => {
    let requests = 0;
    const server = createServer((_request, response) => {
      requests += 1;
      response.end('fetched');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const result = await importFile('session-3.htm', htmlSummary(origin));
      expect(result).toMatchObject({ title: 'Summary of the third session', language: 'en', format: 'html' });
      expect(result.passages).toEqual(htmlSummaryPassages);
      expect(JSON.stringify(result)).not.toMatch(/injected|Ignored title|color|hidden|frame text|fetched/);
      expect(requests).toBe(0);
    } finally {
      server.close();
    }
  });

  it('imports a .docx: headings, numbers typed in the text, a number alone, list items, table cells; images ignored', async () => {
    const docx = await buildDocx([
      { heading: 'Summary of the fourth thematic session' },
      '1. The fourth session addressed the contributions of migrants and diasporas.',
      '2.', 'Remittances and the portability of earned benefits were discussed.',
      '(a) lowering the cost of remittances;',
      { bullet: 'Financial inclusion' },
      { table: [['Panel', 'Chair'], ['Remittances', 'Mexico']] },
    ], { image: true });
    const result = await importFile('session-4.docx', docx);
    expect(result).toEqual({
      title: 'Summary of the fourth thematic session', language: 'en', fileName: 'session-4.docx', format: 'docx',
      passages: [
        { number: null, text: 'Summary of the fourth thematic session' },
        { number: '1', text: 'The fourth session addressed the contributions of migrants and diasporas.' },
        { number: '2', text: 'Remittances and the portability of earned benefits were discussed.' },
        { number: '2 (a)', text: 'lowering the cost of remittances;' },
        { number: null, text: 'Financial inclusion' },
        ...['Panel', 'Chair', 'Remittances', 'Mexico'].map((text) => ({ number: null, text })),
      ],
    });
  });

  it('keeps Chinese and Arabic text in a .docx', async () => {
    const result = await importFile('summary.docx', await buildDocx([{ heading: '第四次专题会议摘要' }, '1. 侨民和海外侨民群体对可持续发展的各个方面都作出了重要贡献。', '١. التحويلات المالية للمهاجرين']));
    expect(result.passages).toEqual([
      { number: null, text: '第四次专题会议摘要' }, { number: '1', text: '侨民和海外侨民群体对可持续发展的各个方面都作出了重要贡献。' }, { number: '١', text: 'التحويلات المالية للمهاجرين' },
    ]);
    expect(result.language).toBe('zh');
  });

  it('imports a PDF: lines grouped by vertical gaps, numbers, a paragraph running on to the next page, Chinese text', async () => {
    const progress: Array<[number, string]> = [];
    const result = await importInput({ path: writeInput('session-5.pdf', textPdf(summaryPdfPages)) }, { onProgress: (fraction, stage) => progress.push([fraction, stage]) });
    expect(result).toEqual({
      title: 'Summary of the fifth thematic session', language: 'en', fileName: 'session-5.pdf', format: 'pdf',
      passages: [
        { number: null, text: 'Summary of the fifth thematic session' },
        { number: '1', text: 'The fifth session, on smuggling of migrants and trafficking in persons, was held in Vienna on 4 and 5 September 2017.' },
        { number: '2', text: 'Delegations called for the protection of victims' },
        { number: '2 (a)', text: 'during identification;' },
        { number: '3', text: 'A number alone on its line belongs to the next paragraph.' },
        { number: null, text: '国际移民组织的作用' },
        { number: '4', text: 'The session continued with a panel on contemporary forms of slavery.' },
        { number: 'II', text: 'Conclusions' },
      ],
    });
    const fractions = progress.map(([fraction]) => fraction);
    expect(fractions).toEqual([...fractions].sort((left, right) => left - right));
    expect(fractions.at(-1)).toBe(1);
    expect(progress.map(([, stage]) => stage)).toEqual(expect.arrayContaining(['reading', 'page 1 of 2', 'page 2 of 2', 'done']));
  });

  it('imports pasted text: format text, no file name, title from the first line', async () => {
    const result = await importInput({ text: '  Резюме первой тематической сессии  \n\n1. Делегации подчеркнули важность сотрудничества.' });
    expect(result).toEqual({
      title: 'Резюме первой тематической сессии', language: 'ru', fileName: null, format: 'text',
      passages: [{ number: null, text: 'Резюме первой тематической сессии' }, { number: '1', text: 'Делегации подчеркнули важность сотрудничества.' }],
    });
    const long = await importInput({ text: `${'x'.repeat(300)}\n\nmore`, fileName: 'notes' });
    expect(Array.from(long.title)).toHaveLength(200);
    expect(long.fileName).toBe('notes');
  });
});

describe('parsing off the calling thread', () => {
  it('runs in a worker thread, with the same result as in-process', async () => {
    expect(defaultParseLocation()).toBe('worker');
    for (const [name, content] of [['a.pdf', textPdf(summaryPdfPages)], ['b.docx', await buildDocx(['1. One.', '2. Two.'])]] as const) {
      const path = writeInput(name, content);
      const inWorker = await importInput({ path });
      const inProcess = await runParseJob(await prepareImportJob({ path }), {}, 'in-process');
      expect(inProcess).toEqual({ title: inWorker.title, language: inWorker.language, passages: inWorker.passages });
    }
  });

  it('cancels an import: the worker is stopped and the import rejects with the abort reason', async () => {
    const path = writeInput('long.pdf', textPdf(Array.from({ length: 300 }, (_, page) => [`${page + 1}. Paragraph on page ${page + 1}.`])));
    const controller = new AbortController();
    const aborted = importInput({ path }, { signal: controller.signal, onProgress: (_, stage) => { if (stage.startsWith('page')) controller.abort(); } });
    await expect(aborted).rejects.toMatchObject({ name: 'AbortError' });
    const alreadyAborted = AbortSignal.abort();
    await expect(importInput({ path }, { signal: alreadyAborted })).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('hostile and unreadable input', () => {
  it('rejects an empty file, a file over 50 MB, unknown extensions, a folder, a missing file and bad requests', async () => {
    await expectRejected({ path: writeInput('empty.txt', '') }, 'empty.txt', /empty/);
    const huge = writeInput('huge.txt', 'x');
    truncateSync(huge, 51 * 1024 * 1024);
    await expectRejected({ path: huge }, 'huge.txt', /51\.0 MB, larger than the 50 MB/);
    await expectRejected({ path: writeInput('report.xyz', 'text') }, 'report.xyz', /'\.xyz' files cannot be imported/);
    await expectRejected({ path: writeInput('README', 'text') }, 'README', /without an extension/);
    await expectRejected({ path: writeInput('old.doc', 'text') }, 'old.doc', /save it as \.docx/);
    const folder = join(temporaryFolder(), 'folder.txt');
    mkdirSync(folder);
    await expectRejected({ path: folder }, 'folder.txt', /folder, not a file/);
    await expectRejected({ path: join(temporaryFolder(), 'gone.pdf') }, 'gone.pdf', /does not exist/, 'not-found');
    await expectRejected({ text: ' \n\t ' }, 'Pasted text', /empty/);
    await expect(importInput({ path: huge, text: 'both' })).rejects.toMatchObject({ code: 'invalid-argument', message: expect.stringMatching(/exactly one/) });
    await expect(importInput({})).rejects.toMatchObject({ code: 'invalid-argument' });
  });

  it('rejects binary files named .txt, .md or .html', async () => {
    const binary = Buffer.from(Array.from({ length: 4096 }, (_, index) => (index * 7919) % 256));
    await expectRejected({ path: writeInput('binary.txt', binary) }, 'binary.txt', /binary file/);
    await expectRejected({ path: writeInput('latin1.txt', Buffer.from('Résumé de la session', 'latin1')) }, 'latin1.txt', /not UTF-8 or UTF-16/);
    await expectRejected({ path: writeInput('controls.md', Buffer.from('text\u0001\u0002\u0003\u0004\u0005\u0006 more')) }, 'controls.md', /binary file/);
    await expectRejected({ path: writeInput('renamed.txt', textPdf([['1. Text.']])) }, 'renamed.txt', /binary file \(a PDF\)/);
    await expectRejected({ path: writeInput('renamed.html', await buildDocx(['1. Text.'])) }, 'renamed.html', /binary file \(a zip/);
  });

  it('rejects encrypted, truncated, damaged, text-less and fake PDFs', async () => {
    const pdf = textPdf(summaryPdfPages);
    await expectRejected({ path: writeInput('encrypted.pdf', textPdf([['Secret text']], { encrypted: true })) }, 'encrypted.pdf', /encrypted \(password-protected\)/);
    await expectRejected({ path: writeInput('truncated.pdf', truncated(pdf, 0.6)) }, 'truncated.pdf', /truncated/);
    await expectRejected({ path: writeInput('damaged.pdf', '%PDF-1.4\n1 0 obj garbage\n%%EOF\n') }, 'damaged.pdf', /damaged/);
    await expectRejected({ path: writeInput('scanned.pdf', textPdf([[]])) }, 'scanned.pdf', /no text layer/);
    await expectRejected({ path: writeInput('fake.pdf', 'Just some text.') }, 'fake.pdf', /not a PDF file/);
  });

  it('rejects .docx files that are not zips, damaged, encrypted or empty zips', async () => {
    await expectRejected({ path: writeInput('text.docx', 'plain text') }, 'text.docx', /not a valid Word document/);
    await expectRejected({ path: writeInput('cut.docx', truncated(await buildDocx(['1. Text.']), 0.7)) }, 'cut.docx', /damaged or truncated/);
    await expectRejected({ path: writeInput('locked.docx', Buffer.from('d0cf11e0a1b11ae1' + '00'.repeat(504), 'hex')) }, 'locked.docx', /encrypted \(password-protected\) Word document or an old \.doc/);
    await expectRejected({ path: writeInput('nothing.docx', zipArchive([])) }, 'nothing.docx', /empty zip/);
  });

  it('rejects zip bombs before mammoth sees them', async () => {
    const zeros = Buffer.alloc(20 * 1024 * 1024);
    await expectRejected({ path: writeInput('ratio.docx', zipArchive([{ name: 'word/document.xml', data: zeros }])) }, 'ratio.docx', /compressed \d+:1 .*zip bomb/);
    const declaredHuge = zipArchive([1, 2].map((index) => ({ name: `word/part${index}.xml`, data: Buffer.from('<a/>'), declaredSize: 150 * 1024 * 1024 })));
    await expectRejected({ path: writeInput('declared.docx', declaredHuge) }, 'declared.docx', /more than 200 MB.*zip bomb/);
    const lying = zipArchive([{ name: 'word/document.xml', data: Buffer.alloc(3 * 1024 * 1024, 'lol '), declaredSize: 1024 }]);
    await expectRejected({ path: writeInput('lying.docx', lying) }, 'lying.docx', /sizes are not what the zip declares/);
    const crowded = zipArchive(Array.from({ length: 6000 }, (_, index) => ({ name: `word/item${index}.xml`, data: Buffer.from('<a/>'), deflate: false })));
    await expectRejected({ path: writeInput('crowded.docx', crowded) }, 'crowded.docx', /too many parts \(6000/);
  });

  it('rejects a .docx with a DOCTYPE or ENTITY declaration (XML entity expansion)', async () => {
    await expectRejected({ path: writeInput('entities.docx', await docxWithEntityExpansion()) }, 'entities.docx', /word\/document\.xml declares a DOCTYPE or ENTITY/);
  });

  it('never reads a local file an external relationship of a .docx points to', async () => {
    const secret = `SECRET-${Date.now()}-never-read`;
    const secretPath = writeInput('secret.txt', secret);
    const hostname = existsSync('/etc/hostname') ? readFileSync('/etc/hostname', 'utf8').trim() : '';
    for (const target of [`file://${secretPath}`, secretPath, 'file:///etc/hostname', '/etc/hostname']) {
      const path = writeInput('linked.docx', await docxLinkingLocalFile(['1. The document links an image to a local file.'], target));
      const result = await importInput({ path });
      expect(result.passages).toEqual([{ number: '1', text: 'The document links an image to a local file.' }]);
      expect(JSON.stringify(result)).not.toContain(secret);
      if (hostname.length >= 6) expect(JSON.stringify(result)).not.toContain(hostname);
      // In-process, mammoth's file reads (fs.promises.readFile) can be watched: there are none.
      const readFile = vi.spyOn(fileSystemPromises, 'readFile');
      try {
        await runParseJob(await prepareImportJob({ path }), {}, 'in-process');
        expect(readFile).not.toHaveBeenCalled();
      } finally {
        readFile.mockRestore();
      }
    }
  });
});
