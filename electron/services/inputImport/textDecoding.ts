// Decodes the bytes of a text file (txt, md, html): UTF-8 with or without BOM, UTF-16 LE/BE with
// BOM, or (html only) a charset its <meta> declares. Anything else is rejected as a binary file.
import { rejectedInput } from './importJob';

const utf8Bom = [0xef, 0xbb, 0xbf];
const utf16LittleEndianBom = [0xff, 0xfe];
const utf16BigEndianBom = [0xfe, 0xff];
// Text files may hold a few stray control characters (form feeds, old page breaks); binary files many.
const maximumControlCharacterShare = 0.001;

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((value, index) => bytes[index] === value);
}

function decodeStrictly(bytes: Uint8Array, encoding: string): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** The charset an HTML file declares in its first kilobytes (`<meta charset>` or http-equiv), if any. */
export function declaredHtmlCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const match = /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return match === null ? null : match[1]!.toLowerCase();
}

function decodeWithoutBom(bytes: Uint8Array, declaredCharset: string | null): string | null {
  if (bytes.includes(0)) return null;
  const utf8 = decodeStrictly(bytes, 'utf-8');
  if (utf8 !== null || declaredCharset === null || /^utf-?8$/.test(declaredCharset)) return utf8;
  try {
    return new TextDecoder(declaredCharset).decode(bytes);
  } catch {
    return null;
  }
}

function looksBinary(text: string): boolean {
  let controlCharacters = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 0) return true;
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c) || code === 0x7f) controlCharacters += 1;
  }
  return controlCharacters > Math.max(4, text.length * maximumControlCharacterShare);
}

/**
 * The text of a text file. Rejects (invalid-argument) a file with NUL bytes, one that is not valid
 * UTF-8 or UTF-16 (with BOM) text, and one full of control characters: a binary file.
 */
export function decodeTextFile(bytes: Uint8Array, displayName: string, declaredCharset: string | null = null): string {
  let text: string | null;
  if (startsWith(bytes, utf8Bom)) text = decodeStrictly(bytes.subarray(3), 'utf-8');
  else if (startsWith(bytes, utf16LittleEndianBom)) text = decodeStrictly(bytes.subarray(2), 'utf-16le');
  else if (startsWith(bytes, utf16BigEndianBom)) text = decodeStrictly(bytes.subarray(2), 'utf-16be');
  else text = decodeWithoutBom(bytes, declaredCharset);
  if (text === null || looksBinary(text)) {
    throw rejectedInput(displayName, 'this is a binary file, not UTF-8 or UTF-16 text; save it as plain text (UTF-8) and import it again');
  }
  return text;
}
