import type { Kysely } from 'kysely';
import { analyze, type AnalyzeInput, type AnalyzeOptions, type AnalyzeResult } from '../../connectivity/index.js';
import { auditLog, exchangeLinks, type SecretBox, type Tables } from '../../persistence/index.js';
import type { ExchangeLink } from '../../persistence/repositories/exchange-links.js';
import { HttpProblem } from '../problem.js';

/** What the console and GET /api/v1/exchange show of the link: never the secret. */
export interface LinkStatus {
  readonly linked: boolean;
  readonly ewsUrl?: string;
  readonly upn?: string;
  readonly access?: 'impersonation' | 'delegation';
  readonly serverVersion?: string | null;
  readonly testMailbox?: string | null;
  readonly generation?: number;
  readonly status?: 'active' | 'failing';
  readonly linkedAt?: string;
  readonly lastSuccessAt?: string | null;
  readonly lastError?: { readonly code: string; readonly message: string; readonly hint: string; readonly at: string } | null;
  readonly passwordExpiresAt?: string | null;
  /** Whole days until the password expires (negative when it has), when an expiry is recorded. */
  readonly passwordExpiresInDays?: number | null;
  readonly warnings: readonly string[];
}

/** `opts.onStep` reports each step as it completes (the console's live view); an analyzer may ignore it. */
export type Analyzer = (input: AnalyzeInput, opts?: Pick<AnalyzeOptions, 'onStep'>) => Promise<AnalyzeResult>;

export interface LinkResult {
  readonly ok: boolean;
  readonly steps: AnalyzeResult['steps'];
  readonly link?: LinkStatus;
}

const DAY = 86_400_000;

export function toStatus(link: ExchangeLink | undefined, now: Date = new Date()): LinkStatus {
  if (!link) return { linked: false, warnings: ['No Exchange service account is linked. Follow the admin guide, then choose Link account.'] };
  const days = link.passwordExpiresAt ? Math.floor((link.passwordExpiresAt.getTime() - now.getTime()) / DAY) : null;
  const warnings: string[] = [];
  if (link.status === 'failing') warnings.push(`Exchange is refusing ${link.upn}: ${link.lastError?.message ?? 'credentials rejected'}. Enter the new password under Rotate.`);
  if (days !== null && days <= 14) warnings.push(days < 0 ? `The password of ${link.upn} expired ${-days} day(s) ago. Rotate it now.` : `The password of ${link.upn} expires in ${days} day(s). Rotate it before then.`);
  return {
    linked: true,
    ewsUrl: link.ewsUrl,
    upn: link.upn,
    access: link.access,
    serverVersion: link.serverVersion,
    testMailbox: link.testMailbox,
    generation: link.generation,
    status: link.status === 'failing' ? 'failing' : 'active',
    linkedAt: link.linkedAt.toISOString(),
    lastSuccessAt: link.lastSuccessAt?.toISOString() ?? null,
    lastError: link.lastError,
    passwordExpiresAt: link.passwordExpiresAt?.toISOString() ?? null,
    passwordExpiresInDays: days,
    warnings,
  };
}

function versionOf(result: AnalyzeResult): string | null {
  return result.steps.find((s) => s.id === 'version' && s.status !== 'skip')?.detail ?? null;
}

/**
 * Linking and rotating the service account. Nothing is stored unless the analyzer finds no failing
 * step; the new link replaces the old one in one transaction (the old secret erased), so requests
 * see either the old credentials or the new ones, never a mix.
 */
export class ExchangeLinkService {
  constructor(
    private readonly db: Kysely<Tables>,
    private readonly box: SecretBox,
    private readonly analyzer: Analyzer = (input, opts) => analyze(input, opts),
  ) {}

  async status(): Promise<LinkStatus> {
    return toStatus(await exchangeLinks.getActive(this.db));
  }

  /** Runs the analyzer only (the console's Test button); stores nothing. */
  async test(input: AnalyzeInput, actor: string, onStep?: AnalyzeOptions['onStep']): Promise<AnalyzeResult> {
    const result = await this.analyzer(input, onStep ? { onStep } : {});
    await auditLog.append(this.db, { actor, action: 'exchange.test', target: input.upn, result: result.ok ? 'ok' : 'failed', detail: { url: input.url, access: input.access, mailbox: input.mailbox, failed: result.steps.filter((s) => s.status === 'fail').map((s) => s.id) } });
    return result;
  }

  async link(input: AnalyzeInput & { readonly passwordExpiresAt?: Date | null }, actor: string, action = 'exchange.link'): Promise<LinkResult> {
    const result = await this.analyzer(input);
    if (!result.ok) {
      await auditLog.append(this.db, { actor, action, target: input.upn, result: 'refused', detail: { url: input.url, failed: result.steps.filter((s) => s.status === 'fail').map((s) => s.id) } });
      return { ok: false, steps: result.steps };
    }
    const previous = await exchangeLinks.getActive(this.db);
    const link = await exchangeLinks.link(this.db, this.box, {
      ewsUrl: input.url,
      upn: input.upn,
      password: input.password,
      access: input.access,
      caPem: input.ca ?? null,
      serverVersion: versionOf(result),
      testMailbox: input.mailbox,
      passwordExpiresAt: input.passwordExpiresAt ?? null,
    });
    await auditLog.append(this.db, { actor, action, target: input.upn, result: 'ok', detail: { url: input.url, access: input.access, generation: link.generation, ...(previous ? { replaced: previous.upn } : {}) } });
    return { ok: true, steps: result.steps, link: toStatus(link) };
  }

  /**
   * A new password (or a new account) for the current link: validated with the analyzer against the
   * link's URL, access method and test mailbox before anything switches.
   */
  async rotate(input: { readonly upn?: string; readonly password: string; readonly mailbox?: string; readonly passwordExpiresAt?: Date | null }, actor: string): Promise<LinkResult> {
    const current = await exchangeLinks.getActive(this.db);
    if (!current) throw new HttpProblem(409, 'ExchangeNotLinked', 'There is no link to rotate.', 'Link a service account first (POST /api/v1/exchange/link).');
    const mailbox = input.mailbox ?? current.testMailbox;
    if (!mailbox) throw new HttpProblem(400, 'TestMailboxRequired', 'Rotation needs a mailbox to test the new credentials against.', 'Give "mailbox": the primary SMTP address of a user the service account serves.');
    return this.link({ url: current.ewsUrl, upn: input.upn ?? current.upn, password: input.password, access: current.access, mailbox, ...(current.caPem ? { ca: current.caPem } : {}), passwordExpiresAt: input.passwordExpiresAt ?? null }, actor, 'exchange.rotate');
  }

  async setPasswordExpiry(expiresAt: Date | null, actor: string): Promise<LinkStatus> {
    const current = await exchangeLinks.getActive(this.db);
    if (!current) throw new HttpProblem(409, 'ExchangeNotLinked', 'There is no linked account to set an expiry for.', 'Link a service account first.');
    await exchangeLinks.setPasswordExpiry(this.db, current.id, expiresAt);
    await auditLog.append(this.db, { actor, action: 'exchange.password-expiry', target: current.upn, result: 'ok', detail: { expiresAt: expiresAt?.toISOString() ?? null } });
    return this.status();
  }
}
