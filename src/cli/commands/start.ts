import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { ConfigError, loadServerConfig } from '../../config/config.js';
import { admins, loadOrCreateKeyFile, openDatabase, parseKey, SecretBox, setupTokens } from '../../persistence/index.js';
import { defaultUnderstand } from '../../assistant/understand.js';
import { buildServer } from '../../server/app.js';
import { checkPasswordExpiry } from '../../server/exchange/expiry-notifier.js';
import { demoSeed } from '../../simulator/demo-seed.js';
import { startSimulator, type RunningSimulator } from '../../simulator/host.js';
import type { CliIo } from '../io.js';
import { UsageError } from '../usage-error.js';

interface StartOptions {
  readonly port?: string;
  readonly data?: string;
  readonly host?: string;
}

const HOUR = 3_600_000;

/**
 * Starts Concierge: the database (PGlite in the data folder, or PostgreSQL with DATABASE_URL), the
 * built-in Exchange simulator unless CONCIERGE_SIMULATOR=off, and the HTTP server. Prints where
 * everything is, and on the first run a one-time setup link (no default password exists).
 */
export function registerStart(program: Command, io: CliIo): void {
  program
    .command('start')
    .description('run the Concierge server (embedded PGlite and Exchange simulator by default)')
    .option('--port <N>', 'port (PORT; 0 picks a free one; default 8080)')
    .option('--data <DIR>', 'data folder (CONCIERGE_DATA_DIR; default ./.data)')
    .option('--host <HOST>', 'address to listen on (HOST; default 127.0.0.1)')
    .action(async (o: StartOptions) => {
      let config;
      try {
        config = loadServerConfig({ ...(o.port !== undefined ? { port: o.port } : {}), ...(o.data !== undefined ? { dataDir: o.data } : {}), ...(o.host !== undefined ? { host: o.host } : {}) });
      } catch (err) {
        if (err instanceof ConfigError) throw new UsageError(err.message, 'See the README section "start" for the environment variables.');
        throw err;
      }
      mkdirSync(config.dataDir, { recursive: true });
      const key = config.secretKey !== undefined ? parseKey(config.secretKey) : (await loadOrCreateKeyFile(config.secretKeyFile)).key;
      const database = await openDatabase({ ...(config.databaseUrl ? { url: config.databaseUrl } : { dataDir: join(config.dataDir, 'pglite') }) });
      let sim: RunningSimulator | undefined;
      if (config.embeddedSimulator) {
        sim = await startSimulator({ seed: demoSeed(), dataDir: join(config.dataDir, 'simulator'), port: 0 });
        io.err(`Exchange simulator (Contoso demo): EWS ${sim.ewsUrl}, Management Shell ${sim.powershellUrl}`);
        if (sim.generatedAdminPassword) io.err(`  administrator@contoso.com password: ${sim.generatedAdminPassword} (shown once; the simulator keeps only its hash)`);
      }
      const server = await buildServer({ db: database.db, box: SecretBox.fromKey(key), logLevel: config.logLevel, understand: await defaultUnderstand(), ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}), ...(config.trustProxy !== undefined ? { trustProxy: config.trustProxy } : {}), ...(config.alexa ? { alexa: config.alexa } : {}) });
      await server.app.listen({ port: config.port, host: config.host });
      const address = server.app.server.address();
      const port = typeof address === 'object' && address ? address.port : config.port;
      const base = config.publicUrl ?? `http://${config.host}:${port}`;
      io.out(`Concierge listening on ${base} (database: ${database.kind === 'pglite' ? `PGlite in ${join(config.dataDir, 'pglite')}` : 'PostgreSQL'})`);
      io.out(`Console: ${base}/console/`);
      if (config.alexa) io.out(`Alexa skill ${config.alexa.skillId}: endpoint ${base}/alexa, account linking ${base}/alexa/link and ${base}/alexa/token (client id ${config.alexa.clientId})`);
      if ((await admins.count(database.db)) === 0) {
        const { token, expiresAt } = await setupTokens.create(database.db);
        io.out(`First run: create the administrator at ${base}/setup#token=${token} (valid once, until ${expiresAt.toISOString()})`);
      }
      const timer = setInterval(() => void checkPasswordExpiry(database.db, server.pool).catch((err) => server.app.log.error({ err }, 'password expiry check failed')), HOUR);
      timer.unref();
      void checkPasswordExpiry(database.db, server.pool).catch(() => undefined);
      await new Promise<void>((resolve) => {
        process.once('SIGTERM', resolve);
        process.once('SIGINT', resolve);
      });
      clearInterval(timer);
      await server.app.close();
      await sim?.close();
      await database.close();
    });
}
