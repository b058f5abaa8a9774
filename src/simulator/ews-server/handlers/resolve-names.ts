import { attr, children, el, els, text, type Raw, type XmlElement } from '../../../ews/xml/index.js';
import type { MailboxRecord } from '../../store/directory/index.js';
import type { EwsContext } from '../context.js';
import { responseMessage, responseMessages } from '../soap-response.js';
import { byDisplayName, directoryAddress } from './directory-xml.js';

/** At most 100 candidates per lookup (web-service-reference/resolvenames-operation, Remarks; types.xsd ArrayOfResolutionType). */
const MAX_CANDIDATES = 100;

/** Names ResolveNames refuses: empty, a space, a comma, a dash (web-service-reference/responsecode, ErrorInvalidNameForNameResolution). */
const INVALID_NAME = /^[\s,;-]*$/;

const startsWith = (value: string | undefined, prefix: string): boolean => value !== undefined && value.toLowerCase().startsWith(prefix);

/**
 * Ambiguous name resolution as Active Directory's ANR does it: a case-insensitive prefix of the display
 * name, first name, last name, alias (mailNickname), object name or an SMTP address; "First Last" and
 * "Last First" match the two names together. `SMTP:` in front of an address is the proxy-address form
 * and is stripped.
 */
export function anrMatches(mailboxes: readonly MailboxRecord[], entry: string): MailboxRecord[] {
  const query = entry.trim().replace(/^smtp:/i, '').toLowerCase();
  const [first, ...rest] = query.split(/\s+/);
  const second = rest.join(' ');
  return mailboxes.filter((m) => {
    if ([m.displayName, m.name, m.firstName, m.lastName, m.alias, m.smtp].some((v) => startsWith(v, query))) return true;
    if (!first || !second) return false;
    return (startsWith(m.firstName, first) && startsWith(m.lastName, second)) || (startsWith(m.lastName, first) && startsWith(m.firstName, second));
  });
}

/**
 * t:Contact as Exchange writes it for a directory entry (msdocs-resolvenames-ref.response.xml):
 * DisplayName, the address as `SMTP:` + address under Key EmailAddress1, ContactSource ActiveDirectory;
 * given name, surname and department where the directory has them. Elements in types.xsd
 * ContactItemType order.
 */
function contact(m: MailboxRecord): Raw {
  return el(
    't:Contact',
    els(
      el('t:DisplayName', m.displayName),
      m.firstName !== undefined && el('t:GivenName', m.firstName),
      el('t:EmailAddresses', el('t:Entry', `SMTP:${m.smtp}`, { Key: 'EmailAddress1' })),
      el('t:ContactSource', 'ActiveDirectory'),
      m.department !== undefined && el('t:Department', m.department),
      m.lastName !== undefined && el('t:Surname', m.lastName),
    ),
  );
}

function resolveOne(ctx: EwsContext, entry: string, fullContact: boolean, searchDirectory: boolean): Raw {
  if (INVALID_NAME.test(entry)) {
    return responseMessage('ResolveNames', 'Error', 'ErrorInvalidNameForNameResolution', undefined, 'The name passed to ResolveNames is not valid for name resolution.');
  }
  // The simulator keeps no personal contacts, so a Contacts-only search finds nothing.
  const found = searchDirectory ? anrMatches(ctx.exchange.directory.mailboxes(), entry).sort(byDisplayName) : [];
  if (found.length === 0) return responseMessage('ResolveNames', 'Error', 'ErrorNameResolutionNoResults', undefined, 'No results were found.');
  const shown = found.slice(0, MAX_CANDIDATES);
  const set = el(
    'm:ResolutionSet',
    shown.map((m) => el('t:Resolution', els(directoryAddress('t:Mailbox', m), fullContact && contact(m)))),
    { TotalItemsInView: shown.length, IncludesLastItemInRange: shown.length === found.length ? 'true' : 'false' },
  );
  // Several candidates: class Warning with the candidates listed (msdocs-resolvenames-delegate-warning.response.xml).
  return found.length === 1
    ? responseMessage('ResolveNames', 'Success', 'NoError', set)
    : responseMessage('ResolveNames', 'Warning', 'ErrorNameResolutionMultipleResults', set, 'Multiple results were found.');
}

/**
 * ResolveNames against the directory (https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/resolvenames-operation).
 * One match: Success; several: Warning ErrorNameResolutionMultipleResults with every candidate; none:
 * Error ErrorNameResolutionNoResults. The schema allows one UnresolvedEntry, but exchangelib batches
 * several into one request; each gets its own ResponseMessage, in order.
 */
export function resolveNames(ctx: EwsContext, body: XmlElement): Raw {
  const flag = (attr(body, 'ReturnFullContactData') ?? 'false').trim().toLowerCase();
  const fullContact = flag === 'true' || flag === '1';
  const scope = attr(body, 'SearchScope') ?? 'ActiveDirectoryContacts';
  const searchDirectory = scope !== 'Contacts';
  const entries = children(body, 'UnresolvedEntry').map((e) => text(e) ?? '');
  return responseMessages((entries.length > 0 ? entries : ['']).map((entry) => resolveOne(ctx, entry, fullContact, searchDirectory)));
}
