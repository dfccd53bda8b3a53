// Real converters for export tests: LibreOffice headless (DOCX to text and to flat ODF XML) and
// poppler's pdftotext. A missing converter fails the test that needs it (never skips it).
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Throws, naming the Debian package, when a converter is not installed. */
export async function requireConverter(command: 'soffice' | 'pdftotext'): Promise<void> {
  const found = await run('sh', ['-c', `command -v ${command}`]).then(() => true, () => false);
  if (!found) {
    const hint = command === 'soffice' ? 'libreoffice-writer-nogui' : 'poppler-utils';
    throw new Error(`${command} is not installed: the export tests need it (install ${hint}).`);
  }
}

/**
 * Converts documents with LibreOffice in one run (a fresh user profile each time, so parallel
 * runs never share one), returning the converted files' text by input path. `target` is a
 * LibreOffice filter: 'txt:Text (encoded):UTF8' or 'fodt'.
 */
export async function convertWithLibreOffice(files: readonly string[], target: string, outputFolder: string): Promise<Map<string, string>> {
  const profile = mkdtempSync(join(tmpdir(), 'zd-lo-profile-'));
  try {
    await run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', target, '--outdir', outputFolder, ...files], { timeout: 180_000 });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const extension = target.split(':')[0] as string;
  const converted = new Map<string, string>();
  for (const file of files) {
    const output = join(outputFolder, basename(file).replace(/\.[^.]+$/u, `.${extension}`));
    if (!existsSync(output)) throw new Error(`LibreOffice did not convert ${file} to ${extension}`);
    converted.set(file, readFileSync(output, 'utf8').replace(/^\uFEFF/u, ''));
  }
  return converted;
}

/** The text of a PDF by pdftotext, with the page layout kept (`-layout`). */
export async function pdfText(file: string): Promise<string> {
  const { stdout } = await run('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

/** Text with runs of white space made single spaces (wrapped lines joined). */
export function flattened(text: string): string {
  return text.replace(/\s+/gu, ' ');
}
