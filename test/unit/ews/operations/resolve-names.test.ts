import { describe, expect, it } from 'vitest';
import { buildEnvelope, parseEnvelope } from '../../../../src/ews/operations/envelope.js';
import type { ParseContext } from '../../../../src/ews/operations/operation.js';
import { ResolveNames, type ResolveNamesArgs, type ResolveNamesResult } from '../../../../src/ews/operations/resolve-names.js';
import { EwsError } from '../../../../src/ews/errors.js';
import type { ExchangeVersion } from '../../../../src/ews/schema/versions.js';
import { attr, child, path, text, type XmlElement } from '../../../../src/ews/xml/index.js';
import { AppError } from '../../../../src/shared/errors.js';
import { fixture, fixtureFiles, validateEnvelope } from '../../../support/shared.js';

const OP = 'ResolveNames';
const ctx: ParseContext = { operation: OP, errors: { account: 'svc-concierge@contoso.com' } };

function envelope(args: ResolveNamesArgs, version: ExchangeVersion = 'Exchange2013'): string {
  return buildEnvelope({ version: 'Exchange2013', impersonate: 'alice@contoso.com' }, ResolveNames.build(args, version));
}

/** Schema check of the whole envelope (headers and body) against Microsoft's messages.xsd/types.xsd. */
async function expectValid(xml: string): Promise<void> {
  const v = await validateEnvelope(xml);
  expect(v.valid, v.output).toBe(true);
  expect(v.output).toMatch(/^VALID\s+\S+ :: Body\/m:ResolveNames$/m);
}

function parseFixture(file: string): ResolveNamesResult {
  return ResolveNames.parse(parseEnvelope(fixture(OP, file)).body, ctx);
}

/** What a ResolveNames request asks, read the same way from ours and from Microsoft's examples. */
function requestSummary(body: XmlElement) {
  const folder = path(body, 'ParentFolderIds', 'DistinguishedFolderId');
  return {
    entry: text(body, 'UnresolvedEntry'),
    returnFullContactData: attr(body, 'ReturnFullContactData'),
    searchScope: attr(body, 'SearchScope'),
    contactDataShape: attr(body, 'ContactDataShape'),
    folder: folder ? { id: attr(folder, 'Id'), mailbox: text(path(folder, 'Mailbox'), 'EmailAddress') } : undefined,
  };
}

describe('ResolveNames request', () => {
  it('writes a schema-valid minimal request, like Microsoft\'s reference example', async () => {
    const xml = envelope({ entry: 'User2' });
    await expectValid(xml);
    const ours = requestSummary(parseEnvelope(xml).body);
    expect(ours).toEqual(requestSummary(parseEnvelope(fixture(OP, 'msdocs-resolvenames-ref.request.xml')).body));
    expect(ours).toEqual({ entry: 'User2', returnFullContactData: 'true', searchScope: undefined, contactDataShape: undefined, folder: undefined });
  });

  it('matches the delegate example: another mailbox\'s contacts folder, SearchScope=Contacts', async () => {
    const xml = envelope({ entry: 'johnson', searchScope: 'Contacts', parentFolders: [{ distinguished: 'contacts', mailbox: 'primary@contoso.com' }] });
    await expectValid(xml);
    const ours = requestSummary(parseEnvelope(xml).body);
    expect(ours).toEqual(requestSummary(parseEnvelope(fixture(OP, 'msdocs-resolvenames-delegate-warning.request.xml')).body));
    expect(ours.folder).toEqual({ id: 'contacts', mailbox: 'primary@contoso.com' });
  });

  it('writes ParentFolderIds before UnresolvedEntry (schema sequence)', () => {
    const xml = ResolveNames.build({ entry: 'x', parentFolders: [{ id: 'AAMk=' }] }, 'Exchange2013').xml;
    expect(xml.indexOf('<m:ParentFolderIds>')).toBeLessThan(xml.indexOf('<m:UnresolvedEntry>'));
    expect(xml).toContain('<t:FolderId Id="AAMk="/>');
  });

  it.each(['ActiveDirectory', 'ActiveDirectoryContacts', 'Contacts', 'ContactsActiveDirectory'] as const)('SearchScope=%s validates', async (scope) => {
    const xml = envelope({ entry: 'Sadie', searchScope: scope, returnFullContactData: false });
    expect(requestSummary(parseEnvelope(xml).body)).toMatchObject({ searchScope: scope, returnFullContactData: 'false' });
    await expectValid(xml);
  });

  it('sends ContactDataShape only to Exchange2010_SP2 and later, which introduced it', async () => {
    const newer = envelope({ entry: 'Sadie', contactDataShape: 'AllProperties' }, 'Exchange2010_SP2');
    expect(requestSummary(parseEnvelope(newer).body).contactDataShape).toBe('AllProperties');
    await expectValid(newer);
    const older = ResolveNames.build({ entry: 'Sadie', contactDataShape: 'AllProperties' }, 'Exchange2010_SP1').xml;
    expect(older).not.toContain('ContactDataShape');
  });

  it('escapes the name: markup in it stays text', async () => {
    const name = 'O\'Brien & <t:Evil/> "Sales"';
    const xml = envelope({ entry: name });
    expect(xml).not.toContain('<t:Evil/>');
    expect(text(parseEnvelope(xml).body, 'UnresolvedEntry')).toBe(name);
    await expectValid(xml);
  });

  it('refuses an empty name before sending (UnresolvedEntry is NonEmptyStringType)', () => {
    expect(() => ResolveNames.build({ entry: '  ' }, 'Exchange2013')).toThrowError(AppError);
  });
});

describe('ResolveNames recorded responses', () => {
  const expected: Record<string, ResolveNamesResult> = {
    'msdocs-resolvenames-ref.response.xml': {
      entries: [
        {
          mailbox: { name: 'User2', email: 'User2@example.com', routingType: 'SMTP', mailboxType: 'Mailbox' },
          contact: {
            displayName: 'User2',
            emailAddresses: [{ key: 'EmailAddress1', address: 'User2@example.com', routingType: 'SMTP' }],
            contactSource: 'ActiveDirectory',
          },
        },
      ],
      ambiguous: false,
      noResults: false,
    },
    'msdocs-resolvenames-ambiguous.response.xml': {
      entries: [
        {
          mailbox: { name: 'Sadie Daniels', email: 'Sadie@Contoso.com', routingType: 'SMTP', mailboxType: 'Mailbox' },
          contact: {
            displayName: 'Sadie Daniels',
            emailAddresses: [{ key: 'EmailAddress1', address: 'Sadie@Contoso.com', routingType: 'SMTP' }],
            contactSource: 'ActiveDirectory',
          },
        },
      ],
      ambiguous: false,
      noResults: false,
    },
    'msdocs-resolvenames-delegate-warning.response.xml': {
      entries: [
        {
          mailbox: { name: 'brian_1@contoso.com', email: 'brian_1@contoso.com', routingType: 'SMTP', mailboxType: 'Contact' },
          itemId: { id: 'iMihAAA=', changeKey: 'EQAAABYAAADOilbYa8KaT7ZgMoTz2P+hAAABiPQo' },
        },
        {
          mailbox: { name: 'brian_2@contoso.com', email: 'brian_2@contoso.com', routingType: 'SMTP', mailboxType: 'Contact' },
          itemId: { id: 'iMihAAA=', changeKey: 'EQAAABYAAADOilbYa8KaT7ZgMoTz2P+hAAABiPQo' },
        },
      ],
      ambiguous: true,
      noResults: false,
    },
    'msdocs-resolvenames-ref-error-noresults.response.xml': { entries: [], ambiguous: false, noResults: true },
    'msdocs-resolvenames-ambiguous-error-noresults.response.xml': { entries: [], ambiguous: false, noResults: true },
  };

  it('every recorded response has an expectation here', () => {
    expect(fixtureFiles(OP).sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.entries(expected))('%s', (file, want) => {
    expect(parseFixture(file)).toEqual(want);
  });

  it('an ambiguous name arrives as a Warning that still lists the candidates', () => {
    const raw = fixture(OP, 'msdocs-resolvenames-delegate-warning.response.xml');
    expect(raw).toContain('ResponseClass="Warning"');
    const r = parseFixture('msdocs-resolvenames-delegate-warning.response.xml');
    expect(r.ambiguous).toBe(true);
    expect(r.entries.map((e) => e.mailbox.email)).toEqual(['brian_1@contoso.com', 'brian_2@contoso.com']);
  });

  it('no match is an empty answer, not a throw', () => {
    expect(() => parseFixture('msdocs-resolvenames-ref-error-noresults.response.xml')).not.toThrow();
  });
});

describe('ResolveNames other errors', () => {
  // Synthetic: the recorded no-results answer with another code, to show every other error throws.
  const withCode = (code: string, cls = 'Error') =>
    fixture(OP, 'msdocs-resolvenames-ref-error-noresults.response.xml')
      .replace('ErrorNameResolutionNoResults', code)
      .replace('ResponseClass="Error"', `ResponseClass="${cls}"`)
      .replace('No results were found.', 'Synthetic message.');

  it('throws the typed EwsError with code and Exchange\'s words', () => {
    const body = parseEnvelope(withCode('ErrorAccessDenied')).body;
    let err: unknown;
    try {
      ResolveNames.parse(body, ctx);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(EwsError);
    expect(err).toMatchObject({ code: 'ErrorAccessDenied', data: { operation: OP, responseCode: 'ErrorAccessDenied', serverMessage: 'Synthetic message.' } });
  });

  it('throws for a response without any ResponseMessage', () => {
    const body = parseEnvelope(
      '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><m:ResolveNamesResponse xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages"><m:ResponseMessages/></m:ResolveNamesResponse></s:Body></s:Envelope>',
    ).body;
    expect(() => ResolveNames.parse(body, ctx)).toThrowError(EwsError);
  });

  it('a Success without a ResolutionSet reads as no results', () => {
    const body = parseEnvelope(withCode('NoError', 'Success')).body;
    expect(child(body, 'ResponseMessages')).toBeDefined();
    expect(ResolveNames.parse(body, ctx)).toEqual({ entries: [], ambiguous: false, noResults: true });
  });
});
