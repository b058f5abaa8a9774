import { readFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { isDebugEnabled, secretFromEnv } from '../config/env.js';
import type { WireEntry } from '../ews/transport/wire-log.js';
import { BasicAuth } from '../ews/transport/auth.js';
import { EwsClient, type AccessMethod } from '../ews/client/ews-client.js';
import { isExchangeVersion, type ExchangeVersion } from '../ews/schema/versions.js';
import { UsageError } from './usage-error.js';

/** The options every command that talks to Exchange shares. */
export interface ExchangeCliOptions {
  readonly url: string;
  readonly upn: string;
  readonly password?: string;
  readonly passwordEnv?: string;
  readonly access: AccessMethod;
  readonly mailbox: string;
  readonly ca?: string;
  readonly serverVersion?: string;
}

export function addExchangeOptions(cmd: Command): Command {
  return cmd
    .requiredOption('--url <EWS_URL>', 'EWS endpoint, e.g. https://mail.contoso.com/EWS/Exchange.asmx')
    .requiredOption('--upn <UPN>', 'service account user principal name, e.g. concierge@contoso.com')
    .option('--password <PW>', 'service account password (prefer --password-env: command lines are visible to other users)')
    .option('--password-env <VAR>', 'read the password from this environment variable')
    .addOption(new Option('--access <method>', 'how the service account reaches the mailbox').choices(['impersonation', 'delegation']).makeOptionMandatory())
    .requiredOption('--mailbox <SMTP>', 'the mailbox to act on, e.g. alice@contoso.com')
    .option('--ca <PEM_FILE>', 'extra trusted CA certificate(s), PEM, for a private certificate authority')
    .option('--server-version <VERSION>', 'RequestServerVersion to send (default Exchange2013)');
}

export function parseUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new UsageError(`--url "${url}" is not a URL.`, 'Give the full EWS URL, e.g. https://mail.contoso.com/EWS/Exchange.asmx');
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new UsageError(`--url must be http(s), not ${u.protocol}`, 'Use https://<host>/EWS/Exchange.asmx');
  return u.toString();
}

/** The password from --password or --password-env, exactly one of them. */
export function readPassword(o: Pick<ExchangeCliOptions, 'password' | 'passwordEnv'>): string {
  if (o.password === undefined && o.passwordEnv === undefined) throw new UsageError('No password given.', 'Pass --password-env VAR (recommended) or --password PW.');
  if (o.password !== undefined && o.passwordEnv !== undefined) throw new UsageError('Both --password and --password-env given.', 'Use one of them.');
  try {
    return o.password ?? secretFromEnv(o.passwordEnv!);
  } catch (err) {
    throw new UsageError((err as Error).message, 'export VAR=... before running, or use --password.');
  }
}

/** The PEM text of --ca, checked to hold a certificate. */
export function readCa(path: string | undefined): string | undefined {
  if (path === undefined) return undefined;
  let ca: string;
  try {
    ca = readFileSync(path, 'utf8');
  } catch (err) {
    throw new UsageError(`Cannot read --ca ${path}: ${(err as Error).message}`, 'Give the path of a PEM file with the CA certificate.');
  }
  if (!ca.includes('-----BEGIN CERTIFICATE-----')) throw new UsageError(`--ca ${path} holds no PEM certificate.`, 'Export the CA certificate in PEM (Base-64) form.');
  return ca;
}

/** Builds an EWS client from CLI options, with clear errors for what is missing. */
export function clientFromOptions(o: ExchangeCliOptions): EwsClient {
  const password = readPassword(o);
  const ca = readCa(o.ca);
  let version: ExchangeVersion | undefined;
  if (o.serverVersion !== undefined) {
    if (!isExchangeVersion(o.serverVersion)) throw new UsageError(`Unknown --server-version ${o.serverVersion}.`, 'Use one of Exchange2010_SP2, Exchange2013, Exchange2013_SP1, Exchange2016.');
    version = o.serverVersion;
  }
  return new EwsClient({
    url: parseUrl(o.url),
    auth: new BasicAuth(o.upn, password),
    access: o.access,
    ...(version ? { version } : {}),
    ...(ca ? { transportOptions: { ca } } : {}),
    ...(isDebugEnabled('ews:wire') ? { wireLog: printWire } : {}),
  });
}

/** DEBUG=ews:wire prints every exchange to stderr, secrets already removed by the wire-log layer. */
function printWire(e: WireEntry): void {
  const head = e.direction === 'request' ? `> ${e.operation} ${e.url}` : `< ${e.operation} HTTP ${e.status}`;
  process.stderr.write(`ews:wire ${head}\n${e.body}\n`);
}
