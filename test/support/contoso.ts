/**
 * Simulated Contoso organizations for integration tests: the parts every seed shares (domain, Basic auth on,
 * the simulator administrator's password), and builders for the mailboxes and shell lines tests keep writing.
 * No vitest here: bench/ starts these simulators too.
 */
import type { z } from 'zod';
import { startSimulator, type RunningSimulator } from '../../src/simulator/host.js';
import { parseSeed, type Seed, type seedSchema } from '../../src/simulator/seed.js';

export const CONTOSO = 'contoso.com';
/** The simulator administrator's password (the /powershell endpoint). */
export const SIMULATOR_ADMIN_PASSWORD = 'Adm1n-Passw0rd!';
/** Every seeded person's mailbox password unless a test says otherwise. */
export const MAILBOX_PASSWORD = 'Passw0rd!';
export const PACIFIC = 'Pacific Standard Time';

/** One mailbox of a seed, as written (optional fields left out). */
export type SeedMailbox = NonNullable<z.input<typeof seedSchema>['mailboxes']>[number];
/** One event of a seed, as written. */
export type SeedEventInput = NonNullable<z.input<typeof seedSchema>['events']>[number];

/** A person's mailbox `alias@contoso.com` with the usual password; `extra` adds or overrides fields (time zone, first name…). */
export function person(alias: string, name: string, extra: Partial<SeedMailbox> = {}): SeedMailbox {
  return { smtp: `${alias}@${CONTOSO}`, name, password: MAILBOX_PASSWORD, ...extra };
}

/** The service account's mailbox, with the account's own password. */
export function serviceAccount(account: { readonly upn: string; readonly password: string }, name = 'svc'): SeedMailbox {
  return { smtp: account.upn, name, password: account.password };
}

/** A room mailbox `alias@contoso.com` (no password: nobody signs in as a room). */
export function roomMailbox(alias: string, name: string, capacity: number, extra: Partial<SeedMailbox> = {}): SeedMailbox {
  return { smtp: `${alias}@${CONTOSO}`, name, type: 'RoomMailbox', capacity, ...extra };
}

/** The guide's impersonation grant as a shell line: `user` (an alias) holds ApplicationImpersonation, optionally within a management scope. */
export function impersonation(assignment: string, user = 'svc', scope?: string): string {
  return `New-ManagementRoleAssignment -Name ${assignment} -Role ApplicationImpersonation -User ${user}${scope ? ` -CustomRecipientWriteScope ${scope}` : ''}`;
}

export interface ContosoOptions {
  /** In the order the directory should list them. */
  readonly mailboxes: readonly SeedMailbox[];
  /** Management Shell lines run once the mailboxes exist (rights, scopes). */
  readonly shell?: readonly string[];
  readonly events?: readonly SeedEventInput[];
}

/** A contoso.com seed with Basic auth on and the usual simulator administrator password. */
export function contosoSeed(opts: ContosoOptions): Seed {
  return parseSeed({
    domain: CONTOSO,
    basicAuth: true,
    adminPassword: SIMULATOR_ADMIN_PASSWORD,
    mailboxes: [...opts.mailboxes],
    shell: [...(opts.shell ?? [])],
    events: [...(opts.events ?? [])],
  });
}

/** The simulator on a free loopback port, seeded with `contosoSeed(opts)`. */
export function startContoso(opts: ContosoOptions): Promise<RunningSimulator> {
  return startSimulator({ port: 0, seed: contosoSeed(opts) });
}
