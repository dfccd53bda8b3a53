import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ZeroDraftError } from '../../shared/api/errors';
import { textStatistics } from '../../shared/schema/plainText';
import { negotiationText } from '../services/negotiationReader';
import { createWorkspace } from '../services/sampleWorkspace';
import { withExtension } from '../services/serviceCore';
import { commandCoverage, commandImport, commandLink, commandLinks, commandSearch } from './inputsCommands';
import { commandProposals, commandText } from './proposalsCommands';
import { commandExport, commandRevise, commandRevisions } from './revisionsCommands';
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
  revisions <file> [--json] The named revisions (Zero draft, Rev 1, ...), oldest first
  revise <file> --name "Rev 1" [--date YYYY-MM-DD] [--note "..."] [--close-round N]
                            Save the text as it stands as a named revision (closing round N:
                            the next round becomes current)
  export <file> --kind clean|compilation|comparison|proposals|akn --format docx|pdf|csv|xml
         [--revision <name>] [--against <name>] --out <path>
                            Write a document: the clean draft (docx, pdf), the compilation with
                            every pending proposal as a Word tracked change (docx, pdf), the
                            comparison with an earlier revision (docx, pdf), the proposals table
                            (docx, csv) or Akoma Ntoso (xml); the current text unless --revision
  serve [--port N]          Serve the app to a browser on this machine (same as npm run serve)
  sync-server --data <dir> [--host 127.0.0.1] [--port 1234] [--redis host:port]
                            Run the sync server (same as npm run sync-server); --help for more
  sync-server admin create-room|issue-token|revoke-token|list-tokens|list-rooms --data <dir> ...
                            Manage the sync server's rooms and invite tokens
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
  // The sync server has options of its own (and admin subcommands): parsed there.
  if (argv[0] === 'sync-server') return (await import('../sync/syncServerMain')).runSyncServerCommand(argv.slice(1), output);
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true,
    options: {
      sample: { type: 'boolean', default: false }, json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false },
      port: { type: 'string' }, host: { type: 'string' }, data: { type: 'string' },
      kind: { type: 'string' }, event: { type: 'string' }, language: { type: 'string' }, paragraph: { type: 'string' },
      passage: { type: 'string' }, note: { type: 'string' }, 'link-kind': { type: 'string' },
      delegation: { type: 'string' }, status: { type: 'string' }, view: { type: 'string' },
      name: { type: 'string' }, date: { type: 'string' }, 'close-round': { type: 'string' }, format: { type: 'string' },
      revision: { type: 'string' }, against: { type: 'string' }, out: { type: 'string' },
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
    case 'revisions': withWorkspace(file, (document) => commandRevisions(document, values, output)); return 0;
    case 'revise': withWorkspace(file, (document) => commandRevise(document, values, output)); return 0;
    case 'export': {
      const document = WorkspaceDocument.open(resolve(file));
      try {
        await commandExport(document, values, output);
      } finally {
        document.close();
      }
      return 0;
    }
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
