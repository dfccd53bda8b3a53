// A simple guess at the language of a document from its script, and for Latin script from a few
// common words. Good enough to pre-fill the language of an input; the user can correct it.

const sampleLength = 200_000;
const wordSampleCount = 20_000;

const scripts: ReadonlyArray<{ language: string; pattern: RegExp }> = [
  { language: 'zh', pattern: /\p{Script=Han}/gu },
  { language: 'ar', pattern: /\p{Script=Arabic}/gu },
  { language: 'ru', pattern: /\p{Script=Cyrillic}/gu },
  { language: 'ko', pattern: /\p{Script=Hangul}/gu },
  { language: 'latin', pattern: /\p{Script=Latin}/gu },
];

// Words frequent in one of the languages and rare in the others ('de', 'la', 'que', 'en' are shared).
const stopWords: ReadonlyArray<{ language: string; words: ReadonlySet<string> }> = [
  { language: 'en', words: new Set(['the', 'and', 'of', 'to', 'is', 'for', 'that', 'on', 'with', 'are', 'by', 'this', 'as', 'be', 'was', 'were', 'have', 'their']) },
  { language: 'fr', words: new Set(['le', 'les', 'des', 'et', 'est', 'une', 'du', 'dans', 'pour', 'qui', 'sur', 'au', 'aux', 'ont', 'sont', 'avec', 'leur', 'cette', 'ces']) },
  { language: 'es', words: new Set(['el', 'los', 'las', 'y', 'del', 'una', 'por', 'con', 'para', 'su', 'sus', 'al', 'es', 'como', 'más', 'lo', 'entre', 'esta']) },
];

function countMatches(text: string, pattern: RegExp): number {
  let count = 0;
  pattern.lastIndex = 0;
  while (pattern.exec(text) !== null) count += 1;
  return count;
}

function guessLatinLanguage(text: string): string {
  const words = (text.toLowerCase().match(/\p{L}+/gu) ?? []).slice(0, wordSampleCount);
  let best = { language: 'en', count: 0 };
  for (const { language, words: set } of stopWords) {
    const count = words.reduce((total, word) => total + (set.has(word) ? 1 : 0), 0);
    if (count > best.count) best = { language, count };
  }
  return best.language;
}

/**
 * ISO 639-1 code of the main language of `text`: Han -> zh (ja when kana are frequent), Arabic
 * -> ar, Cyrillic -> ru, Latin -> en, fr or es by common words; 'und' when there are no letters.
 */
export function guessLanguage(text: string): string {
  const sample = text.slice(0, sampleLength);
  let best = { language: 'und', count: 0 };
  for (const { language, pattern } of scripts) {
    const count = countMatches(sample, pattern);
    if (count > best.count) best = { language, count };
  }
  if (best.language === 'zh' && countMatches(sample, /[\p{Script=Hiragana}\p{Script=Katakana}]/gu) > best.count * 0.1) return 'ja';
  if (best.language === 'latin') return guessLatinLanguage(sample);
  return best.language;
}
