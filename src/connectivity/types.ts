import type { AccessMethod } from '../ews/client/ews-client.js';

/** The checks, in the order they run; each needs every one before it to have passed (or warned). */
export const STEP_IDS = ['dns', 'tcp', 'tls', 'endpoint', 'auth-methods', 'credentials', 'version', 'mailbox', 'calendar-read', 'calendar-write'] as const;
export type StepId = (typeof STEP_IDS)[number];

export const STEP_TITLES: Readonly<Record<StepId, string>> = {
  dns: 'DNS lookup',
  tcp: 'TCP connection',
  tls: 'TLS certificate',
  endpoint: 'EWS endpoint',
  'auth-methods': 'Authentication methods',
  credentials: 'Service account sign-in',
  version: 'Exchange version',
  mailbox: 'Test mailbox',
  'calendar-read': 'Read the calendar',
  'calendar-write': 'Write to the calendar',
};

/** `warn`: works, but something is worth the admin's attention; only `fail` makes the run fail. */
export type StepStatus = 'pass' | 'warn' | 'fail' | 'skip';

/** One finding: what was seen (`detail`) and, when something must change, the commands that change it (`fix`). */
export interface Step {
  readonly id: StepId;
  readonly title: string;
  readonly status: StepStatus;
  readonly detail: string;
  /** Exchange Management Shell commands with the real names filled in; several lines when several steps are needed. */
  readonly fix?: string;
}

/** What the admin types into Concierge's console (or the CLI), as the Alexa for Business guide asks for it. */
export interface AnalyzeInput {
  /** The EWS endpoint, e.g. https://mail.contoso.com/EWS/Exchange.asmx */
  readonly url: string;
  /** The service account's user principal name. */
  readonly upn: string;
  readonly password: string;
  readonly access: AccessMethod;
  /** Primary SMTP address of a mailbox to test the access with. */
  readonly mailbox: string;
  /** Extra trusted CA certificate(s), PEM: a private CA is trusted only through this. */
  readonly ca?: string;
}

export interface AnalyzeOptions {
  /** Called as each step completes (skipped ones too), in order. */
  readonly onStep?: (step: Step) => void;
  /** Time allowed for each network step (DNS, connect, each request). Default 10 s. */
  readonly timeoutMs?: number;
  /** The clock, for certificate dates and today's calendar window. */
  readonly now?: () => Date;
}

export interface AnalyzeResult {
  /** True exactly when no step failed. */
  readonly ok: boolean;
  readonly steps: readonly Step[];
}

/** A step's verdict before the analyzer names it. */
export interface Finding {
  readonly status: Exclude<StepStatus, 'skip'>;
  readonly detail: string;
  readonly fix?: string;
}

export const pass = (detail: string, fix?: string): Finding => ({ status: 'pass', detail, ...(fix ? { fix } : {}) });
export const warn = (detail: string, fix?: string): Finding => ({ status: 'warn', detail, ...(fix ? { fix } : {}) });
export const fail = (detail: string, fix?: string): Finding => ({ status: 'fail', detail, ...(fix ? { fix } : {}) });
