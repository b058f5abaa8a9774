import { mkdtempSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { ManagementShell } from './shell/index.js';
import { handleSoap } from './ews-server/dispatch.js';
import type { SimulatedExchange } from './ews-server/exchange.js';
import { buildSimulatorHttp, type Caller, type SimulatorBackend } from './ews-server/http-app.js';
import { createLocalPki } from './local-ca.js';
import { buildOrganization } from './organization.js';
import { SimulatorData } from './persistence.js';
import type { Seed } from './seed.js';

export interface SimulatorOptions {
  readonly host?: string;
  /** 0 picks a free port. */
  readonly port?: number;
  readonly seed: Seed;
  readonly tls?: boolean;
  /** Keep all state here across restarts (the seed is applied only when the folder has none). */
  readonly dataDir?: string;
}

export interface RunningSimulator {
  readonly ewsUrl: string;
  readonly powershellUrl: string;
  /** With TLS: the PEM file of the simulator's own CA, for clients' `--ca`. */
  readonly caFile?: string;
  /** Set when the administrator password was generated (printed once by the CLI). */
  readonly generatedAdminPassword?: string;
  readonly exchange: SimulatedExchange;
  close(): Promise<void>;
}

/** A prompt answered from the request's answers; when they run out, the run stops and asks for more. */
class PromptRelay {
  answers: string[] = [];
  needed: { text: string; secret: boolean } | undefined;
  readonly prompt = async (text: string, secret: boolean): Promise<string> => {
    const next = this.answers.shift();
    if (next !== undefined) return next;
    this.needed = { text, secret };
    throw new Error('input needed');
  };
}

function backendFor(exchange: SimulatedExchange, onChange: () => void): SimulatorBackend {
  const relay = new PromptRelay();
  const shell = new ManagementShell(exchange.directory, { prompt: relay.prompt });
  return {
    basicAuthEnabled: () => exchange.directory.ewsVirtualDirectory.basicAuthentication,
    authenticate(user, password): Caller | undefined {
      const account = exchange.directory.authenticate(user, password);
      if (!account) return undefined;
      return { account: account.smtp, isAdministrator: account.guid === exchange.directory.administrator.guid };
    },
    async handleSoap(caller, xml) {
      const account = exchange.directory.findMailbox(caller.account);
      if (!account) return { status: 401, body: '' };
      const reply = await handleSoap(exchange, account, xml);
      onChange();
      return reply;
    },
    async runShell(_caller, script, answers = []) {
      relay.answers = [...answers];
      relay.needed = undefined;
      const r = await shell.run(script);
      const needed = relay.needed as { text: string; secret: boolean } | undefined;
      onChange();
      if (needed) return { output: '', errors: [], ok: false, needsInput: needed };
      return { output: r.output, errors: r.errors.map((e) => e.message), ok: r.ok };
    },
  };
}

/** Starts the simulator: EWS at /EWS/Exchange.asmx and the Management Shell at /powershell. */
export async function startSimulator(opts: SimulatorOptions): Promise<RunningSimulator> {
  const data = opts.dataDir ? new SimulatorData(opts.dataDir) : undefined;
  let exchange: SimulatedExchange;
  let generatedAdminPassword: string | undefined;
  if (data?.exists()) exchange = data.load();
  else {
    const org = await buildOrganization(opts.seed);
    exchange = org.exchange;
    generatedAdminPassword = org.generatedAdminPassword;
    data?.save(exchange);
  }
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    data?.save(exchange);
  };
  // Saving is debounced: a burst of requests costs one write.
  const onChange = () => {
    if (!data || timer) return;
    timer = setTimeout(flush, 250);
    timer.unref();
  };
  const host = opts.host ?? '127.0.0.1';
  let tls: { cert: string; key: string } | undefined;
  let caFile: string | undefined;
  if (opts.tls) {
    const dir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'concierge-simulator-'));
    caFile = join(dir, 'simulator-ca.pem');
    const certFile = join(dir, 'simulator-cert.pem');
    const keyFile = join(dir, 'simulator-key.pem');
    if (!existsSync(caFile) || !existsSync(certFile) || !existsSync(keyFile)) {
      const pki = await createLocalPki([...new Set([host, 'localhost', '127.0.0.1'])]);
      writeFileSync(caFile, pki.caPem);
      writeFileSync(certFile, pki.certChainPem);
      writeFileSync(keyFile, pki.keyPem, { mode: 0o600 });
    }
    tls = { cert: readFileSync(certFile, 'utf8'), key: readFileSync(keyFile, 'utf8') };
  }
  const app: FastifyInstance = buildSimulatorHttp(backendFor(exchange, onChange), tls);
  await app.listen({ host, port: opts.port ?? 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port ?? 0;
  const base = `${tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    ewsUrl: `${base}/EWS/Exchange.asmx`,
    powershellUrl: `${base}/powershell`,
    ...(caFile ? { caFile } : {}),
    ...(generatedAdminPassword ? { generatedAdminPassword } : {}),
    exchange,
    async close() {
      await app.close();
      flush();
    },
  };
}
