import { resolve } from 'node:path';
import { envVar } from './env.js';

/** The Alexa skill, when one is configured (see {@link loadAlexaConfig}). */
export interface AlexaConfig {
  /** `amzn1.ask.skill.…`: requests for any other skill are refused. */
  readonly skillId: string;
  /** Account linking: the client Alexa authenticates as at /alexa/token. */
  readonly clientId: string;
  readonly clientSecret: string;
  /** Alexa's redirect URLs for this skill, exactly as the developer console lists them. */
  readonly redirectUris: readonly string[];
}

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
  /**
   * Proxies whose X-Forwarded-For/-Proto are believed (Fastify's trustProxy: a hop count, or addresses/CIDRs).
   * Behind a TLS-terminating proxy this keeps cookies Secure and rate limits per client, not per proxy.
   */
  readonly trustProxy?: number | readonly string[];
  readonly logLevel: string;
  /** Serve the Alexa skill endpoint and account linking; absent unless CONCIERGE_ALEXA_SKILL_ID is set. */
  readonly alexa?: AlexaConfig;
}

export class ConfigError extends Error {}

function parsePort(v: string | undefined, fallback: number): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new ConfigError(`PORT/--port must be a port number (0 picks a free one), not "${v}".`);
  return n;
}

/** CONCIERGE_TRUST_PROXY: a number of proxy hops, or comma-separated proxy addresses/CIDRs. */
function parseTrustProxy(v: string | undefined): { trustProxy?: number | readonly string[] } {
  if (v === undefined || v.trim() === '') return {};
  if (/^\d+$/.test(v.trim())) return { trustProxy: Number(v.trim()) };
  const list = v.split(',').map((x) => x.trim()).filter(Boolean);
  const bad = list.find((x) => !/^[0-9a-fA-F.:]+(\/\d{1,3})?$/.test(x));
  if (bad !== undefined) throw new ConfigError(`CONCIERGE_TRUST_PROXY must be a hop count or proxy addresses/CIDRs separated by commas; "${bad}" is neither.`);
  return { trustProxy: list };
}

/** Reads PORT, HOST, CONCIERGE_DATA_DIR, DATABASE_URL, CONCIERGE_SECRET_KEY(_FILE), CONCIERGE_SIMULATOR, CONCIERGE_PUBLIC_URL, LOG_LEVEL and the CONCIERGE_ALEXA_* settings; flags win. */
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
    ...parseTrustProxy(envVar('CONCIERGE_TRUST_PROXY')),
    logLevel: envVar('LOG_LEVEL') ?? 'info',
    ...alexaPart(),
  };
}

function alexaPart(): { alexa?: AlexaConfig } {
  const alexa = loadAlexaConfig();
  return alexa ? { alexa } : {};
}

const ALEXA_VARS = ['CONCIERGE_ALEXA_CLIENT_ID', 'CONCIERGE_ALEXA_CLIENT_SECRET', 'CONCIERGE_ALEXA_REDIRECT_URIS'] as const;
const REDIRECT_HINT = 'Copy the "Alexa Redirect URLs" from the skill\'s Account Linking page in the Alexa developer console, e.g. https://pitangui.amazon.com/api/skill/link/M2XXXXXXXXXXXX,https://layla.amazon.com/api/skill/link/M2XXXXXXXXXXXX,https://alexa.amazon.co.jp/api/skill/link/M2XXXXXXXXXXXX';
/** A guessable secret would let anyone who reaches /alexa/token pose as Alexa. */
const MIN_SECRET_LENGTH = 16;

/**
 * Reads CONCIERGE_ALEXA_SKILL_ID, CONCIERGE_ALEXA_CLIENT_ID (default `alexa-skill`), CONCIERGE_ALEXA_CLIENT_SECRET
 * and CONCIERGE_ALEXA_REDIRECT_URIS (comma-separated). Undefined when no skill id is set and none of the others
 * either; a half-configured skill is a ConfigError that names what is missing. The secret is never in a message.
 */
export function loadAlexaConfig(): AlexaConfig | undefined {
  const skillId = envVar('CONCIERGE_ALEXA_SKILL_ID')?.trim();
  if (skillId === undefined) {
    const stray = ALEXA_VARS.filter((name) => envVar(name) !== undefined);
    if (stray.length > 0) throw new ConfigError(`${stray.join(' and ')} ${stray.length > 1 ? 'are' : 'is'} set but CONCIERGE_ALEXA_SKILL_ID is not, so Alexa stays off. Set CONCIERGE_ALEXA_SKILL_ID to the skill id from the Alexa developer console (amzn1.ask.skill.…), or unset ${stray.join(' and ')}.`);
    return undefined;
  }
  if (!/^amzn1\.ask\.skill\.[0-9A-Za-z-]+$/.test(skillId)) throw new ConfigError(`CONCIERGE_ALEXA_SKILL_ID must be the skill id shown in the Alexa developer console (amzn1.ask.skill.…), not "${skillId}".`);
  const clientId = envVar('CONCIERGE_ALEXA_CLIENT_ID')?.trim() ?? 'alexa-skill';
  if (!/^[\x21-\x7e]+$/.test(clientId) || clientId.includes(':')) throw new ConfigError('CONCIERGE_ALEXA_CLIENT_ID must be printable ASCII without spaces or ":" (HTTP Basic carries it); it must equal "Your Client ID" on the skill\'s Account Linking page.');
  const clientSecret = envVar('CONCIERGE_ALEXA_CLIENT_SECRET');
  if (clientSecret === undefined) throw new ConfigError('CONCIERGE_ALEXA_CLIENT_SECRET must be set when CONCIERGE_ALEXA_SKILL_ID is: Alexa sends it to /alexa/token. Generate one (openssl rand -base64 32) and enter the same value as "Your Secret" on the skill\'s Account Linking page.');
  if (clientSecret.length < MIN_SECRET_LENGTH) throw new ConfigError(`CONCIERGE_ALEXA_CLIENT_SECRET is too short (${clientSecret.length} characters; at least ${MIN_SECRET_LENGTH}). Generate one with openssl rand -base64 32 and enter the same value in the Alexa developer console.`);
  const rawUris = envVar('CONCIERGE_ALEXA_REDIRECT_URIS');
  if (rawUris === undefined) throw new ConfigError(`CONCIERGE_ALEXA_REDIRECT_URIS must be set when CONCIERGE_ALEXA_SKILL_ID is: account linking only sends people back to Alexa's own addresses. ${REDIRECT_HINT}`);
  const redirectUris = rawUris.split(',').map((u) => u.trim()).filter((u) => u !== '');
  if (redirectUris.length === 0) throw new ConfigError(`CONCIERGE_ALEXA_REDIRECT_URIS lists no URL. ${REDIRECT_HINT}`);
  for (const uri of redirectUris) {
    let url: URL;
    try {
      url = new URL(uri);
    } catch {
      throw new ConfigError(`CONCIERGE_ALEXA_REDIRECT_URIS: "${uri}" is not a URL. ${REDIRECT_HINT}`);
    }
    if (url.protocol !== 'https:' || url.hash !== '' || url.username !== '' || url.password !== '') throw new ConfigError(`CONCIERGE_ALEXA_REDIRECT_URIS: "${uri}" must be an https URL without a #fragment or credentials. ${REDIRECT_HINT}`);
  }
  return { skillId, clientId, clientSecret, redirectUris };
}
