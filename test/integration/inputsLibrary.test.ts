// The inputs library on a real workspace file: sources in the six UN languages, search with
// filters and ranking, snippets, duplicates, hostile queries, suggestions, and an index that
// stays in step with the passages.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { InputsLibrary } from '../../electron/services/inputsLibrary';
import type { SourceDraft } from '../../shared/domain/inputs';
import { queryToFts } from '../../electron/services/searchText';
import { WorkspaceFile } from '../../electron/services/workspaceFile';
import type { InputSource, PassageDraft, SearchHit } from '../../shared/domain/inputs';
import { expectZeroDraftError, useTemporaryFolders } from './testFolders';

const temporaryFolder = useTemporaryFolders();
const openFiles: WorkspaceFile[] = [];
afterEach(() => {
  for (const file of openFiles.splice(0)) file.close();
});

function newWorkspace(): { file: WorkspaceFile; library: InputsLibrary } {
  const file = WorkspaceFile.create(join(temporaryFolder(), 'library.zdraft'));
  openFiles.push(file);
  return { file, library: new InputsLibrary(file.connection) };
}

function draft(title: string, overrides: Partial<SourceDraft> = {}): SourceDraft {
  return { kind: 'other', title, eventId: null, date: null, language: 'en', author: null, fileName: null, ...overrides };
}

function passages(...texts: string[]): PassageDraft[] {
  return texts.map((text, index) => ({ number: String(index + 1), text }));
}

/** The texts of the passages a search found, best first. */
function foundTexts(library: InputsLibrary, hits: SearchHit[]): string[] {
  return library.passagesByIds(hits.map((hit) => hit.passageId)).map((passage) => passage.text);
}

function matchedText(hit: SearchHit): string[] {
  return hit.snippet.filter((part) => part.match).map((part) => part.text);
}

/** A library holding one source in each UN language, and a mixed one. */
function multilingualLibrary(): { file: WorkspaceFile; library: InputsLibrary; sources: Record<string, InputSource> } {
  const { file, library } = newWorkspace();
  const sources = {
    zh: library.addSource(draft('中文摘要', { language: 'zh', kind: 'thematic-session-summary', eventId: 'thematic-1', date: '2017-05-08' }),
      passages('国际移民组织的报告强调合作。', '移民问题需要各国共同应对。', '难民与移民的保护。', '各国应当加强边境管理。')),
    ar: library.addSource(draft('ملخص عربي', { language: 'ar', kind: 'thematic-session-summary', eventId: 'thematic-2', date: '2017-06' }),
      passages('تقرير عن الهِجْرَة الدولية والتنمية.', 'دور الأمم المتحدة في إدارة الهجرة.', 'حماية حقوق المهاجرين.')),
    ru: library.addSource(draft('Резюме', { language: 'ru', kind: 'stocktaking-summary', eventId: 'stocktaking', date: '2017-12-04' }),
      passages('Миграция и развитие тесно связаны.', 'Государства должны сотрудничать в вопросах миграции.')),
    fr: library.addSource(draft('Résumé', { language: 'fr', kind: 'member-state-submission', eventId: 'stocktaking', date: '2017-12-05' }),
      passages('La protection des réfugiés est essentielle.', 'Les Etats coopèrent sur les refugies et les migrants.')),
    es: library.addSource(draft('Resumen', { language: 'es', kind: 'stakeholder-submission', eventId: 'hearings', date: '2018-01' }),
      passages('La migración segura es un objetivo común.', 'Los datos sobre migracion deben mejorarse.')),
    en: library.addSource(draft('Issue brief', { language: 'en', kind: 'issue-brief', eventId: 'thematic-1', date: '2017-05' }),
      passages('Safe, orderly and regular migration benefits all.', 'The WTO移民 report on labour mobility and Migration data.')),
  };
  return { file, library, sources };
}

describe('searching the inputs library in the six UN languages', () => {
  it('finds Chinese two-character words inside runs, longer words and single characters', () => {
    const { library } = multilingualLibrary();
    expect(foundTexts(library, library.search('移民')).sort()).toEqual(
      ['The WTO移民 report on labour mobility and Migration data.', '国际移民组织的报告强调合作。', '移民问题需要各国共同应对。', '难民与移民的保护。'].sort());
    expect(foundTexts(library, library.search('国际移民组织'))).toEqual(['国际移民组织的报告强调合作。']);
    expect(foundTexts(library, library.search('难'))).toEqual(['难民与移民的保护。']);
    expect(foundTexts(library, library.search('民')).length).toBe(4);
    expect(library.search('移民问题各国')).toEqual([]);
  });

  it('finds Arabic with or without harakat, and whatever the hamza form of alef', () => {
    const { library } = multilingualLibrary();
    expect(foundTexts(library, library.search('الهجرة')).sort()).toEqual(['تقرير عن الهِجْرَة الدولية والتنمية.', 'دور الأمم المتحدة في إدارة الهجرة.'].sort());
    expect(foundTexts(library, library.search('الهِجْرَة')).length).toBe(2);
    expect(foundTexts(library, library.search('الامم'))).toEqual(['دور الأمم المتحدة في إدارة الهجرة.']);
    expect(foundTexts(library, library.search('ادارة'))).toEqual(['دور الأمم المتحدة في إدارة الهجرة.']);
    expect(foundTexts(library, library.search('إدارة الهجرة'))).toEqual(['دور الأمم المتحدة في إدارة الهجرة.']);
  });

  it('finds Russian whatever the case', () => {
    const { library } = multilingualLibrary();
    expect(foundTexts(library, library.search('миграция'))).toEqual(['Миграция и развитие тесно связаны.']);
    expect(foundTexts(library, library.search('МИГРАЦИИ'))).toEqual(['Государства должны сотрудничать в вопросах миграции.']);
  });

  it('finds French and Spanish with or without accents', () => {
    const { library } = multilingualLibrary();
    const refugees = ['La protection des réfugiés est essentielle.', 'Les Etats coopèrent sur les refugies et les migrants.'].sort();
    expect(foundTexts(library, library.search('refugies')).sort()).toEqual(refugees);
    expect(foundTexts(library, library.search('Réfugiés')).sort()).toEqual(refugees);
    expect(foundTexts(library, library.search('États')).length).toBe(1);
    const migration = ['La migración segura es un objetivo común.', 'Los datos sobre migracion deben mejorarse.'].sort();
    expect(foundTexts(library, library.search('migracion')).sort()).toEqual(migration);
    expect(foundTexts(library, library.search('MIGRACIÓN')).sort()).toEqual(migration);
  });

  it('finds each script of mixed text', () => {
    const { library } = multilingualLibrary();
    const mixed = 'The WTO移民 report on labour mobility and Migration data.';
    expect(foundTexts(library, library.search('WTO'))).toEqual([mixed]);
    expect(foundTexts(library, library.search('WTO移民'))).toEqual([mixed]);
    expect(foundTexts(library, library.search('labour 移民'))).toEqual([mixed]);
  });

  it('marks the match in the original text of each hit', () => {
    const { library } = multilingualLibrary();
    expect(library.search('الهجرة').map(matchedText).flat().sort()).toEqual(['الهِجْرَة', 'الهجرة'].sort());
    expect(library.search('refugies').map(matchedText).flat().sort()).toEqual(['refugies', 'réfugiés']);
    const [hit] = library.search('国际移民组织');
    expect(hit!.snippet).toEqual([{ text: '国际移民组织', match: true }, { text: '的报告强调合作。', match: false }]);
    expect(hit).toMatchObject({ sourceTitle: '中文摘要', sourceKind: 'thematic-session-summary', eventId: 'thematic-1', language: 'zh', passageNumber: '1', ordinal: 1 });
  });
});

describe('search filters and ranking', () => {
  it('filters by kind, event, language and date range', () => {
    const { library } = multilingualLibrary();
    const languagesOf = (hits: SearchHit[]): string[] => [...new Set(hits.map((hit) => hit.language))].sort();
    expect(languagesOf(library.search('移民', { kinds: ['issue-brief'] }))).toEqual(['en']);
    expect(languagesOf(library.search('移民', { eventIds: ['thematic-1'] }))).toEqual(['en', 'zh']);
    expect(languagesOf(library.search('移民', { languages: ['zh'] }))).toEqual(['zh']);
    expect(library.search('移民', { kinds: ['stocktaking-summary'] })).toEqual([]);
    expect(languagesOf(library.search('移民', { from: '2017-05', to: '2017-05' }))).toEqual(['en', 'zh']);
    expect(languagesOf(library.search('移民', { from: '2017-05-09' }))).toEqual(['en']);
    expect(languagesOf(library.search('移民', { to: '2017-05-08' }))).toEqual(['en', 'zh']);
    expect(library.search('移民', { from: '2017-06' })).toEqual([]);
    expect(languagesOf(library.search('migracion', { from: '2018-01-15', to: '2018-02' }))).toEqual(['es']);
  });

  it('limits results: 20 by default, at most 200', () => {
    const { library } = newWorkspace();
    library.addSource(draft('Many'), passages(...Array.from({ length: 230 }, (_, index) => `Migration passage number ${index}.`)));
    expect(library.search('migration').length).toBe(20);
    expect(library.search('migration', { limit: 5 }).length).toBe(5);
    expect(library.search('migration', { limit: 1000 }).length).toBe(200);
    expectZeroDraftError(() => library.search('migration', { limit: 0 }), 'invalid-argument');
  });

  it('ranks passages holding the whole query as a phrase first, even above better bm25 scores', () => {
    const { file, library } = newWorkspace();
    library.addSource(draft('Ranking'), passages(
      'Migration, migration and more migration: regular, regular.',
      `The compact covers many topics, ${'including labour, climate, data, borders, '.repeat(3)} and regular migration pathways.`,
    ));
    const hits = library.search('regular migration');
    expect(foundTexts(library, hits)[0]).toMatch(/^The compact/u);
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
    // Without the phrase, bm25 alone prefers the short passage.
    const byBm25 = file.connection.prepare(`SELECT p.text FROM input_passage_search JOIN input_passages p ON p.search_rowid = input_passage_search.rowid
      WHERE input_passage_search MATCH ? ORDER BY bm25(input_passage_search)`).pluck().all(queryToFts('regular migration'));
    expect(byBm25[0]).toMatch(/^Migration, migration/u);
  });
});

describe('hostile queries', () => {
  const queries = [
    '"', '""', '"""', '*', 'migration*', '-migration', 'body:migration', 'characters : 难', '{body}: x', 'NEAR(', 'NEAR(safe regular, 2)',
    'OR', 'safe OR', 'AND AND', 'NOT', '(', ')', '^safe', ':', "'; DROP TABLE input_sources; --", '\u0000', '\uD800', '𠀀',
    'a'.repeat(10_000), Array.from({ length: 500 }, (_, index) => `w${index}`).join(' '), '" OR "', '移"民', '+', '-', '\\',
  ];

  it.each(queries.map((query) => [JSON.stringify(query).slice(0, 40), query]))('%s never throws', (_, query) => {
    const { library } = multilingualLibrary();
    expect(Array.isArray(library.search(query))).toBe(true);
    expect(library.sources().length).toBe(6);
  });

  it('treats operators as words: their terms still find the passages', () => {
    const { library } = multilingualLibrary();
    expect(library.search('migration*').length).toBe(2);
    expect(library.search('-migration').length).toBe(2);
    expect(library.search('OR')).toEqual([]);
    expect(library.search('"')).toEqual([]);
  });
});

describe('adding and removing sources', () => {
  it('rejects a source whose text is already in the library, naming it, and leaves the library as it was', () => {
    const { file, library } = newWorkspace();
    library.addSource(draft('Chair summary, thematic session 1'), passages('Safe and orderly migration.', 'Regular pathways.'));
    const count = (table: string): number => file.connection.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    const before = { sources: count('input_sources'), passages: count('input_passages'), index: count('input_passage_search') };
    const copy = passages('SAFE  and orderly   migration.', 'Regular pathways.');
    expect(library.findDuplicate(copy)?.title).toBe('Chair summary, thematic session 1');
    expect(library.findDuplicate(passages('Something else.'))).toBeNull();
    expect(library.findDuplicate([])).toBeNull();
    const error = expectZeroDraftError(() => library.addSource(draft('Copy'), copy), 'already-exists');
    expect(error.message).toContain('Chair summary, thematic session 1');
    expect({ sources: count('input_sources'), passages: count('input_passages'), index: count('input_passage_search') }).toEqual(before);
  });

  it('validates sources and passages', () => {
    const { library } = newWorkspace();
    expectZeroDraftError(() => library.addSource(draft('Bad', { kind: 'memo' as never }), passages('Text.')), 'invalid-argument');
    expectZeroDraftError(() => library.addSource(draft('Empty'), []), 'invalid-argument');
    expectZeroDraftError(() => library.addSource(draft('Blank'), passages('   ')), 'invalid-argument');
    expectZeroDraftError(() => library.addSource(draft('Huge'), passages('x'.repeat(1024 * 1024 + 1))), 'invalid-argument');
    expectZeroDraftError(() => library.addSource(draft('Date', { date: '5 May 2017' }), passages('Text.')), 'invalid-argument');
    expectZeroDraftError(() => library.addSource(draft(''), passages('Text.')), 'invalid-argument');
    expectZeroDraftError(() => library.search('x', { kinds: ['memo' as never] }), 'invalid-argument');
    expectZeroDraftError(() => library.search('x', { from: 'yesterday' }), 'invalid-argument');
    expect(library.sources()).toEqual([]);
    expect(library.passageCount()).toBe(0);
  });

  it('keeps sources and passages in order, and returns passages by id with their source', () => {
    const { library, sources } = multilingualLibrary();
    expect(library.sources().map((source) => source.title)).toEqual(['Issue brief', '中文摘要', 'ملخص عربي', 'Резюме', 'Résumé', 'Resumen']);
    expect(library.source(sources.ru!.id)).toMatchObject({ title: 'Резюме', kind: 'stocktaking-summary', passageCount: 2, date: '2017-12-04' });
    expect(library.source('unknown')).toBeNull();
    const arabic = library.passages(sources.ar!.id);
    expect(arabic.map((passage) => [passage.ordinal, passage.number])).toEqual([[1, '1'], [2, '2'], [3, '3']]);
    const found = library.passagesByIds([arabic[2]!.id, 'unknown', arabic[0]!.id]);
    expect(found.map((passage) => passage.ordinal)).toEqual([3, 1]);
    expect(found[0]!.source.title).toBe('ملخص عربي');
    expect(library.passageCount()).toBe(15);
  });

  it('keeps the index in step when a source is removed', () => {
    const { file, library, sources } = multilingualLibrary();
    library.removeSource(sources.zh!.id);
    expect(library.search('国际移民组织')).toEqual([]);
    expect(foundTexts(library, library.search('移民'))).toEqual(['The WTO移民 report on labour mobility and Migration data.']);
    expect(library.search('难')).toEqual([]);
    const indexRows = file.connection.prepare('SELECT count(*) FROM input_passage_search').pluck().get();
    expect(indexRows).toBe(library.passageCount());
    const documentsWithTerm = file.connection.prepare('SELECT doc FROM input_passage_search_vocabulary WHERE term = ?').pluck();
    expect(documentsWithTerm.get('国际')).toBeUndefined();
    expect(documentsWithTerm.get('移民')).toBe(1);
    file.connection.exec("INSERT INTO input_passage_search (input_passage_search) VALUES ('integrity-check')");
    expectZeroDraftError(() => library.removeSource(sources.zh!.id), 'not-found');
    // The same text can come back once removed.
    library.addSource(draft('中文摘要'), passages('国际移民组织的报告强调合作。', '移民问题需要各国共同应对。', '难民与移民的保护。', '各国应当加强边境管理。'));
    expect(library.search('难').length).toBe(1);
  });

  it('keeps the library across close and reopen', () => {
    const { file, library } = multilingualLibrary();
    const path = file.path;
    const before = library.search('移民').map((hit) => hit.passageId);
    file.close();
    const reopened = WorkspaceFile.open(path);
    openFiles.push(reopened);
    expect(reopened.schemaVersion).toBe(2);
    expect(new InputsLibrary(reopened.connection).search('移民').map((hit) => hit.passageId)).toEqual(before);
  });
});

describe('suggesting passages for a paragraph', () => {
  it('ranks passages sharing the paragraph\'s distinctive terms first', () => {
    const { library } = multilingualLibrary();
    library.addSource(draft('Mobility'), passages('Labour mobility schemes and skills partnerships.', 'The weather was fine.'));
    const hits = library.suggest('We commit to expand labour mobility schemes, and the skills partnerships of the States.');
    expect(foundTexts(library, hits)[0]).toBe('Labour mobility schemes and skills partnerships.');
    expect(hits.some((hit) => matchedText(hit).length > 0)).toBe(true);
    expect(foundTexts(library, hits)).not.toContain('The weather was fine.');
  });

  it('works for Chinese paragraphs and leaves out excluded passages', () => {
    const { library } = multilingualLibrary();
    const hits = library.suggest('关于国际移民组织的报告');
    expect(foundTexts(library, hits)[0]).toBe('国际移民组织的报告强调合作。');
    const rest = library.suggest('关于国际移民组织的报告', 8, [hits[0]!.passageId]);
    expect(rest.map((hit) => hit.passageId)).not.toContain(hits[0]!.passageId);
    expect(rest.length).toBeGreaterThan(0);
  });

  it('suggests nothing for text of function words only or terms the library lacks', () => {
    const { library } = multilingualLibrary();
    expect(library.suggest('')).toEqual([]);
    expect(library.suggest('the of and to in')).toEqual([]);
    expect(library.suggest('quantum chromodynamics')).toEqual([]);
    expect(library.suggest('migration', 1).length).toBe(1);
  });
});

describe('the migration', () => {
  it('adds the library to a workspace of schema 1 when it is opened', () => {
    const { file } = newWorkspace();
    const path = file.path;
    file.connection.exec(`DROP TABLE input_passage_search_vocabulary; DROP TABLE input_passage_search; DROP TABLE input_passages;
      DROP TABLE input_sources; DELETE FROM schema_migrations WHERE version = 2; PRAGMA user_version = 1;`);
    file.close();
    const reopened = WorkspaceFile.open(path);
    openFiles.push(reopened);
    expect(reopened.schemaVersion).toBe(2);
    const library = new InputsLibrary(reopened.connection);
    library.addSource(draft('After upgrade'), passages('Migration data.'));
    expect(library.search('migration').length).toBe(1);
  });
});
