import { EwsClient } from '../ews/client/ews-client.js';
import { EwsEngine } from '../ews/operations/engine.js';
import { BasicAuth } from '../ews/transport/auth.js';
import { NO_RETRY } from '../ews/transport/retry.js';
import type { Transport } from '../ews/transport/types.js';
import { UndiciTransport } from '../ews/transport/undici-transport.js';
import type { ServerVersionInfo } from '../ews/schema/versions.js';
import { aliasOf } from './fixes.js';
import type { AnalyzeInput } from './types.js';

/**
 * The HTTP side of one analysis: an unauthenticated transport for the endpoint probe, a probe engine
 * that signs in as the service account and speaks the oldest schema any supported server accepts (so
 * even an Exchange 2010 answers and tells its version), and the client Concierge itself would use.
 * Never retries: a diagnosis reports the first answer.
 */
export class Session {
  readonly transport: Transport;
  readonly probe: EwsEngine;
  readonly client: EwsClient;
  /** The service account's and the test mailbox's aliases, for the commands in fixes. */
  readonly serviceAlias: string;
  readonly mailboxAlias: string;
  #version: ServerVersionInfo | undefined;

  constructor(readonly input: AnalyzeInput, readonly url: string, readonly timeoutMs: number) {
    this.transport = new UndiciTransport({ ...(input.ca !== undefined ? { ca: input.ca } : {}), connectTimeoutMs: timeoutMs, requestTimeoutMs: timeoutMs, connections: 2 });
    const auth = new BasicAuth(input.upn, input.password);
    this.probe = new EwsEngine({
      url,
      transport: auth.wrap(this.transport),
      version: 'Exchange2007_SP1',
      retry: NO_RETRY,
      account: input.upn,
      onServerVersion: (v) => {
        this.#version = v;
      },
    });
    this.client = new EwsClient({ url, auth, access: input.access, transport: this.transport, retry: NO_RETRY });
    this.serviceAlias = aliasOf(input.upn);
    this.mailboxAlias = aliasOf(input.mailbox);
  }

  /** The ServerVersionInfo of the latest answer, whichever engine got it. */
  get serverVersion(): ServerVersionInfo | undefined {
    return this.client.serverVersion ?? this.#version;
  }

  get probeVersion(): ServerVersionInfo | undefined {
    return this.#version;
  }

  close(): Promise<void> {
    return this.transport.close();
  }
}
