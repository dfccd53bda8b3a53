// Fonts for PDF export, found on the system: a serif for Latin, Greek and Cyrillic text (Noto
// Serif, else other Times-like serifs), a CJK font and an Arabic font. A text that needs a font
// the system lacks fails with a clear error rather than producing a PDF of empty boxes.
import { existsSync } from 'node:fs';
import { ZeroDraftError } from '../../../shared/api/errors';
import type { Script } from './scriptRuns';

/** One font file; `family` names the face inside a collection (.ttc). */
export interface FontFile { path: string; family?: string }

/** The font files of each script and style export uses. */
export interface PdfFonts {
  latin: { regular: FontFile; bold: FontFile; italic: FontFile; boldItalic: FontFile };
  cjk: FontFile | null;
  arabic: { regular: FontFile; bold: FontFile } | null;
}

const notoTrueType = '/usr/share/fonts/truetype/noto';
const notoOpenType = '/usr/share/fonts/opentype/noto';
const windowsFonts = 'C:\\Windows\\Fonts';

/** Latin serif families: regular, bold, italic, bold italic files, in order of preference. */
const latinCandidates: readonly [string, string, string, string][] = [
  [`${notoTrueType}/NotoSerif-Regular.ttf`, `${notoTrueType}/NotoSerif-Bold.ttf`, `${notoTrueType}/NotoSerif-Italic.ttf`, `${notoTrueType}/NotoSerif-BoldItalic.ttf`],
  ['/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf', '/usr/share/fonts/truetype/liberation/LiberationSerif-Bold.ttf',
    '/usr/share/fonts/truetype/liberation/LiberationSerif-Italic.ttf', '/usr/share/fonts/truetype/liberation/LiberationSerif-BoldItalic.ttf'],
  ['/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf',
    '/usr/share/fonts/truetype/dejavu/DejaVuSerif-Italic.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSerif-BoldItalic.ttf'],
  [`${windowsFonts}\\times.ttf`, `${windowsFonts}\\timesbd.ttf`, `${windowsFonts}\\timesi.ttf`, `${windowsFonts}\\timesbi.ttf`],
  ['/System/Library/Fonts/Supplemental/Times New Roman.ttf', '/System/Library/Fonts/Supplemental/Times New Roman Bold.ttf',
    '/System/Library/Fonts/Supplemental/Times New Roman Italic.ttf', '/System/Library/Fonts/Supplemental/Times New Roman Bold Italic.ttf'],
];

const cjkCandidates: readonly FontFile[] = [
  { path: `${notoOpenType}/NotoSerifCJK-Regular.ttc`, family: 'NotoSerifCJKsc-Regular' },
  { path: `${notoOpenType}/NotoSansCJK-Regular.ttc`, family: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', family: 'WenQuanYiZenHei' },
  { path: `${windowsFonts}\\simsun.ttc`, family: 'SimSun' },
  { path: '/System/Library/Fonts/Supplemental/Songti.ttc', family: 'STSongti-SC-Regular' },
];

const arabicCandidates: readonly [string, string][] = [
  [`${notoTrueType}/NotoNaskhArabic-Regular.ttf`, `${notoTrueType}/NotoNaskhArabic-Bold.ttf`],
  [`${notoTrueType}/NotoSansArabic-Regular.ttf`, `${notoTrueType}/NotoSansArabic-Bold.ttf`],
  [`${windowsFonts}\\times.ttf`, `${windowsFonts}\\timesbd.ttf`],
];

const scriptNames: Record<Script, string> = { latin: 'Latin', cjk: 'Chinese, Japanese or Korean', arabic: 'Arabic' };

function missingFont(script: Script, looked: readonly string[]): ZeroDraftError {
  return new ZeroDraftError('not-found', `No font for ${scriptNames[script]} text was found, so the PDF was not written `
    + `(looked for ${looked.join(', ')}). Install the Noto fonts (for example fonts-noto-core and fonts-noto-cjk) and export again.`);
}

function firstExisting<T>(candidates: readonly T[], path: (candidate: T) => string): T | null {
  return candidates.find((candidate) => existsSync(path(candidate))) ?? null;
}

/**
 * The fonts for a text that uses `scripts`, found on the system; throws `not-found` naming the
 * script when one of them has no font. Fonts of scripts the text does not use may be null.
 */
export function findPdfFonts(scripts: ReadonlySet<Script>, candidates = { latin: latinCandidates, cjk: cjkCandidates, arabic: arabicCandidates }): PdfFonts {
  const latin = firstExisting(candidates.latin, (files) => files[0]);
  if (!latin) throw missingFont('latin', candidates.latin.map((files) => files[0]));
  const file = (path: string): FontFile => ({ path: existsSync(path) ? path : latin[0] });
  const cjk = firstExisting(candidates.cjk, (font) => font.path);
  if (!cjk && scripts.has('cjk')) throw missingFont('cjk', candidates.cjk.map((font) => font.path));
  const arabic = firstExisting(candidates.arabic, (files) => files[0]);
  if (!arabic && scripts.has('arabic')) throw missingFont('arabic', candidates.arabic.map((files) => files[0]));
  return {
    latin: { regular: file(latin[0]), bold: file(latin[1]), italic: file(latin[2]), boldItalic: file(latin[3]) },
    cjk,
    arabic: arabic ? { regular: file(arabic[0]), bold: { path: existsSync(arabic[1]) ? arabic[1] : arabic[0] } } : null,
  };
}
