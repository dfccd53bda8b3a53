// Parses one import job into title, language and passages. Plain async functions with no thread
// of their own: importWorker runs them in a worker thread, runInWorker in-process when no worker
// can be started. Long steps (zip entries, PDF pages) yield to the event loop and check the signal.
import { ZeroDraftError } from '../../../shared/api/errors';
import { docxToBlocks } from './docxText';
import { guessLanguage } from './guessLanguage';
import { htmlToBlocks } from './htmlBlocks';
import { rejectedInput, throwIfAborted, yieldToEventLoop, type ParseJob, type ParsedInput, type ProgressReporter } from './importJob';
import { markdownToBlocks } from './markdownBlocks';
import { pdfToBlocks } from './pdfText';
import { chooseTitle, paragraphsAtBlankLines, splitPassages, type SourceBlock } from './splitPassages';
import { declaredHtmlCharset, decodeTextFile } from './textDecoding';

const languageSampleLength = 200_000;

/** A reporter for a sub-range [from, to] of the overall progress. */
function progressRange(reportProgress: ProgressReporter, from: number, to: number): ProgressReporter {
  return (fraction, stage) => reportProgress(from + (to - from) * Math.min(1, Math.max(0, fraction)), stage);
}

async function readBlocks(job: ParseJob, reportProgress: ProgressReporter, afterStep: () => Promise<void>): Promise<SourceBlock[]> {
  switch (job.format) {
    case 'txt':
    case 'text':
      return paragraphsAtBlankLines(decodeTextFile(job.bytes, job.displayName));
    case 'md':
      return markdownToBlocks(decodeTextFile(job.bytes, job.displayName));
    case 'html':
      return htmlToBlocks(decodeTextFile(job.bytes, job.displayName, declaredHtmlCharset(job.bytes)));
    case 'docx':
      return docxToBlocks(job.bytes, job.displayName, afterStep);
    case 'pdf':
      return pdfToBlocks(job.bytes, job.displayName, reportProgress, afterStep);
  }
}

function languageSample(texts: readonly string[]): string {
  let sample = '';
  for (const text of texts) {
    if (sample.length >= languageSampleLength) break;
    sample += `${text}\n`;
  }
  return sample;
}

/**
 * Parses a job: decodes and checks the content, finds the blocks, splits them into passages,
 * chooses a title and guesses the language. Throws `invalid-argument` (naming the file) for input
 * it will not read, and the signal's reason when cancelled.
 */
export async function parseInput(job: ParseJob, reportProgress: ProgressReporter, signal?: AbortSignal): Promise<ParsedInput> {
  try {
    return await parseBlocksAndPassages(job, reportProgress, signal);
  } catch (error) {
    if (error instanceof ZeroDraftError || signal?.aborted === true) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    throw new ZeroDraftError('internal', `${job.displayName}: the file could not be parsed (${detail})`, job.displayName);
  }
}

async function parseBlocksAndPassages(job: ParseJob, reportProgress: ProgressReporter, signal: AbortSignal | undefined): Promise<ParsedInput> {
  const afterStep = async (): Promise<void> => {
    await yieldToEventLoop();
    throwIfAborted(signal);
  };
  reportProgress(0.1, 'reading');
  const blocks = await readBlocks(job, progressRange(reportProgress, 0.1, 0.85), afterStep);
  await afterStep();
  reportProgress(0.9, 'splitting');
  const passages = splitPassages(blocks);
  if (passages.length === 0) throw rejectedInput(job.displayName, 'there is no text to import');
  const title = chooseTitle(blocks) ?? job.fallbackTitle;
  const language = guessLanguage(languageSample(passages.map((passage) => passage.text)));
  reportProgress(1, 'done');
  return { title, language, passages };
}
