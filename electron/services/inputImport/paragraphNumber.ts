// Reads the paragraph number a UN document puts in front of a paragraph: "12.", "12)", "(a)",
// "a)", "III.", "A.", Arabic-Indic and full-width digits, "(أ)", Chinese "一、" and "（一）".
// Pure: no Node, no I/O.

/**
 * How a marker ranks: a `section` heads a part of the document ("III.", "A.", "一、"), a
 * `paragraph` is a numbered paragraph ("12."), an `item` is a lettered sub-paragraph ("(a)").
 */
export type MarkerLevel = 'section' | 'paragraph' | 'item';

/** A number found at the start of a paragraph, and the paragraph's text without it. */
export interface ParagraphMarker {
  /** The number as the source writes it, without its punctuation: '12', 'III', '(a)', '一'. */
  label: string;
  level: MarkerLevel;
  /** The text after the number, trimmed; '' when the paragraph is the number alone. */
  rest: string;
}

interface MarkerPattern {
  pattern: RegExp;
  level: MarkerLevel;
  label: (match: RegExpExecArray) => string;
}

const digit = '[0-9\\uFF10-\\uFF19\\u0660-\\u0669\\u06F0-\\u06F9]';
const romanNumeral = '(?=[IVXLC])M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})';
const hanNumeral = '[一二三四五六七八九十百零〇]{1,4}';
// A marker ends at a space or at the end of the text, so "12.5 per cent" and "U.S." are not numbers.
const end = '(?=\\s|$)';

const markerPatterns: readonly MarkerPattern[] = [
  { pattern: new RegExp(`^(${digit}{1,3}(?:\\.${digit}{1,3})*)[.)\\uFF0E\\uFF09]${end}`, 'u'), level: 'paragraph', label: (match) => match[1]! },
  // Arabic documents often write "1 - text".
  { pattern: new RegExp(`^(${digit}{1,3})\\s+[-\\u2013]${end}`, 'u'), level: 'paragraph', label: (match) => match[1]! },
  { pattern: new RegExp(`^\\(([a-z]{1,2}|[ivxl]{1,5})\\)${end}`, 'u'), level: 'item', label: (match) => `(${match[1]!})` },
  { pattern: new RegExp(`^([a-z])\\)${end}`, 'u'), level: 'item', label: (match) => `(${match[1]!})` },
  { pattern: new RegExp(`^\\(([\\u0621-\\u064A])\\)${end}`, 'u'), level: 'item', label: (match) => `(${match[1]!})` },
  { pattern: new RegExp(`^(${romanNumeral})[.)]${end}`, 'u'), level: 'section', label: (match) => match[1]! },
  { pattern: new RegExp(`^([A-Z])[.)]${end}`, 'u'), level: 'section', label: (match) => match[1]! },
  { pattern: new RegExp(`^(${hanNumeral})[、.\\uFF0E]`, 'u'), level: 'section', label: (match) => match[1]! },
  { pattern: new RegExp(`^[(\\uFF08](${hanNumeral})[)\\uFF09]`, 'u'), level: 'section', label: (match) => `(${match[1]!})` },
];

/** The number at the start of `text` (already trimmed), or null when it has none. */
export function readParagraphMarker(text: string): ParagraphMarker | null {
  for (const { pattern, level, label } of markerPatterns) {
    const match = pattern.exec(text);
    if (match !== null) return { label: label(match), level, rest: text.slice(match[0].length).trim() };
  }
  return null;
}

/**
 * Gives lettered items the number of the paragraph they belong to, as UN documents cite them
 * ("paragraph 12 (a)"): feed it the markers in document order.
 */
export class ParagraphNumbering {
  private currentParagraph: string | null = null;

  /** The full number of a marker, in the context of the markers seen before it. */
  numberOf(marker: ParagraphMarker): string {
    if (marker.level === 'paragraph') this.currentParagraph = marker.label;
    if (marker.level === 'section') this.currentParagraph = null;
    if (marker.level === 'item' && this.currentParagraph !== null) return `${this.currentParagraph} ${marker.label}`;
    return marker.label;
  }

  /** A heading without a number ends the current paragraph's lettered items. */
  resetAtHeading(): void {
    this.currentParagraph = null;
  }
}
