// The search form of text, shared by the index and the queries so both fold the same way:
// case, Latin and Greek accents, Arabic harakat, tatweel and letter variants, full-width forms.
// CJK runs (Han, Kana, Hangul) have no spaces between words, so the index holds their
// overlapping bigrams (for queries of two characters and more, as phrases) and, in a column
// of their own, their single characters (for one-character queries).
import type { SnippetPart } from '../../shared/domain/inputs';

/** The search form of a passage: one value per column of the search index. */
export interface IndexedText {
  /** Folded text; each CJK run replaced by its overlapping bigrams. */
  body: string;
  /** Every CJK character of the text, space-separated. */
  characters: string;
}

/** Characters the index splits CJK runs from (Han, Hiragana, Katakana, Hangul, the prolonged sound mark). */
const cjkCharacter = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u30FC`;
const cjkRun = new RegExp(`[${cjkCharacter}]+`, 'gu');
const isCjk = new RegExp(`^[${cjkCharacter}]`, 'u');
/** A query piece: a CJK run, or a run of other token characters (as SQLite's unicode61 sees them). */
const queryPiece = new RegExp(`([${cjkCharacter}]+)|((?:(?![${cjkCharacter}])[\\p{L}\\p{N}\\p{Co}])+)`, 'gu');
const tokenSeparators = /[^\p{L}\p{N}\p{Co}]+/u;
const arabicMark = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/u;
const combiningMark = /^\p{M}$/u;
const latinOrGreek = /[\p{Script=Latin}\p{Script=Greek}]/u;
const allMarks = /\p{M}/gu;

/** Letter variants folded to one form: Arabic alef forms, alef maksura, ta marbuta, Persian ya and kaf, Greek final sigma, Russian yo. */
const letterVariants = new Map<string, string>([
  ['أ', 'ا'], ['إ', 'ا'], ['آ', 'ا'], ['ٱ', 'ا'], ['ى', 'ي'], ['ی', 'ي'], ['ة', 'ه'], ['ک', 'ك'],
  ['ς', 'σ'], ['ё', 'е'],
  ...[...'٠١٢٣٤٥٦٧٨٩'].map((digit, value): [string, string] => [digit, String(value)]),
  ...[...'۰۱۲۳۴۵۶۷۸۹'].map((digit, value): [string, string] => [digit, String(value)]),
]);
const foldedCharacters = new Map<string, string>();

/** Folds one base character (a code point that is not a combining mark). */
function foldCharacter(character: string): string {
  const cached = foldedCharacters.get(character);
  if (cached !== undefined) return cached;
  let folded = character.normalize('NFKC').toLowerCase();
  if (latinOrGreek.test(folded)) folded = folded.normalize('NFD').replace(allMarks, '');
  folded = folded.normalize('NFC');
  folded = [...folded].map((part) => letterVariants.get(part) ?? part).join('');
  foldedCharacters.set(character, folded);
  return folded;
}

/** Whether a combining mark standing on its own (decomposed text) after `base` is an accent to drop. */
function isDroppedMark(mark: string, base: string): boolean {
  return latinOrGreek.test(base) || (mark === '\u0308' && base === 'е');
}

/**
 * Folds `text` code point by code point and calls `emit` with each piece and the index in
 * `text` it comes from. Harakat and tatweel fold to nothing.
 */
function foldEach(text: string, emit: (folded: string, origin: number) => void): void {
  let base = '';
  for (let index = 0; index < text.length;) {
    const character = String.fromCodePoint(text.codePointAt(index)!);
    if (arabicMark.test(character)) {
      // Harakat and tatweel fold to nothing.
    } else if (combiningMark.test(character)) {
      if (!isDroppedMark(character, base)) emit(character, index);
    } else {
      base = foldCharacter(character);
      emit(base, index);
    }
    index += character.length;
  }
}

/** The folded form of `text` (case, accents, Arabic marks and letter variants). */
export function foldText(text: string): string {
  const parts: string[] = [];
  foldEach(text, (folded) => { parts.push(folded); });
  return parts.join('');
}

/** The folded form of `text` and, for each of its UTF-16 units, the index in `text` it comes from. */
function foldWithOrigins(text: string): { folded: string; origins: number[] } {
  const parts: string[] = [];
  const origins: number[] = [];
  foldEach(text, (folded, origin) => {
    parts.push(folded);
    for (let unit = 0; unit < folded.length; unit += 1) origins.push(origin);
  });
  return { folded: parts.join(''), origins };
}

/** Overlapping bigrams of a CJK run (the run itself when it is one character). */
function bigrams(run: string): string[] {
  const characters = [...run];
  if (characters.length < 2) return characters;
  return characters.slice(1).map((character, index) => characters[index]! + character);
}

/**
 * The search form of a passage. Folding depends on the script of each character, never on a
 * declared language, so a query (whose language is unknown) always folds the same way.
 */
export function normalizeForIndex(text: string): IndexedText {
  const characters: string[] = [];
  const body = foldText(text).replace(cjkRun, (run) => {
    characters.push(...run);
    return ` ${bigrams(run).join(' ')} `;
  });
  return { body, characters: characters.join(' ') };
}

/** The terms of `text` as the index stores them in its body (words, CJK bigrams), in order. */
export function indexTerms(text: string): string[] {
  return normalizeForIndex(text).body.split(tokenSeparators).filter((term) => term !== '');
}

/** A piece of a query after folding: a word, or a run of CJK characters. */
interface QueryPiece { text: string; cjk: boolean }

/** The query split into segments: each "quoted phrase" is one, and so is each bare word. */
function querySegments(query: string): QueryPiece[][] {
  const segments: QueryPiece[][] = [];
  const quoted = query.split('"');
  quoted.forEach((part, index) => {
    // Odd parts were inside quotes (an unclosed quote runs to the end of the query).
    const texts = index % 2 === 1 ? [part] : part.split(/\s+/u);
    for (const text of texts) {
      const pieces = [...foldText(text).matchAll(queryPiece)].map((match) => ({ text: match[0], cjk: match[1] !== undefined }));
      if (pieces.length > 0) segments.push(pieces);
    }
  });
  return segments.slice(0, maximumQuerySegments);
}

const maximumQuerySegments = 32;

/** An FTS5 string: always quoted, so no query syntax ever reaches the parser. */
function ftsString(tokens: readonly string[]): string {
  return `"${tokens.join(' ').replaceAll('"', '""')}"`;
}

/**
 * The FTS5 units of one segment: its index tokens as one phrase, broken wherever a lone CJK
 * character stands (those search the unigram column).
 */
function segmentUnits(pieces: readonly QueryPiece[]): string[] {
  const units: string[] = [];
  let phrase: string[] = [];
  const flush = (): void => {
    if (phrase.length > 0) units.push(ftsString(phrase));
    phrase = [];
  };
  for (const piece of pieces) {
    if (piece.cjk && [...piece.text].length === 1) {
      flush();
      units.push(`characters : ${ftsString([piece.text])}`);
    } else {
      phrase.push(...(piece.cjk ? bigrams(piece.text) : [piece.text]));
    }
  }
  flush();
  return units;
}

/**
 * Turns what a user typed into a safe FTS5 MATCH expression: every term quoted, a "quoted
 * phrase" kept as a phrase, CJK runs as phrases of their bigrams, all ANDed. User syntax
 * (quotes aside) never reaches FTS5. Null when the query has nothing to search for.
 */
export function queryToFts(query: string): string | null {
  const units = querySegments(query).flatMap(segmentUnits);
  return units.length === 0 ? null : units.join(' AND ');
}

/**
 * The whole query as one FTS5 phrase, to rank passages containing it exactly first; null when
 * it has a single unit (already a phrase) or a lone CJK character (no phrase can hold it).
 */
export function wholeQueryPhrase(query: string): string | null {
  const segments = querySegments(query);
  if (segments.length < 2) return null;
  const units = segmentUnits(segments.flat());
  return units.length === 1 && units[0]!.startsWith('"') ? units[0]! : null;
}

function escapeRegularExpression(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/** A pattern finding `pieces` in folded text: words whole, CJK runs anywhere, separators between. */
function piecesPattern(pieces: readonly QueryPiece[]): string {
  return pieces.map((piece) => piece.cjk
    ? escapeRegularExpression(piece.text)
    : `(?<![\\p{L}\\p{N}])${escapeRegularExpression(piece.text)}(?![\\p{L}\\p{N}])`).join('[^\\p{L}\\p{N}\\p{Co}]*');
}

/** A range of the original text. */
interface Range { start: number; end: number }

/** Ranges of the original text where `pattern` matches its folded form. */
function findRanges(original: string, folded: { folded: string; origins: number[] }, pattern: string): Range[] {
  const ranges: Range[] = [];
  for (const match of folded.folded.matchAll(new RegExp(pattern, 'gu'))) {
    if (match[0].length === 0) continue;
    const after = match.index + match[0].length;
    // Up to the next folded character: takes in the harakat that follow the last letter.
    const end = after < folded.origins.length ? folded.origins[after]! : original.length;
    ranges.push({ start: folded.origins[match.index]!, end });
    if (ranges.length >= maximumRanges) break;
  }
  return ranges;
}

const maximumRanges = 200;
const snippetLength = 200;
const snippetLead = 60;
/** How far a window edge may move to fall between words. */
const wordSlack = 20;

/** The start of the snippet window: the first whole-query match, else the densest spot. */
function bestMatchStart(whole: Range[], segmentRanges: Range[][]): number | null {
  if (whole.length > 0) return whole[0]!.start;
  let best: { start: number; covered: number } | null = null;
  for (const range of segmentRanges.flat()) {
    const covered = segmentRanges.filter((ranges) => ranges.some((other) => other.start >= range.start && other.start < range.start + snippetLength - snippetLead)).length;
    if (best === null || covered > best.covered || (covered === best.covered && range.start < best.start)) best = { start: range.start, covered };
  }
  return best?.start ?? null;
}

/** A window of about 200 characters around `matchStart`, not cutting words or surrogate pairs where it can help it. */
function snippetWindow(text: string, matchStart: number): Range {
  let end = Math.min(text.length, Math.max(0, matchStart - snippetLead) + snippetLength);
  let start = Math.max(0, end - snippetLength);
  const firstSpace = text.slice(start, matchStart).search(/\s/u);
  if (start > 0 && firstSpace >= 0 && firstSpace < wordSlack) start += firstSpace + 1;
  const lastSpace = text.slice(matchStart, end).search(/\s\S*$/u);
  if (end < text.length && lastSpace > 0 && end - (matchStart + lastSpace) < wordSlack) end = matchStart + lastSpace;
  // Never split a surrogate pair (most CJK extension characters are outside the BMP).
  if (/[\uDC00-\uDFFF]/u.test(text[start] ?? '')) start += 1;
  if (/[\uD800-\uDBFF]/u.test(text[end - 1] ?? '')) end -= 1;
  return { start, end };
}

/** Splits `text[window]` into parts, matches from `ranges` (merged, clipped) marked. */
function partsOf(text: string, window: Range, ranges: Range[]): SnippetPart[] {
  const parts: SnippetPart[] = [];
  const push = (part: string, match: boolean): void => {
    if (part === '') return;
    const last = parts[parts.length - 1];
    if (last !== undefined && last.match === match) last.text += part;
    else parts.push({ text: part, match });
  };
  if (window.start > 0) push('…', false);
  let position = window.start;
  for (const range of [...ranges].sort((first, second) => first.start - second.start)) {
    const start = Math.max(range.start, position);
    const end = Math.min(range.end, window.end);
    if (end <= start) continue;
    push(text.slice(position, start), false);
    push(text.slice(start, end), true);
    position = end;
  }
  push(text.slice(position, window.end), false);
  if (window.end < text.length) push('…', false);
  return parts;
}

/**
 * A snippet of about 200 characters of the original text around the best match of `query`,
 * with what the query found marked. Matching runs on the folded text and maps back, so a
 * query without accents or harakat highlights the text that has them.
 */
export function snippetParts(originalText: string, query: string): SnippetPart[] {
  const segments = querySegments(query);
  const folded = foldWithOrigins(originalText);
  const segmentRanges = segments.map((pieces) => findRanges(originalText, folded, piecesPattern(pieces)));
  const whole = segments.length > 1 ? findRanges(originalText, folded, piecesPattern(segments.flat())) : [];
  const matchStart = bestMatchStart(whole, segmentRanges) ?? 0;
  return partsOf(originalText, snippetWindow(originalText, matchStart), [...whole, ...segmentRanges.flat()]);
}

/** Function words of the six UN languages, skipped when picking the terms of a paragraph. */
const stopWordList = `
  the of and to in a an is are was were be been being that this these those for on with as by at from or it its
  their they them which who whom will shall should would may can could not no all any also such other into than
  we our us has have had there here upon within between including
  le la les l de des du d un une et à au aux en dans pour par sur que qui qu est sont ne pas plus avec ce cette ces
  se son sa ses leur leurs ou il elle ils elles nous vous y
  el los las del una unos unas y o al por para con se su sus es son lo como más este esta estos estas e
  и в во не что на с со как а то все так его но к у же за бы по ее было от еще о из для при также этих этой этот
  которые который которых или их они мы
  في من على إلى عن مع أن إن ما لا هذا هذه التي الذي الذين و أو ثم كان قد هو هي ذلك تلك بين كل عند
`;
const stopWords = new Set(foldText(stopWordList).split(/\s+/u).filter((word) => word !== ''));
/** Chinese particles: a bigram holding one of them is rarely a word. */
const chineseParticles = /[的了与及和并或之其也等]/u;

/** Whether `term` (an index term) says little about a paragraph's content. */
export function isStopTerm(term: string): boolean {
  if (isCjk.test(term)) return chineseParticles.test(term);
  return stopWords.has(term) || [...term].length < 2;
}
