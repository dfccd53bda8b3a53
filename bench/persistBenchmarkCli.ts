import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runPersistBenchmark } from './persistBenchmark';

/**
 * Runs the persistence benchmark alone and prints its measurements as JSON:
 * `npx tsx bench/persistBenchmarkCli.ts [--quick] [--directory <dir>]`.
 */
async function main(argv: readonly string[]): Promise<void> {
  const quick = argv.includes('--quick');
  const directoryIndex = argv.indexOf('--directory');
  const given = directoryIndex >= 0 ? argv[directoryIndex + 1] : undefined;
  const directory = given ?? mkdtempSync(join(tmpdir(), 'zerodraft-persist-'));
  try {
    const measurements = await runPersistBenchmark({ quick, directory, log: (line) => console.error(line) });
    console.log(JSON.stringify(measurements, null, 2));
  } finally {
    if (given === undefined) rmSync(directory, { recursive: true, force: true });
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
