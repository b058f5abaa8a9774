import type { Kysely } from 'kysely';
import { EwsClient } from '../../ews/client/ews-client.js';
import { EwsError } from '../../ews/errors.js';
import { BasicAuth } from '../../ews/transport/auth.js';
import { exchangeLinks, type SecretBox, type Tables } from '../../persistence/index.js';
import type { ExchangeLink } from '../../persistence/repositories/exchange-links.js';
import { HttpProblem } from '../problem.js';

const SUCCESS_RECORD_INTERVAL_MS = 60_000;

interface Entry {
  readonly client: EwsClient;
  inFlight: number;
  retired: boolean;
}

/**
 * EWS clients for the linked service account. Every call reads which link is current from the
 * database, so a rotation committed by any instance takes effect on the next call everywhere; calls
 * already running finish on the client they started with, which is closed once they drain.
 *
 * A 401 marks the link failing in the database, and no instance sends those credentials again until an
 * admin relinks or rotates: retrying a wrong password is how service accounts get locked out.
 */
export class EwsClientPool {
  readonly #clients = new Map<string, Entry>();
  readonly #lastRecorded = new Map<string, number>();

  constructor(
    private readonly db: Kysely<Tables>,
    private readonly box: SecretBox,
    private readonly onAttempt?: (e: { operation: string; outcome: string; ms: number }) => void,
  ) {}

  /**
   * Runs `fn` with a client for the current link; records success, and 401s as a failing link.
   * A request that already read the current link (to check who may ask) passes it as `current`, so the
   * link is read once per request rather than twice; read it per request, never cache it across requests.
   */
  async use<T>(fn: (client: EwsClient, link: ExchangeLink) => Promise<T>, current?: ExchangeLink): Promise<T> {
    const link = current ?? (await exchangeLinks.getActive(this.db));
    // Refused before Exchange is asked anything: nothing changed.
    if (!link) throw new HttpProblem(409, 'ExchangeNotLinked', 'No Exchange service account is linked yet.', 'An admin links one in the console (Exchange, Link account) or with POST /api/v1/exchange/link.', undefined, { nothingChanged: true });
    if (link.status === 'failing') {
      const why = (link.lastError?.message ?? 'credentials rejected').replace(/\.+$/, '');
      throw new HttpProblem(503, 'ExchangeLinkFailing', `Exchange refused the linked service account ${link.upn}: ${why}.`, 'An admin must enter the new password (Rotate in the console, or POST /api/v1/exchange/rotate). Concierge does not retry, so the account is not locked out.', undefined, { nothingChanged: true });
    }
    const entry = this.#entry(link);
    entry.inFlight++;
    try {
      const out = await fn(entry.client, link);
      // "Last success" is for people reading the status: once a minute per instance is fresh enough,
      // and it keeps a write off every request.
      if (link.lastSuccessAt === null || Date.now() - (this.#lastRecorded.get(link.id) ?? 0) > SUCCESS_RECORD_INTERVAL_MS) {
        this.#lastRecorded.set(link.id, Date.now());
        await exchangeLinks.recordSuccess(this.db, link.id);
      }
      return out;
    } catch (err) {
      if (err instanceof EwsError && err.code === 'HttpUnauthorized') {
        await exchangeLinks.recordError(this.db, link.id, { code: err.code, message: err.message, hint: err.hint, at: new Date().toISOString() });
        await exchangeLinks.markFailing(this.db, link.id);
      }
      throw err;
    } finally {
      entry.inFlight--;
      if (entry.retired && entry.inFlight === 0) this.#close(link.id, entry);
    }
  }

  #entry(link: ExchangeLink): Entry {
    const existing = this.#clients.get(link.id);
    if (existing) return existing;
    // A newer link replaces older clients: retire them (closed when their last call returns).
    for (const [id, e] of this.#clients) {
      e.retired = true;
      if (e.inFlight === 0) this.#close(id, e);
    }
    const password = exchangeLinks.revealPassword(this.box, link);
    const client = new EwsClient({
      url: link.ewsUrl,
      auth: new BasicAuth(link.upn, password),
      access: link.access,
      ...(link.caPem ? { transportOptions: { ca: link.caPem } } : {}),
      ...(this.onAttempt ? { onAttempt: this.onAttempt } : {}),
    });
    const entry: Entry = { client, inFlight: 0, retired: false };
    this.#clients.set(link.id, entry);
    return entry;
  }

  #close(id: string, e: Entry): void {
    this.#clients.delete(id);
    void e.client.close();
  }

  async close(): Promise<void> {
    await Promise.all([...this.#clients.values()].map((e) => e.client.close()));
    this.#clients.clear();
  }
}
