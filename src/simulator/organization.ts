import { randomBytes } from 'node:crypto';
import { CalendarStore } from './store/calendar/index.js';
import { Directory } from './store/directory/index.js';
import { ManagementShell } from './shell/index.js';
import { SimulatedExchange } from './ews-server/exchange.js';
import { eventInput, SeedError, type Seed } from './seed.js';

export interface Organization {
  readonly exchange: SimulatedExchange;
  /** The administrator's Management Shell session (variables persist across commands). */
  readonly shell: ManagementShell;
  /** Set when the seed gave none: printed once at start, never stored in plain text. */
  readonly generatedAdminPassword?: string;
}

/** A password that meets AD's default complexity rule. */
function generatePassword(): string {
  return `Sim-${randomBytes(9).toString('base64url')}-9a`;
}

/**
 * Builds the organization a seed describes, all in memory: mailboxes, then the shell lines in order,
 * then the events. The first failure throws a SeedError naming the entry; nothing is kept.
 */
export async function buildOrganization(seed: Seed): Promise<Organization> {
  const generated = seed.adminPassword === undefined ? generatePassword() : undefined;
  let directory: Directory;
  try {
    directory = Directory.create({ domain: seed.domain, administratorPassword: seed.adminPassword ?? generated!, basicAuthentication: seed.basicAuth, ...(seed.serverName ? { serverName: seed.serverName } : {}) });
  } catch (err) {
    throw new SeedError('domain', (err as Error).message);
  }
  seed.mailboxes.forEach((m, i) => {
    try {
      directory.addMailbox({
        name: m.name,
        smtp: m.smtp,
        alias: m.alias ?? m.smtp.split('@')[0]!,
        ...(m.password !== undefined ? { password: m.password } : {}),
        type: m.type,
        ...(m.capacity !== undefined ? { capacity: m.capacity } : {}),
        ...(m.timeZone !== undefined ? { timeZone: m.timeZone } : {}),
        ...(m.firstName !== undefined ? { firstName: m.firstName } : {}),
        ...(m.lastName !== undefined ? { lastName: m.lastName } : {}),
        ...(m.department !== undefined ? { department: m.department } : {}),
      });
    } catch (err) {
      throw new SeedError(`mailboxes[${i}] (${m.smtp})`, (err as Error).message);
    }
  });
  const exchange = new SimulatedExchange(seed.version, directory, (resolve) => new CalendarStore({ resolve }), seed.throttle);
  const shell = new ManagementShell(directory);
  for (const [i, line] of seed.shell.entries()) {
    const r = await shell.run(line);
    if (!r.ok) throw new SeedError(`shell line ${i + 1} (${line})`, r.output.trim());
  }
  for (const [i, e] of seed.events.entries()) {
    try {
      if (!directory.findMailbox(e.organizer)) throw new Error(`no mailbox ${e.organizer} in this seed`);
      const input = eventInput(e);
      const invite = input.requiredAttendees || input.optionalAttendees || input.resources ? 'SendToAllAndSaveCopy' : 'SendToNone';
      const entry = exchange.calendar.createItem(e.organizer, input, invite);
      if (e.cancelled) exchange.calendar.deleteItem(entry.id, 'SendToAllAndSaveCopy');
    } catch (err) {
      throw new SeedError(`events[${i}] (${e.subject})`, (err as Error).message);
    }
  }
  return { exchange, shell, ...(generated ? { generatedAdminPassword: generated } : {}) };
}
