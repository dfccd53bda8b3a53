// Reads the text of a .docx with mammoth, after docxZip has checked the zip. mammoth gets the bytes
// (never a path), external file access off, and an image converter that never reads an image, so
// nothing outside the document is opened, even through a relationship with TargetMode="External".
import mammoth from 'mammoth';
import { inspectDocxZip } from './docxZip';
import { htmlToBlocks } from './htmlBlocks';
import { rejectedInput } from './importJob';
import type { SourceBlock } from './splitPassages';

// Images are dropped: the converter answers without calling image.read().
const ignoreImages = mammoth.images.imgElement(() => Promise.resolve({ src: '' }));

/** The blocks of a .docx: one per paragraph, heading, list item and table cell. */
export async function docxToBlocks(bytes: Uint8Array, displayName: string, afterStep: () => Promise<void>): Promise<SourceBlock[]> {
  await inspectDocxZip(bytes, displayName, afterStep);
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      { externalFileAccess: false, convertImage: ignoreImages, ignoreEmptyParagraphs: true },
    );
    html = result.value;
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw rejectedInput(displayName, `this is not a readable Word document (${detail})`);
  }
  return htmlToBlocks(html);
}
