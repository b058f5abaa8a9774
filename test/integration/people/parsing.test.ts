import { describe, expect, it } from 'vitest';
import type { ResolvedName, ResolveNamesResult } from '../../../src/ews/operations/resolve-names.js';
import { parseCsv } from '../../../src/server/people/csv.js';
import { csvCell } from '../../../src/server/csv-export.js';
import { judgeResolution, today } from '../../../src/server/people/mailbox-check.js';

const mailbox = (email: string, name: string, proxies: string[] = []): ResolvedName => ({
  mailbox: { email, name, routingType: 'SMTP', mailboxType: 'Mailbox' },
  contact: { displayName: name, emailAddresses: [{ key: 'EmailAddress1', address: email, routingType: 'SMTP' }, ...proxies.map((p, i) => ({ key: `EmailAddress${i + 2}`, address: p, routingType: 'smtp' }))] },
});
const result = (...entries: ResolvedName[]): ResolveNamesResult => ({ entries, ambiguous: entries.length > 1, noResults: entries.length === 0 });

/** The pure halves: how a ResolveNames answer is judged, and CSV in and out. */
describe('judging what the invited address resolves to', () => {
  it('accepts the mailbox whose primary address is the invited one, even among other ANR matches', () => {
    expect(judgeResolution('Bob@Contoso.com', result(mailbox('bob@contoso.com', 'Bob Smith')))).toEqual({ ok: true, mailbox: 'bob@contoso.com' });
    expect(judgeResolution('bob@contoso.com', result(mailbox('bob@contoso.com.au', 'Bob AU'), mailbox('bob@contoso.com', 'Bob Smith')))).toEqual({ ok: true, mailbox: 'bob@contoso.com' });
  });

  it('names the mailbox a secondary proxy address belongs to, with the Set-Mailbox fix', () => {
    const v = judgeResolution('robert@contoso.com', result(mailbox('bob@contoso.com', 'Bob Smith', ['robert@contoso.com'])));
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.problem.code).toBe('MailboxMismatch');
    expect(v.problem.message).toBe('The address robert@contoso.com you were invited with does not match the email address of your mailbox in Microsoft Exchange: it is a secondary proxy address of the mailbox bob@contoso.com (Bob Smith), whose primary address is bob@contoso.com.');
    expect(v.problem.hint).toBe(
      'Verify that the email address you invited the user with matches the email address in your Microsoft Exchange server. Either re-invite the user as bob@contoso.com, or make robert@contoso.com the mailbox\'s primary address in the Exchange Management Shell: Set-Mailbox -Identity bob -PrimarySmtpAddress robert@contoso.com',
    );
  });

  it('says when it resolves to several mailboxes, naming them', () => {
    const v = judgeResolution('sam@contoso.co', result(mailbox('sam@contoso.com', 'Sam One'), mailbox('sam@contoso.co.uk', 'Sam Two')));
    expect(v).toMatchObject({ ok: false, problem: { code: 'MailboxAmbiguous' } });
    if (v.ok) return;
    expect(v.problem.message).toContain('matches 2 mailboxes in Microsoft Exchange (sam@contoso.com (Sam One), sam@contoso.co.uk (Sam Two))');
  });

  it('says when it resolves to nothing, or to a group', () => {
    expect(judgeResolution('ghost@contoso.com', result())).toMatchObject({ ok: false, problem: { code: 'MailboxNotFound' } });
    const group: ResolvedName = { mailbox: { email: 'team@contoso.com', name: 'Team', mailboxType: 'PublicDL' } };
    const v = judgeResolution('team@contoso.com', result(group));
    expect(v).toMatchObject({ ok: false, problem: { code: 'MailboxNotFound' } });
    if (!v.ok) expect(v.problem.message).toContain('which is a PublicDL in Microsoft Exchange, not a mailbox');
  });

  it('reads today as the person\'s own day', () => {
    expect(today('Europe/Berlin', new Date('2026-12-07T23:30:00Z'))).toEqual({ start: '2026-12-07T23:00:00.000Z', end: '2026-12-08T23:00:00.000Z' });
  });
});

describe('CSV', () => {
  it('reads quoted fields, doubled quotes, CRLF, a BOM, and says on which line each record starts', () => {
    const text = '\uFEFFemail,displayName\r\n"a@x.com","Doe, ""J"""\r\n\r\nb@x.com,"two\nlines"\nc@x.com\n,,\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, cells: ['email', 'displayName'] },
      { line: 2, cells: ['a@x.com', 'Doe, "J"'] },
      { line: 4, cells: ['b@x.com', 'two\nlines'] },
      { line: 6, cells: ['c@x.com'] },
    ]);
  });

  it('writes cells that a spreadsheet will not run', () => {
    expect(csvCell('=1+2')).toBe("'=1+2");
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('@x')).toBe("'@x");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell(' padded ')).toBe('" padded "');
    expect(csvCell('=a,"b"')).toBe('"\'=a,""b"""');
    expect(csvCell(-1)).toBe('-1');
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell(null)).toBe('');
  });
});
