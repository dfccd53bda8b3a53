import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ZeroDraftError } from '../../shared/api/errors';
import { textStatistics } from '../../shared/schema/plainText';
import { negotiationText } from '../services/negotiationReader';
import { createWorkspace } from '../services/sampleWorkspace';
import { withExtension } from '../services/serviceCore';
import { commandCoverage, commandImport, commandLink, commandLinks, commandSearch } from './inputsCommands';
import { commandProposals, commandText } from './proposalsCommands';
import { WorkspaceDocument } from '../services/workspaceDocument';

const usage = `Usage: zerodraft <command> [options]

Commands:
  new <file> [--sample]     Create a workspace (empty, or the built-in sample negotiation)
  info <file> [--json]      Counts of sections, objectives, paragraphs, words; schema version
  text <file> [--view clean|compilation|as-accepted] [--delegation X]
                            The numbered plain text, one paragraph per line ("12. ...", "(a) ...");
                            --view clean: the agreed text; as-accepted: as if every open proposal
                            were accepted; compilation: every proposal inline, **added** ~~deleted~~
                            (EU; supported by ...), with --delegation only that delegation's
  proposals <file> [--json] [--delegation X] [--status pending|accepted|rejected|withdrawn|merged|conflict]
                            The member-state proposals: paragraph, kind, proposers, words,
                            supporters, opponents, status
  import <file> <input> --kind <kind> [--event <event>] [--language <code>]
                            Import a .txt, .md, .html, .docx or .pdf into the inputs library
  search <file> "<query>" [--json] [--kind K] [--event E] [--language L]
                            Search the library (source, passage number, snippet, score)
  link <file> --paragraph <number> --passage <id> [--link-kind draws-on|responds-to|departs-from] [--note "..."]
  links <file> --paragraph <number> [--json]
                            The inputs linked to a paragraph
  coverage <file> [--json]  How much of each source the draft reflects; paragraphs without inputs
  serve [--port N]          Serve the app to a browser on this machine (same as npm run serve)
`;

/** Output streams, so tests can run commands in-process. */
export interface CliOutput { out: (text: string) => void; error: (text: string) => void }

function withWorkspace<T>(file: string, action: (document: WorkspaceDocument) => T): T {
  const document = WorkspaceDocument.open(resolve(file));
  try {
    return action(document);
  } finally {
    document.close();
  }
}

function commandNew(file: string, sample: boolean, output: CliOutput): void {
  const path = withExtension(resolve(file));
  const document = createWorkspace(path, sample);
  const statistics = textStatistics(negotiationText(document.doc));
  document.close();
  output.out(`Created ${path} (${sample ? 'sample negotiation' : 'empty negotiation'}, ${statistics.paragraphs} paragraphs)\n`);
}

function commandInfo(file: string, json: boolean, output: CliOutput): void {
  withWorkspace(file, (document) => {
    const statistics = textStatistics(negotiationText(document.doc));
    const info = { file: document.file.path, schemaVersion: document.file.schemaVersion, storedUpdates: document.updateCount, ...statistics };
    if (json) {
      output.out(`${JSON.stringify(info, null, 2)}\n`);
      return;
    }
    output.out([
      `File:           ${info.file}`, `Schema version: ${info.schemaVersion}`, `Sections:       ${info.sections}`,
      `Objectives:     ${info.objectives}`, `Paragraphs:     ${info.paragraphs}`, `Sub-paragraphs: ${info.subparagraphs}`,
      `Words:          ${info.words}`, `Characters:     ${info.characters}`, `Stored updates: ${info.storedUpdates}`,
    ].join('\n') + '\n');
  });
}

/** Runs one command line; returns the exit code. */
export async function runCli(argv: string[], output: CliOutput): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true,
    options: {
      sample: { type: 'boolean', default: false }, json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false },
      port: { type: 'string' }, host: { type: 'string' }, data: { type: 'string' },
      kind: { type: 'string' }, event: { type: 'string' }, language: { type: 'string' }, paragraph: { type: 'string' },
      passage: { type: 'string' }, note: { type: 'string' }, 'link-kind': { type: 'string' },
      delegation: { type: 'string' }, status: { type: 'string' }, view: { type: 'string' },
    },
  });
  const [command, file, argument] = positionals;
  const inputsOptions = { ...values, linkKind: values['link-kind'] };
  if (values.help || command === undefined) {
    output.out(usage);
    return command === undefined && !values.help ? 2 : 0;
  }
  if (command === 'serve') {
    process.argv = [process.argv[0]!, process.argv[1]!, ...argv.slice(1)];
    await import('../serve/serveMain');
    return -1;
  }
  if (file === undefined) throw new ZeroDraftError('invalid-argument', `"${command}" needs a workspace file.\n\n${usage}`);
  switch (command) {
    case 'new': commandNew(file, values.sample, output); return 0;
    case 'info': commandInfo(file, values.json, output); return 0;
    case 'text': withWorkspace(file, (document) => commandText(document, values, output)); return 0;
    case 'proposals': withWorkspace(file, (document) => commandProposals(document, values, output)); return 0;
    case 'import': {
      if (argument === undefined) throw new ZeroDraftError('invalid-argument', '"import" needs the file to import after the workspace.');
      const document = WorkspaceDocument.open(resolve(file));
      try {
        await commandImport(document, argument, inputsOptions, output);
      } finally {
        document.close();
      }
      return 0;
    }
    case 'search':
      if (argument === undefined) throw new ZeroDraftError('invalid-argument', '"search" needs a query after the workspace.');
      withWorkspace(file, (document) => commandSearch(document, argument, inputsOptions, output)); return 0;
    case 'link': withWorkspace(file, (document) => commandLink(document, inputsOptions, output)); return 0;
    case 'links': withWorkspace(file, (document) => commandLinks(document, inputsOptions, output)); return 0;
    case 'coverage': withWorkspace(file, (document) => commandCoverage(document, inputsOptions, output)); return 0;
    default: throw new ZeroDraftError('invalid-argument', `Unknown command "${command}".\n\n${usage}`);
  }
}

const standardOutput: CliOutput = { out: (text) => process.stdout.write(text), error: (text) => process.stderr.write(text) };

/** Entry point of the `zerodraft` command. */
export async function main(argv: string[]): Promise<void> {
  try {
    const code = await runCli(argv, standardOutput);
    if (code >= 0) process.exitCode = code;
  } catch (error) {
    standardOutput.error(`zerodraft: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = error instanceof ZeroDraftError && error.code === 'invalid-argument' ? 2 : 1;
  }
}
