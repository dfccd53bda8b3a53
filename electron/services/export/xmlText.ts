// Text for XML content and attribute values, shared by the Word and Akoma Ntoso writers.

// Characters XML 1.0 forbids (C0 controls but tab, line feed and carriage return; U+FFFE, U+FFFF).
// eslint-disable-next-line no-control-regex -- control characters are exactly what XML 1.0 forbids
const forbidden = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/gu;
// eslint-disable-next-line no-control-regex -- as above, plus the characters that need escaping
const needsWork = /[&<>"'\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/u;

/** Escapes text for XML content and attributes; drops characters XML 1.0 forbids. */
export function xmlText(text: string): string {
  // Most runs need no escaping: one test instead of six replacements.
  if (!needsWork.test(text)) return text;
  return text.replace(forbidden, '')
    .replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;').replace(/'/gu, '&apos;');
}
