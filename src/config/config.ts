import { resolve } from 'node:path';
import { envVar } from './env.js';

/** Everything the server reads from its environment, typed and checked once at start. */
export interface ServerConfig {
  /** 0 picks a free port. */
  readonly port: number;
  readonly host: string;
  /** Folder for PGlite, the key file and the embedded simulator's state. */
  readonly dataDir: string;
  /** postgres://… to use PostgreSQL instead of the embedded PGlite. */
  readonly databaseUrl?: string;
  /** Base64 32-byte key for secrets at rest; otherwise a key file in the data folder (created 0600). */
  readonly secretKey?: string;
  readonly secretKeyFile: string;
  /** Start the built-in Exchange simulator (the default when no DATABASE_URL deployment says otherwise). */
  readonly embeddedSimulator: boolean;
  /** Public base URL people use to reach the console (for links in emails); defaults to the listen address. */
  readonly publicUrl?: string;
  readonly logLevel: string;
}

export class ConfigError extends Error {}

function parsePort(v: string | undefined, fallback: number): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new ConfigError(`PORT/--port must be a port number (0 picks a free one), not "${v}".`);
  return n;
}

/** Reads PORT, HOST, CONCIERGE_DATA_DIR, DATABASE_URL, CONCIERGE_SECRET_KEY(_FILE), CONCIERGE_SIMULATOR, CONCIERGE_PUBLIC_URL, LOG_LEVEL; flags win. */
export function loadServerConfig(flags: { port?: string; dataDir?: string; host?: string } = {}): ServerConfig {
  const dataDir = resolve(flags.dataDir ?? envVar('CONCIERGE_DATA_DIR') ?? '.data');
  const databaseUrl = envVar('DATABASE_URL');
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) throw new ConfigError('DATABASE_URL must be a postgres:// URL.');
  const sim = envVar('CONCIERGE_SIMULATOR');
  return {
    port: parsePort(flags.port ?? envVar('PORT'), 8080),
    host: flags.host ?? envVar('HOST') ?? '127.0.0.1',
    dataDir,
    ...(databaseUrl ? { databaseUrl } : {}),
    ...(envVar('CONCIERGE_SECRET_KEY') ? { secretKey: envVar('CONCIERGE_SECRET_KEY') } : {}),
    secretKeyFile: resolve(envVar('CONCIERGE_SECRET_KEY_FILE') ?? resolve(dataDir, 'secret.key')),
    embeddedSimulator: sim === undefined ? true : !/^(0|false|off|no)$/i.test(sim),
    ...(envVar('CONCIERGE_PUBLIC_URL') ? { publicUrl: envVar('CONCIERGE_PUBLIC_URL') } : {}),
    logLevel: envVar('LOG_LEVEL') ?? 'info',
  };
}
