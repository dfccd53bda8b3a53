// Splits text into runs of one script, so that PDF export can pick a font per run (Latin serif,
// CJK, Arabic) and Word export can mark right-to-left runs.

/** The scripts export picks fonts for. */
export type Script = 'latin' | 'cjk' | 'arabic';

/** A stretch of text in one script. */
export interface ScriptRun { text: string; script: Script }

const cjkPattern = /[\u2e80-\u2fdf\u3000-\u303f\u3040-\u30ff\u3100-\u312f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/u;
const arabicPattern = /[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]/u;
// Spaces, digits and common punctuation read in the script around them.
const neutralPattern = /[\s\d.,;:!?()[\]"'’‘“”«»\-–—/%]/u;

function scriptOf(character: string): Script | null {
  if (cjkPattern.test(character)) return 'cjk';
  if (arabicPattern.test(character)) return 'arabic';
  if (neutralPattern.test(character)) return null;
  return 'latin';
}

/**
 * The text as runs of one script. Neutral characters (spaces, digits, punctuation) join the run
 * before them, or the first run when they lead; text of neutral characters only is Latin.
 */
export function scriptRuns(text: string): ScriptRun[] {
  if (!cjkPattern.test(text) && !arabicPattern.test(text)) return text === '' ? [] : [{ text, script: 'latin' }];
  const runs: ScriptRun[] = [];
  let pending = '';
  for (const character of text) {
    const script = scriptOf(character);
    const last = runs[runs.length - 1];
    if (script === null) {
      if (last) last.text += character;
      else pending += character;
    } else if (last && last.script === script) {
      last.text += character;
    } else {
      runs.push({ text: pending + character, script });
      pending = '';
    }
  }
  if (pending !== '') runs.push({ text: pending, script: 'latin' });
  return runs;
}

/** Whether the text holds Arabic letters. */
export function hasArabic(text: string): boolean {
  return arabicPattern.test(text);
}

/** Whether most letters of the text are Arabic (the paragraph then reads right to left). */
export function isMostlyArabic(text: string): boolean {
  if (!arabicPattern.test(text)) return false;
  let arabic = 0;
  let other = 0;
  for (const character of text) {
    const script = scriptOf(character);
    if (script === 'arabic') arabic += 1;
    else if (script !== null) other += 1;
  }
  return arabic > other;
}
