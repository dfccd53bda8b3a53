// The search form of text: folding in the six UN languages, CJK bigrams and unigrams, safe FTS5
// expressions from what users type, and snippets marked on the original text.
import { describe, expect, it } from 'vitest';
import {
  foldText, indexTerms, isStopTerm, normalizeForIndex, queryToFts, snippetParts, wholeQueryPhrase,
} from '../../electron/services/searchText';
import type { SnippetPart } from '../../shared/domain/inputs';

/** The marked pieces of a snippet. */
function matches(parts: SnippetPart[]): string[] {
  return parts.filter((part) => part.match).map((part) => part.text);
}

describe('foldText', () => {
  it('folds case and Latin accents, also in decomposed text', () => {
    expect(foldText('Réfugiés ÉTATS Migración Ñandú')).toBe('refugies etats migracion nandu');
    expect(foldText('Re\u0301fugie\u0301s')).toBe('refugies');
    expect(foldText('İSTANBUL ﬁnancement')).toBe('istanbul financement');
  });

  it('folds Greek accents and final sigma, full-width forms', () => {
    expect(foldText('ΜΕΤΑΝΆΣΤΕΥΣΗ μετανάστευσης')).toBe('μεταναστευση μεταναστευσησ');
    expect(foldText('ＷＴＯ１２３')).toBe('wto123');
  });

  it('folds Cyrillic case and ё, but keeps й', () => {
    expect(foldText('Миграция МИГРАЦИЯ')).toBe('миграция миграция');
    expect(foldText('Ёлка её')).toBe('елка ее');
    expect(foldText('Мой')).toBe('мой');
  });

  it('removes Arabic harakat and tatweel and folds alef forms, alef maksura and ta marbuta', () => {
    expect(foldText('الهِجْرَة')).toBe(foldText('الهجرة'));
    expect(foldText('الهِجْرَة')).toBe('الهجره');
    expect(foldText('الهجـــرة')).toBe('الهجره');
    expect(foldText('أ إ آ ٱ ا')).toBe('ا ا ا ا ا');
    expect(foldText('إلى مستوى')).toBe('الي مستوي');
    expect(foldText('الفقرة ١٢')).toBe('الفقره 12');
  });

  it('leaves Chinese, Japanese and Korean characters as they are', () => {
    expect(foldText('国际移民组织 ひらがな 이주')).toBe('国际移民组织 ひらがな 이주');
  });
});

describe('normalizeForIndex', () => {
  it('replaces CJK runs by overlapping bigrams and lists their characters apart', () => {
    expect(normalizeForIndex('移民问题')).toEqual({ body: ' 移民 民问 问题 ', characters: '移 民 问 题' });
  });

  it('keeps a one-character run as itself', () => {
    const indexed = normalizeForIndex('难，民');
    expect(indexTerms('难，民')).toEqual(['难', '民']);
    expect(indexed.characters).toBe('难 民');
  });

  it('splits CJK runs from the words around them in mixed text', () => {
    expect(indexTerms('The WTO移民 rules, Réfugiés')).toEqual(['the', 'wto', '移民', 'rules', 'refugies']);
  });

  it('indexes Arabic without harakat, so both spellings give the same terms', () => {
    expect(indexTerms('تقرير عن الهِجْرَة')).toEqual(indexTerms('تقرير عن الهجرة'));
  });
});

describe('queryToFts', () => {
  it('quotes every term and ANDs them', () => {
    expect(queryToFts('safe Migration')).toBe('"safe" AND "migration"');
    expect(queryToFts('réfugiés')).toBe('"refugies"');
  });

  it('keeps a quoted phrase as one phrase, also when the quote is not closed', () => {
    expect(queryToFts('"safe, orderly" migration')).toBe('"safe orderly" AND "migration"');
    expect(queryToFts('"regular pathways')).toBe('"regular pathways"');
  });

  it('turns CJK runs into phrases of bigrams, and one character into a search of the unigram column', () => {
    expect(queryToFts('移民')).toBe('"移民"');
    expect(queryToFts('国际移民组织')).toBe('"国际 际移 移民 民组 组织"');
    expect(queryToFts('难')).toBe('characters : "难"');
    expect(queryToFts('WTO移民')).toBe('"wto 移民"');
  });

  it('folds Arabic, Russian and Latin queries like the index', () => {
    expect(queryToFts('الهِجْرَة')).toBe('"الهجره"');
    expect(queryToFts('МИГРАЦИЯ')).toBe('"миграция"');
  });

  it('passes no query syntax through', () => {
    const queries = ['NEAR(a b, 2)', 'a OR b', 'NOT a', '-a', 'body:a', 'characters : 难 a', 'a*', '^a', '(a) AND (b)', '{body} : x', 'a""b'];
    for (const query of queries) {
      const expression = queryToFts(query)!;
      // Outside the quoted strings, only AND and the one column filter this module writes.
      const outside = expression.replace(/"(?:[^"]|"")*"/gu, '');
      expect(outside.replace(/AND|characters :/gu, '').trim()).toBe('');
    }
  });

  it('gives null for a query with nothing to search for', () => {
    for (const query of ['', '   ', '"', '""', '*', '-', ':', '()', '" " "', '…，。']) expect(queryToFts(query)).toBeNull();
  });
});

describe('wholeQueryPhrase', () => {
  it('is the whole query as one phrase when it has several parts', () => {
    expect(wholeQueryPhrase('regular migration')).toBe('"regular migration"');
    expect(wholeQueryPhrase('"safe orderly" migration')).toBe('"safe orderly migration"');
  });

  it('is null for a query of one part or with a lone CJK character', () => {
    expect(wholeQueryPhrase('migration')).toBeNull();
    expect(wholeQueryPhrase('"safe orderly"')).toBeNull();
    expect(wholeQueryPhrase('难 民')).toBeNull();
  });
});

describe('snippetParts', () => {
  it('marks the match in the original text, accents and harakat included', () => {
    expect(snippetParts('Les réfugiés et les migrants', 'REFUGIES')).toEqual([
      { text: 'Les ', match: false }, { text: 'réfugiés', match: true }, { text: ' et les migrants', match: false },
    ]);
    expect(matches(snippetParts('تقرير عن الهِجْرَة الدولية', 'الهجرة'))).toEqual(['الهِجْرَة']);
    expect(matches(snippetParts('تقرير عن الهجرة الدولية', 'الهِجْرَة'))).toEqual(['الهجرة']);
    expect(matches(snippetParts('Миграция и развитие', 'миграция'))).toEqual(['Миграция']);
  });

  it('marks CJK words inside runs and single characters', () => {
    expect(snippetParts('国际移民组织的报告', '移民')).toEqual([
      { text: '国际', match: false }, { text: '移民', match: true }, { text: '组织的报告', match: false },
    ]);
    expect(matches(snippetParts('移民问题和难民', '难'))).toEqual(['难']);
  });

  it('marks whole words only', () => {
    expect(matches(snippetParts('Immigration and migration', 'migration'))).toEqual(['migration']);
  });

  it('shows about 200 characters around the match, with ellipses where it cuts', () => {
    const text = `${'Lorem ipsum dolor sit amet. '.repeat(30)}States shall protect refugees. ${'Consectetur adipiscing elit. '.repeat(30)}`;
    const parts = snippetParts(text, 'refugees');
    const shown = parts.map((part) => part.text).join('');
    expect(matches(parts)).toEqual(['refugees']);
    expect(shown.startsWith('…')).toBe(true);
    expect(shown.endsWith('…')).toBe(true);
    expect(shown.length).toBeLessThanOrEqual(202);
    expect(shown.length).toBeGreaterThan(150);
  });

  it('centres on the whole query when the text holds it as a phrase', () => {
    const text = `regular ${'filler words here '.repeat(40)}migration ${'more filler text '.repeat(10)}safe, regular migration at the end`;
    const parts = snippetParts(text, 'regular migration');
    expect(matches(parts)).toContain('regular migration');
  });

  it('never splits a surrogate pair', () => {
    const text = `${'𠀀'.repeat(150)}移民${'𠀀'.repeat(150)}`;
    const shown = snippetParts(text, '移民').map((part) => part.text).join('');
    expect(shown.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/gu, '')).not.toMatch(/[\uD800-\uDFFF]/u);
  });

  it('shows the beginning of the text when nothing matches', () => {
    expect(snippetParts('Short text.', 'absent')).toEqual([{ text: 'Short text.', match: false }]);
  });
});

describe('isStopTerm', () => {
  it('knows the function words of the UN languages, folded', () => {
    for (const term of ['the', 'des', 'los', 'для', 'الي', 'علي', 'في']) expect(isStopTerm(term)).toBe(true);
    for (const term of ['migration', 'refugies', 'миграция', 'الهجره', '移民']) expect(isStopTerm(term)).toBe(false);
    expect(isStopTerm('织的')).toBe(true);
  });
});
