// The zip package of a Word document. The docx package writes the parts around the text
// (styles, settings, footer, fonts, content types) once per process; the text's own parts
// (document, its relationships, comments) replace theirs and everything is zipped with Node's
// zlib. The docx package zips in JavaScript (fflate), which took most of the time of a 300-page
// compilation; native deflate (through yazl) takes a fraction of it.
import { unzipSync } from 'fflate';
import { ZipFile } from 'yazl';

/** One file of a zip package. */
export interface PackageEntry { path: string; data: Buffer }

/** The entries of a zip file, in the order the package lists them. */
export function readZip(zip: Uint8Array): PackageEntry[] {
  return Object.entries(unzipSync(zip)).map(([path, data]) => ({ path, data: Buffer.from(data.buffer, data.byteOffset, data.byteLength) }));
}

/** 1 January 1980, the earliest time a zip can hold: the same input gives the same file. */
const packageTime = new Date(1980, 0, 1);

/**
 * A zip file of the entries, in order, each deflated by Node's zlib at level 1 (a third of the
 * time of the default level, for a file about a fifth larger).
 */
export function writeZip(entries: readonly PackageEntry[]): Promise<Buffer> {
  const zip = new ZipFile();
  for (const entry of entries) zip.addBuffer(entry.data, entry.path, { mtime: packageTime, compressionLevel: 1 });
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}

/** The package's entries with some replaced (by path) and the rest kept in order. */
export function replaceEntries(entries: readonly PackageEntry[], replacements: ReadonlyMap<string, string>): PackageEntry[] {
  const missing = [...replacements.keys()].filter((path) => !entries.some((entry) => entry.path === path));
  if (missing.length > 0) throw new Error(`the Word package has no ${missing.join(', ')}`);
  return entries.map((entry) => {
    const replacement = replacements.get(entry.path);
    return replacement === undefined ? entry : { path: entry.path, data: Buffer.from(replacement, 'utf8') };
  });
}
