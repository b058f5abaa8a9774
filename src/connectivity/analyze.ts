import { EwsError } from '../ews/errors.js';
import type { HttpResponse } from '../ews/transport/types.js';
import { checkCredentials, checkMailbox, judgeVersion } from './account-checks.js';
import { checkCalendarRead, checkCalendarWrite } from './calendar-checks.js';
import { judgeAuthMethods, judgeEndpoint, probeEndpoint } from './endpoint.js';
import { ewsUrlFix } from './fixes.js';
import { checkDns, checkTcp, parseTarget, type Target } from './network.js';
import { Session } from './session.js';
import { checkTls } from './tls-check.js';
import { fail, STEP_TITLES, type AnalyzeInput, type AnalyzeOptions, type AnalyzeResult, type Finding, type Step, type StepId } from './types.js';

const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * Checks, in order, everything between Concierge and a calendar, like Microsoft's Remote Connectivity
 * Analyzer "Service account access": DNS, TCP, TLS, the EWS endpoint, Basic authentication, the
 * service account's sign-in, the Exchange version, the test mailbox, and reading and (without
 * writing anything) writing its calendar. Once a step fails, the later ones are skipped: their
 * answers would mean nothing. Never throws for what the server or network does; a bug still throws.
 *
 * @example
 * const { ok, steps } = await analyze({ url: 'https://mail.contoso.com/EWS/Exchange.asmx', upn: 'concierge@contoso.com',
 *   password, access: 'impersonation', mailbox: 'alice@contoso.com' }, { onStep: (s) => console.log(s.status, s.title) });
 */
export async function analyze(input: AnalyzeInput, opts: AnalyzeOptions = {}): Promise<AnalyzeResult> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const now = opts.now ?? (() => new Date());
  const steps: Step[] = [];
  let failed: StepId | undefined;

  const run = async (id: StepId, check: () => Promise<Finding>): Promise<void> => {
    const step: Step = failed ? { id, title: STEP_TITLES[id], status: 'skip', detail: `skipped: ${failed} failed` } : { id, title: STEP_TITLES[id], ...(await check()) };
    if (step.status === 'fail') failed = id;
    steps.push(step);
    opts.onStep?.(step);
  };

  const parsed = parseTarget(input.url);
  const target = typeof parsed === 'string' ? undefined : parsed;
  const url = target?.url.toString() ?? input.url;
  const session = new Session(input, url, timeoutMs);
  const state: { addresses: string[]; address?: string; probe?: HttpResponse } = { addresses: [] };
  const need = (t: Target | undefined): Target => {
    if (!t) throw new Error('unreachable: later steps run only when the URL parsed');
    return t;
  };
  try {
    await run('dns', async () => {
      if (!target) return fail(`${parsed as string}.`, 'Give the EWS URL, e.g. https://mail.contoso.com/EWS/Exchange.asmx.');
      const { finding, addresses } = await checkDns(target, timeoutMs);
      state.addresses = addresses;
      return finding;
    });
    await run('tcp', async () => {
      const { finding, address } = await checkTcp(need(target), state.addresses, timeoutMs);
      if (address !== undefined) state.address = address;
      return finding;
    });
    await run('tls', () => checkTls(need(target), state.address ?? need(target).host, input.ca, timeoutMs, now()));
    await run('endpoint', async () => {
      const answer = await probeEndpoint(session.transport, url, timeoutMs);
      if (!(answer instanceof EwsError)) state.probe = answer;
      return judgeEndpoint(need(target), answer);
    });
    await run('auth-methods', async () => (state.probe ? judgeAuthMethods(state.probe) : fail('The endpoint gave no HTTP answer.', ewsUrlFix(need(target).url.host))));
    await run('credentials', () => checkCredentials(session));
    await run('version', async () => judgeVersion(session.probeVersion));
    await run('mailbox', () => checkMailbox(session));
    await run('calendar-read', () => checkCalendarRead(session, now()));
    await run('calendar-write', () => checkCalendarWrite(session));
  } finally {
    await session.close();
  }
  return { ok: steps.every((s) => s.status !== 'fail'), steps };
}
