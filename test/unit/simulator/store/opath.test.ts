import { describe, expect, it } from 'vitest';
import { compileOpath, OpathSyntaxError, parseOpath, recipientLookup } from '../../../../src/simulator/store/directory/index.js';
import { contoso } from './contoso.js';

const dir = contoso();
const matches = (filter: string, who: string): boolean => compileOpath(filter)(recipientLookup(dir.findMailbox(who)!));
const whoMatches = (filter: string): string[] =>
  dir
    .mailboxes()
    .filter((m) => compileOpath(filter)(recipientLookup(m)))
    .map((m) => m.alias);

describe('OPATH recipient filters', () => {
  it.each([
    ['RecipientTypeDetails -eq "UserMailbox"', ['Administrator', 'alice', 'bob']],
    ["RecipientTypeDetails -eq 'roommailbox'", ['ConferenceRoom1', 'boardroom']],
    ['RecipientTypeDetails -ne "UserMailbox"', ['ConferenceRoom1', 'boardroom', 'Projector']],
    ["Name -like 'b*'", ['bob', 'boardroom']],
    ["Name -like '*room*'", ['ConferenceRoom1', 'boardroom']],
    ["Name -notlike '*room*' -and RecipientTypeDetails -ne 'UserMailbox'", ['Projector']],
    ["Alias -eq 'alice' -or Alias -eq 'bob'", ['alice', 'bob']],
    ["-not (RecipientTypeDetails -eq 'UserMailbox')", ['ConferenceRoom1', 'boardroom', 'Projector']],
    ["-not(Alias -like 'a*') -and (RecipientTypeDetails -eq 'UserMailbox')", ['bob']],
    ["PrimarySmtpAddress -eq 'BOB@CONTOSO.COM'", ['bob']],
    ["DisplayName -like 'alice *'", ['alice']],
    ["Department -eq 'Sales'", ['alice']],
    ['Department -eq $null', ['Administrator', 'ConferenceRoom1', 'boardroom', 'Projector']],
    ['Department -ne $null', ['alice', 'bob']],
    ["CustomAttribute1 -eq 'VIP'", ['bob']],
    ['RecipientType -eq UserMailbox', ['Administrator', 'alice', 'bob', 'ConferenceRoom1', 'boardroom', 'Projector']],
    ["EmailAddresses -like 'smtp:alice@*'", ['alice']],
    ['Alias -eq "it""s"', []],
  ])('%s', (filter, expected) => {
    expect(whoMatches(filter)).toEqual(expected);
  });

  it('accepts typographic dashes and keyword case as PowerShell does', () => {
    expect(matches('RecipientTypeDetails \u2013EQ "UserMailbox" \u2014And Name \u2015LIKE "a*"', 'alice')).toBe(true);
    expect(matches('recipienttypedetails -EQ "usermailbox"', 'bob')).toBe(true);
  });

  it('makes -and and -or left-associative at one precedence, as PowerShell does', () => {
    // (alice-or-bob) -and room -> nobody, whereas alice -or (bob -and room) would give alice.
    expect(whoMatches("Alias -eq 'alice' -or Alias -eq 'bob' -and RecipientTypeDetails -eq 'RoomMailbox'")).toEqual([]);
  });

  it('parses to a tree', () => {
    expect(parseOpath("Name -like 'a*' -and -not(Alias -eq 'x')")).toEqual({
      kind: 'and',
      left: { kind: 'compare', property: 'Name', operator: 'like', value: 'a*' },
      right: { kind: 'not', operand: { kind: 'compare', property: 'Alias', operator: 'eq', value: 'x' } },
    });
  });

  it.each([
    ['RecipientTypeDetails -eq', 'Invalid filter syntax', 25],
    ['RecipientTypeDetails -gt 1', 'Invalid filter syntax', 22],
    ["(Name -eq 'a'", 'Invalid filter syntax', 14],
    ["Name -eq 'a')", 'Invalid filter syntax', 13],
    ["Name -eq 'a", 'Invalid filter syntax', 10],
    ["Colour -eq 'blue'", '"Colour" is not a recognized filterable property', 1],
  ])('refuses %s with Exchange wording', (filter, message, position) => {
    try {
      parseOpath(filter);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(OpathSyntaxError);
      expect((err as OpathSyntaxError).message).toContain(message);
      expect((err as OpathSyntaxError).message).toContain(`"${filter}" at position ${position}.`);
      expect((err as OpathSyntaxError).position).toBe(position);
    }
  });
});
