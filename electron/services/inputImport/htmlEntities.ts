// Decodes HTML character references: numeric ones, the XML five, typography, and the Latin-1 set
// (French and Spanish pages written with &eacute; and the like). Unknown names are left as written.

// The HTML 4 Latin-1 entities, in code point order from U+00A0.
const latin1Names = (
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn ' +
  'sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave ' +
  'Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ' +
  'ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN ' +
  'szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute ' +
  'icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml ' +
  'yacute thorn yuml'
).split(' ');

const namedEntities: ReadonlyMap<string, string> = new Map<string, string>([
  ['amp', '&'], ['lt', '<'], ['gt', '>'], ['quot', '"'], ['apos', "'"],
  ['ndash', '\u2013'], ['mdash', '\u2014'], ['hellip', '\u2026'], ['lsquo', '\u2018'], ['rsquo', '\u2019'],
  ['sbquo', '\u201A'], ['ldquo', '\u201C'], ['rdquo', '\u201D'], ['bdquo', '\u201E'], ['bull', '\u2022'],
  ['euro', '\u20AC'], ['trade', '\u2122'], ['OElig', '\u0152'], ['oelig', '\u0153'], ['thinsp', '\u2009'],
  ['ensp', '\u2002'], ['emsp', '\u2003'], ['zwnj', '\u200C'], ['zwj', '\u200D'], ['lrm', '\u200E'], ['rlm', '\u200F'],
  ...latin1Names.map((name, index): [string, string] => [name, String.fromCodePoint(0xa0 + index)]),
]);

function fromCodePoint(codePoint: number): string {
  const valid = codePoint > 0 && codePoint <= 0x10ffff && !(codePoint >= 0xd800 && codePoint <= 0xdfff);
  return valid ? String.fromCodePoint(codePoint) : '\uFFFD';
}

/** `text` with its character references (`&amp;`, `&#233;`, `&#xE9;`, `&eacute;`) decoded. */
export function decodeHtmlEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z][a-zA-Z0-9]{1,31}));?/g, (whole, decimal?: string, hexadecimal?: string, name?: string) => {
    if (decimal !== undefined) return fromCodePoint(Number.parseInt(decimal, 10));
    if (hexadecimal !== undefined) return fromCodePoint(Number.parseInt(hexadecimal, 16));
    return (whole.endsWith(';') ? namedEntities.get(name!) : undefined) ?? whole;
  });
}
