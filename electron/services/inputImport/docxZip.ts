// Checks a .docx (a zip) before mammoth sees it: reads the zip's central directory itself, rejects
// zip bombs (too many entries, too much uncompressed data, extreme compression ratios, sizes that
// lie), encrypted or unknown compression, and any part that declares a DOCTYPE or an ENTITY (XML
// entity expansion). Every entry is inflated here with an output limit, so mammoth's own inflating
// afterwards stays within the checked sizes.
import { inflateRawSync } from 'node:zlib';
import { rejectedInput } from './importJob';

/** Limits on the zip inside a .docx. */
export const docxLimits = {
  maximumEntries: 5_000,
  maximumTotalUncompressedBytes: 200 * 1024 * 1024,
  /** An entry at least this large must not be compressed more than `maximumCompressionRatio`. */
  largeEntryBytes: 4 * 1024 * 1024,
  maximumCompressionRatio: 100,
} as const;

/** One entry of a zip's central directory. */
export interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const endOfDirectorySignature = 0x06054b50;
const directoryEntrySignature = 0x02014b50;
const localHeaderSignature = 0x04034b50;
const storedMethod = 0;
const deflateMethod = 8;

function readEndOfDirectory(view: DataView, damaged: () => Error): { entryCount: number; directoryOffset: number; directorySize: number } {
  const lowest = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let offset = view.byteLength - 22; offset >= lowest; offset -= 1) {
    if (view.getUint32(offset, true) !== endOfDirectorySignature) continue;
    const entryCount = view.getUint16(offset + 10, true);
    const directorySize = view.getUint32(offset + 12, true);
    const directoryOffset = view.getUint32(offset + 16, true);
    if (directoryOffset + directorySize > offset) throw damaged();
    return { entryCount, directoryOffset, directorySize };
  }
  throw damaged();
}

/** The entries of a zip's central directory; throws `invalid-argument` when it is not a sound zip. */
export function readZipDirectory(bytes: Uint8Array, displayName: string): ZipEntry[] {
  const damaged = (): Error => rejectedInput(displayName, 'this is not a valid Word document (the zip structure is damaged or truncated)');
  if (bytes.byteLength < 22) throw damaged();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { entryCount, directoryOffset, directorySize } = readEndOfDirectory(view, damaged);
  if (entryCount === 0xffff || directoryOffset === 0xffffffff) throw rejectedInput(displayName, 'ZIP64 archives are not supported in a Word document');
  if (entryCount > docxLimits.maximumEntries) throw rejectedInput(displayName, `the Word document holds too many parts (${entryCount}, at most ${docxLimits.maximumEntries}); it may be a zip bomb`);
  const entries: ZipEntry[] = [];
  let offset = directoryOffset;
  const directoryEnd = directoryOffset + directorySize;
  for (let index = 0; index < entryCount; index += 1) {
    if (offset + 46 > directoryEnd || view.getUint32(offset, true) !== directoryEntrySignature) throw damaged();
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    if (offset + 46 + nameLength > directoryEnd) throw damaged();
    entries.push({
      name: new TextDecoder('utf-8').decode(bytes.subarray(offset + 46, offset + 46 + nameLength)),
      flags: view.getUint16(offset + 8, true),
      method: view.getUint16(offset + 10, true),
      compressedSize: view.getUint32(offset + 20, true),
      uncompressedSize: view.getUint32(offset + 24, true),
      localHeaderOffset: view.getUint32(offset + 42, true),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function checkDeclaredSizes(entries: readonly ZipEntry[], displayName: string): void {
  const bomb = (detail: string): Error => rejectedInput(displayName, `${detail}; it looks like a zip bomb and was not opened`);
  let total = 0;
  for (const entry of entries) {
    if ((entry.flags & 0x1) !== 0) throw rejectedInput(displayName, 'the Word document is encrypted (password-protected); remove the password and import it again');
    if (entry.method !== storedMethod && entry.method !== deflateMethod) throw rejectedInput(displayName, `the part ${entry.name} uses an unsupported compression method (${entry.method})`);
    total += entry.uncompressedSize;
  }
  if (total > docxLimits.maximumTotalUncompressedBytes) throw bomb('the Word document would unpack to more than 200 MB');
  for (const entry of entries) {
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize >= docxLimits.largeEntryBytes && ratio > docxLimits.maximumCompressionRatio) {
      throw bomb(`the part ${entry.name} is compressed ${Math.round(ratio)}:1 (at most ${docxLimits.maximumCompressionRatio}:1 is accepted)`);
    }
  }
}

/** The entry's bytes, inflated with an output limit of its declared size. */
function entryContent(bytes: Uint8Array, entry: ZipEntry, displayName: string): Buffer {
  const damaged = (): Error => rejectedInput(displayName, `the part ${entry.name} is damaged, or its sizes are not what the zip declares (zip bomb?)`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const header = entry.localHeaderOffset;
  if (header + 30 > bytes.byteLength || view.getUint32(header, true) !== localHeaderSignature) throw damaged();
  const dataStart = header + 30 + view.getUint16(header + 26, true) + view.getUint16(header + 28, true);
  const dataEnd = dataStart + entry.compressedSize;
  if (dataEnd > bytes.byteLength) throw damaged();
  const compressed = bytes.subarray(dataStart, dataEnd);
  let content: Buffer;
  try {
    content = entry.method === storedMethod
      ? Buffer.from(compressed.buffer, compressed.byteOffset, compressed.byteLength)
      : inflateRawSync(compressed, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
  } catch {
    throw damaged();
  }
  if (content.byteLength !== entry.uncompressedSize) throw damaged();
  return content;
}

const declarationKeywords = ['doctype', 'entity'];
// '<!' in UTF-8, UTF-16 LE and UTF-16 BE.
const declarationOpenings = [Buffer.from([0x3c, 0x21]), Buffer.from([0x3c, 0x00, 0x21, 0x00]), Buffer.from([0x00, 0x3c, 0x00, 0x21])];

function matchesKeyword(content: Buffer, start: number, step: number, keyword: string): boolean {
  for (let index = 0; index < keyword.length; index += 1) {
    const code = content[start + index * step];
    if (code === undefined || (code | 0x20) !== keyword.charCodeAt(index)) return false;
  }
  return true;
}

/** True when `content` holds `<!DOCTYPE` or `<!ENTITY` (any case; UTF-8 or UTF-16). */
export function containsXmlDeclaration(content: Buffer): boolean {
  for (const [variant, opening] of declarationOpenings.entries()) {
    const step = variant === 0 ? 1 : 2;
    const firstLetter = variant === 2 ? opening.length + 1 : opening.length;
    for (let found = content.indexOf(opening); found !== -1; found = content.indexOf(opening, found + 1)) {
      if (declarationKeywords.some((keyword) => matchesKeyword(content, found + firstLetter, step, keyword))) return true;
    }
  }
  return false;
}

/**
 * Checks a .docx before it is parsed; throws `invalid-argument` naming the file and the problem.
 * `afterEntry` is called after each inflated entry (to yield to the event loop in-process).
 */
export async function inspectDocxZip(bytes: Uint8Array, displayName: string, afterEntry: () => Promise<void>): Promise<void> {
  const entries = readZipDirectory(bytes, displayName);
  checkDeclaredSizes(entries, displayName);
  for (const entry of entries) {
    if (entry.name.endsWith('/') && entry.uncompressedSize === 0) continue;
    if (containsXmlDeclaration(entryContent(bytes, entry, displayName))) {
      throw rejectedInput(displayName, `the part ${entry.name} declares a DOCTYPE or ENTITY (XML entity expansion is not allowed in a Word document)`);
    }
    await afterEntry();
  }
}
