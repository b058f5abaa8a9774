import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { demoSeed } from '../../simulator/demo-seed.js';
import { startSimulator } from '../../simulator/host.js';
import { parseSeed, type Seed } from '../../simulator/seed.js';
import type { CliIo } from '../io.js';
import { UsageError } from '../usage-error.js';

interface SimulatorOptions {
  readonly host: string;
  readonly port: string;
  readonly seed?: string;
  readonly tls?: boolean;
  readonly data?: string;
}

function loadSeed(file: string | undefined): Seed {
  if (!file) return demoSeed();
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new UsageError(`Cannot read the seed file ${file}: ${(err as Error).message}`, 'Give a JSON file as described in the README (domain, version, mailboxes, shell).');
  }
  return parseSeed(json);
}

export function registerSimulator(program: Command, io: CliIo): void {
  program
    .command('simulator')
    .description('run the Exchange simulator: an EWS endpoint and the Management Shell, on this machine')
    .option('--host <HOST>', 'address to listen on', '127.0.0.1')
    .option('--port <N>', 'port (0 picks a free one)', '0')
    .option('--seed <FILE>', 'organization to create (default: the built-in Contoso demo)')
    .option('--tls', 'serve HTTPS with a local CA (its PEM file is printed as caFile)')
    .option('--data <DIR>', 'keep all state in this folder across restarts')
    .action(async (o: SimulatorOptions) => {
      const port = Number(o.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port ${o.port} is not a port number.`, 'Use 0 to pick a free port, or 1-65535.');
      const sim = await startSimulator({ host: o.host, port, seed: loadSeed(o.seed), ...(o.tls ? { tls: true } : {}), ...(o.data ? { dataDir: o.data } : {}) });
      if (sim.generatedAdminPassword) io.err(`administrator@${sim.exchange.directory.domain} password: ${sim.generatedAdminPassword} (generated for this run; set adminPassword in a seed to choose it)`);
      io.out(JSON.stringify({ ewsUrl: sim.ewsUrl, powershellUrl: sim.powershellUrl, ...(sim.caFile ? { caFile: sim.caFile } : {}) }));
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGTERM', stop);
        process.once('SIGINT', stop);
      });
      await sim.close();
    });
}
