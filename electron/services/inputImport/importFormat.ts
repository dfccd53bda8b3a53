// The format of a file from its extension, checked against its first bytes (%PDF for PDF, a zip
// for .docx; neither in a text file).
import { extname } from 'node:path';
import { rejectedInput, type ImportFormat } from './importJob';

const formatsByExtension: Readonly<Record<string, ImportFormat>> = {
  '.txt': 'txt', '.text': 'txt', '.md': 'md', '.markdown': 'md', '.html': 'html', '.htm': 'html', '.xhtml': 'html',
  '.docx': 'docx', '.pdf': 'pdf',
};

const zipSignature = [0x50, 0x4b, 0x03, 0x04];
const emptyZipSignature = [0x50, 0x4b, 0x05, 0x06];
const compoundFileSignature = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((value, index) => bytes[index] === value);
}

function holdsPdfSignature(bytes: Uint8Array): boolean {
  return new TextDecoder('latin1').decode(bytes.subarray(0, 1024)).includes('%PDF-');
}

/** The format a file name's extension stands for; rejects unknown extensions. */
export function formatFromFileName(displayName: string): ImportFormat {
  const extension = extname(displayName).toLowerCase();
  const format = formatsByExtension[extension];
  if (format !== undefined) return format;
  if (extension === '.doc') throw rejectedInput(displayName, 'old Word .doc files are not supported; save it as .docx and import it again');
  const named = extension === '' ? 'a file without an extension' : `'${extension}' files`;
  throw rejectedInput(displayName, `${named} cannot be imported (use .txt, .md, .html, .htm, .docx or .pdf)`);
}

/** Rejects a file whose first bytes contradict its extension. */
export function checkSignature(bytes: Uint8Array, format: ImportFormat, displayName: string): void {
  if (format === 'pdf' && !holdsPdfSignature(bytes)) throw rejectedInput(displayName, 'this is not a PDF file (it does not start with %PDF)');
  if (format === 'docx' && startsWith(bytes, compoundFileSignature)) {
    throw rejectedInput(displayName, 'this is an encrypted (password-protected) Word document or an old .doc file; save it as .docx without a password');
  }
  if (format === 'docx' && startsWith(bytes, emptyZipSignature)) throw rejectedInput(displayName, 'the Word document is an empty zip archive');
  if (format === 'docx' && !startsWith(bytes, zipSignature)) throw rejectedInput(displayName, 'this is not a valid Word document (.docx files are zip archives)');
  if (format === 'pdf' || format === 'docx') return;
  if (startsWith(bytes, zipSignature)) throw rejectedInput(displayName, 'this is a binary file (a zip or Office document), not text');
  if (bytes[0] === 0x25 && holdsPdfSignature(bytes.subarray(0, 8))) throw rejectedInput(displayName, 'this is a binary file (a PDF), not text; import it with a .pdf name');
}
