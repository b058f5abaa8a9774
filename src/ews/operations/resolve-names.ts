import { AppError } from '../../shared/errors.js';
import { readEmailAddress, readItemId } from '../schema/calendar-item-fields.js';
import type { EmailAddress, ItemId } from '../schema/types.js';
import { versionAtLeast } from '../schema/versions.js';
import { attr, child, children, el, els, text, type XmlElement } from '../xml/index.js';
import { writeFolderId, type FolderRef } from './common.js';
import { messageError, responseMessages } from './envelope.js';
import type { Operation, ParseContext } from './operation.js';

/** Where Exchange looks (types.xsd ResolveNamesSearchScopeType); the schema default is ActiveDirectoryContacts. */
export type ResolveNamesSearchScope = 'ActiveDirectory' | 'ActiveDirectoryContacts' | 'Contacts' | 'ContactsActiveDirectory';

/** The contacts folder that ResolveNames searches besides the directory, optionally another user's. */
export type ContactsFolderRef = FolderRef | { readonly distinguished: 'contacts'; readonly mailbox?: string };

export interface ResolveNamesArgs {
  /** A name, alias or address, as a person would say or type it. */
  readonly entry: string;
  /** Ask for the contact card (display name, job title, …) too. Default true. */
  readonly returnFullContactData?: boolean;
  /** Omitted: the server's default (ActiveDirectoryContacts). */
  readonly searchScope?: ResolveNamesSearchScope;
  /** Contact property set; sent only to Exchange2010_SP2 and later, which introduced it. */
  readonly contactDataShape?: 'IdOnly' | 'Default' | 'AllProperties';
  /** Contact folders to search instead of the caller's own. */
  readonly parentFolders?: readonly ContactsFolderRef[];
}

export interface ResolvedEmail {
  /** EmailAddresses key, e.g. `EmailAddress1`. */
  readonly key: string;
  /** The address without its routing prefix. */
  readonly address: string;
  /** The prefix Exchange put before it (`SMTP`, `smtp` for a secondary proxy, `X500`, `SIP`), if any. */
  readonly routingType?: string;
}

export interface ResolvedContact {
  readonly displayName: string;
  readonly givenName?: string;
  readonly surname?: string;
  readonly emailAddresses?: readonly ResolvedEmail[];
  readonly jobTitle?: string;
  readonly department?: string;
  readonly officeLocation?: string;
  /** `ActiveDirectory` or `Store` (a personal contact). */
  readonly contactSource?: string;
}

export interface ResolvedName {
  readonly mailbox: EmailAddress;
  /** Set when the match is a contact item in a mailbox (Mailbox/ItemId). */
  readonly itemId?: ItemId;
  readonly contact?: ResolvedContact;
}

export interface ResolveNamesResult {
  /** Candidates in the order Exchange ranked them (at most 100). */
  readonly entries: readonly ResolvedName[];
  /** Several people match (ErrorNameResolutionMultipleResults, sent as a Warning with the candidates). */
  readonly ambiguous: boolean;
  /** Nobody matches (ErrorNameResolutionNoResults): an answer, not a failure. */
  readonly noResults: boolean;
}

const NO_RESULTS = 'ErrorNameResolutionNoResults';
const MULTIPLE = 'ErrorNameResolutionMultipleResults';

/**
 * ResolveNames: one name against the directory and/or contacts.
 * https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/resolvenames-operation
 */
export const ResolveNames: Operation<ResolveNamesArgs, ResolveNamesResult> = {
  name: 'ResolveNames',
  minVersion: 'Exchange2007',
  reference: 'https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/resolvenames-operation',
  idempotent: true,
  build(a, version) {
    // UnresolvedEntry is a NonEmptyStringType: an empty name is a schema fault, so refuse it here.
    if (a.entry.trim() === '') throw new AppError('InvalidArgument', 'ResolveNames: the name to resolve is empty.', 'Give a name, alias or email address.');
    const folders = a.parentFolders ?? [];
    return el(
      'm:ResolveNames',
      els(folders.length > 0 && el('m:ParentFolderIds', folders.map(writeContactsFolder)), el('m:UnresolvedEntry', a.entry)),
      {
        ReturnFullContactData: a.returnFullContactData ?? true,
        SearchScope: a.searchScope,
        // Older servers reject the attribute outright; without it they return their default shape.
        ContactDataShape: a.contactDataShape !== undefined && versionAtLeast(version, 'Exchange2010_SP2') ? a.contactDataShape : undefined,
      },
    );
  },
  parse(response: XmlElement, ctx: ParseContext) {
    const [msg] = responseMessages(response);
    if (!msg) throw messageError({ responseClass: 'Error', responseCode: 'ErrorInvalidRequest', messageText: 'ResolveNamesResponse has no ResponseMessage', values: {}, element: {} }, ctx.operation, ctx.errors);
    if (msg.responseCode === NO_RESULTS) return { entries: [], ambiguous: false, noResults: true };
    if (msg.responseClass === 'Error') throw messageError(msg, ctx.operation, ctx.errors);
    const entries = children(child(msg.element, 'ResolutionSet'), 'Resolution').map(readResolution);
    return { entries, ambiguous: msg.responseCode === MULTIPLE || entries.length > 1, noResults: entries.length === 0 };
  },
};

function writeContactsFolder(f: ContactsFolderRef) {
  if ('distinguished' in f && f.distinguished === 'contacts') {
    return el('t:DistinguishedFolderId', f.mailbox !== undefined ? el('t:Mailbox', el('t:EmailAddress', f.mailbox)) : undefined, { Id: 'contacts' });
  }
  return writeFolderId(f as FolderRef);
}

function readResolution(r: XmlElement): ResolvedName {
  const mbx = child(r, 'Mailbox');
  const itemId = readItemId(child(mbx, 'ItemId'));
  const contact = readContact(child(r, 'Contact'));
  return { mailbox: readEmailAddress(mbx) ?? {}, ...(itemId ? { itemId } : {}), ...(contact ? { contact } : {}) };
}

/** `SMTP:a@b` -> routing type and address; anything without a known prefix stays whole. */
function splitAddress(key: string, value: string): ResolvedEmail {
  const m = /^(smtp|x500|x400|sip|ex|eum):(.*)$/i.exec(value);
  return m && m[1] !== undefined && m[2] !== undefined ? { key, address: m[2], routingType: m[1] } : { key, address: value };
}

function readContact(c: XmlElement | undefined): ResolvedContact | undefined {
  if (!c) return undefined;
  const opt = (name: string, key: keyof ResolvedContact) => {
    const v = text(c, name);
    return v !== undefined && v !== '' ? { [key]: v } : {};
  };
  const list = child(c, 'EmailAddresses');
  const emails = children(list, 'Entry').map((e) => splitAddress(attr(e, 'Key') ?? '', (text(e) ?? '').trim()));
  return {
    displayName: text(c, 'DisplayName') ?? '',
    ...opt('GivenName', 'givenName'),
    ...opt('Surname', 'surname'),
    ...(list ? { emailAddresses: emails } : {}),
    ...opt('JobTitle', 'jobTitle'),
    ...opt('Department', 'department'),
    ...opt('OfficeLocation', 'officeLocation'),
    ...opt('ContactSource', 'contactSource'),
  };
}
