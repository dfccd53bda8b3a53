#!/usr/bin/env node
// The `zerodraft` command: runs the built command line (npm install builds it).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const built = fileURLToPath(new URL('../dist/node/cli.js', import.meta.url));
if (!existsSync(built)) {
  console.error('zerodraft: the command line is not built yet. Run `npm install` (or `npm run build`) in the Zero Draft folder.');
  process.exit(1);
}
await import(built);
