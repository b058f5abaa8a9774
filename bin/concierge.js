#!/usr/bin/env node
// The `concierge` command. `npm ci` builds dist/ through the prepare script; this shim only loads it.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('concierge: dist/ is missing. Run `npm ci` (or `npm run build`) in the project folder first.\n');
  process.exit(70);
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv);
