import { EwsError, type EwsErrorCode, type EwsErrorData } from './errors.js';

/** What the catalog may name in its words. */
export interface ErrorContext {
  readonly account?: string;
  readonly mailbox?: string;
  readonly url?: string;
}

type Words = (c: ErrorContext, d: EwsErrorData) => readonly [message: string, hint: string];

const acct = (c: ErrorContext) => c.account ?? 'the service account';
const mbx = (c: ErrorContext, d: EwsErrorData) => d.mailbox ?? c.mailbox ?? 'the mailbox';
const alias = (smtp: string) => smtp.split('@')[0] ?? smtp;
const acctAlias = (c: ErrorContext) => (c.account ? alias(c.account) : '<service account>');
const wait = (d: EwsErrorData) => (d.backOffMs !== undefined ? ` Exchange asked to wait ${Math.ceil(d.backOffMs / 1000)} s.` : '');
/** Said only when it happened: the hint of a final error must not promise a retry that is over. */
const retried = (d: EwsErrorData) => (d.attempts !== undefined && d.attempts > 1 ? `Concierge waited${d.backOffMs !== undefined ? ' as Exchange asked' : ''} and tried ${d.attempts} times; it is still busy. ` : '');
/** The port the URL names, or its scheme's default; undefined when there is no URL to read. */
function portOf(url: string | undefined): string | undefined {
  if (url === undefined || !URL.canParse(url)) return undefined;
  const u = new URL(url);
  return u.port || (u.protocol === 'http:' ? '80' : u.protocol === 'https:' ? '443' : undefined);
}

/**
 * Plain words for every failure a calendar client can meet. Hints quote the Exchange Management Shell
 * command that fixes the problem, with the real names filled in where they are known.
 */
const CATALOG: Partial<Record<EwsErrorCode, Words>> = {
  ErrorAccessDenied: (c, d) => [
    `Exchange denied ${acct(c)} access to ${mbx(c, d)}.`,
    `With full access (delegation), grant the calendar permission: Add-MailboxFolderPermission -Identity "${alias(mbx(c, d))}:\\Calendar" -User ${acctAlias(c)} -AccessRights Editor. With impersonation, the user's own rights apply: check that the item or folder belongs to them.`,
  ],
  ErrorImpersonateUserDenied: (c, d) => [
    `${acct(c)} may not impersonate ${mbx(c, d)}.`,
    `Give it the ApplicationImpersonation role, and make sure any management scope includes this mailbox: New-ManagementRoleAssignment -Name "ConciergeImpersonation" -Role ApplicationImpersonation -User ${acctAlias(c)} (check scopes with Get-ManagementRoleAssignment -Role ApplicationImpersonation | fl Name,User,CustomRecipientWriteScope).`,
  ],
  ErrorImpersonationDenied: (c) => [
    `${acct(c)} may not use impersonation on this Exchange server.`,
    `Assign the ApplicationImpersonation role: New-ManagementRoleAssignment -Name "ConciergeImpersonation" -Role ApplicationImpersonation -User ${acctAlias(c)}.`,
  ],
  ErrorImpersonationFailed: (c, d) => [
    `Exchange could not impersonate ${mbx(c, d)}.`,
    'Check that the address is the primary SMTP address of an existing mailbox and that Active Directory is reachable from the Exchange server; then try again.',
  ],
  ErrorNonExistentMailbox: (c, d) => [
    `No mailbox exists for ${mbx(c, d)}.`,
    'Use the primary SMTP address of an existing mailbox (Get-Mailbox -Identity <name> | fl PrimarySmtpAddress shows it).',
  ],
  ErrorItemNotFound: () => ['The calendar item no longer exists (it was deleted or moved).', 'Refresh the calendar and try again.'],
  ErrorFolderNotFound: (c, d) => [
    `The calendar folder of ${mbx(c, d)} was not found or is not visible to ${acct(c)}.`,
    `Grant folder access: Add-MailboxFolderPermission -Identity "${alias(mbx(c, d))}:\\Calendar" -User ${acctAlias(c)} -AccessRights Editor.`,
  ],
  ErrorServerBusy: (_c, d) => [`Exchange is busy and throttled the request.${wait(d)}`, `${retried(d)}Try again in a few minutes; if this persists, raise the throttling policy of the service account (Set-ThrottlingPolicy).`],
  ErrorExceededConnectionCount: (c) => [
    `${acct(c)} has too many concurrent connections to Exchange.`,
    'Lower Concierge\'s per-server concurrency, or raise EWSMaxConcurrency in the account\'s throttling policy.',
  ],
  ErrorInvalidRequest: (_c, d) => [`Exchange refused the request as invalid${d.serverMessage ? `: ${d.serverMessage}` : ''}.`, 'This is a Concierge bug or an unsupported Exchange version; report it with the wire log (DEBUG=ews:wire).'],
  ErrorSchemaValidation: (_c, d) => [`Exchange says the request does not match its schema${d.serverMessage ? `: ${d.serverMessage}` : ''}.`, 'The Exchange server may be older than the requested schema version; set the server version option (for example Exchange2013), or report it with the wire log.'],
  ErrorInvalidServerVersion: () => ['Exchange does not accept the requested schema version.', 'Set the server version option to one this server supports (Exchange2013 for Exchange 2013 and later).'],
  ErrorIncorrectSchemaVersion: () => ['Exchange does not accept the requested schema version.', 'Set the server version option to one this server supports (Exchange2013 for Exchange 2013 and later).'],
  ErrorCalendarInvalidTimeZone: () => ['Exchange does not know the time zone in the request.', 'Use a Windows time zone id that Exchange lists (Get-TimeZone -ListAvailable), or an IANA zone that maps to one.'],
  ErrorCalendarEndDateIsEarlierThanStartDate: () => ['The event would end before it starts.', 'Give an end time after the start time.'],
  ErrorCalendarViewRangeTooBig: () => ['The requested calendar window is longer than Exchange allows (two years).', 'Ask for a shorter window.'],
  ErrorMailboxStoreUnavailable: (c, d) => [`The mailbox database of ${mbx(c, d)} is unavailable.`, 'Exchange is mounting or failing over the database; try again in a few minutes (Get-MailboxDatabaseCopyStatus shows its state).'],
  ErrorMailboxMoveInProgress: (c, d) => [`The mailbox ${mbx(c, d)} is being moved.`, 'Try again when the move has finished (Get-MoveRequest shows it).'],
  ErrorTimeoutExpired: () => ['Exchange took too long to answer and gave up.', 'Try again; ask for a shorter window if it happens for large calendars.'],
  ErrorInternalServerError: (_c, d) => [`Exchange had an internal error${d.serverMessage ? `: ${d.serverMessage}` : ''}.`, 'Try again; if it persists, check the Exchange server\'s event log.'],
  ErrorInternalServerTransientError: () => ['Exchange had a temporary internal error.', 'Try again in a moment.'],
  ErrorSendAsDenied: (c, d) => [
    `${acct(c)} may not send as ${mbx(c, d)}.`,
    `Grant Send As: Add-ADPermission -Identity "${alias(mbx(c, d))}" -User ${acctAlias(c)} -ExtendedRights "Send As".`,
  ],
  ErrorNameResolutionNoResults: () => ['No one in the directory matches that name.', 'Check the spelling, or use the full email address.'],
  ErrorNameResolutionMultipleResults: () => ['Several people in the directory match that name.', 'Use a fuller name or the email address.'],
  ErrorInvalidChangeKey: () => ['The event changed since it was read.', 'Read it again and repeat the change.'],
  ErrorIrresolvableConflict: () => ['The event changed since it was read and the change conflicts.', 'Read it again and repeat the change.'],
  ErrorInvalidIdMalformed: () => ['The event id is not a valid Exchange id.', 'Use an id returned by Exchange for this mailbox.'],
  ErrorQuotaExceeded: (c, d) => [`The mailbox ${mbx(c, d)} is over its quota.`, 'Free space in the mailbox or raise its quota (Set-Mailbox -ProhibitSendReceiveQuota).'],
  HttpUnauthorized: (c, d) => [
    `Exchange rejected the credentials of ${acct(c)} (HTTP 401${d.authSchemes?.length ? `; it offers ${d.authSchemes.join(', ')}` : ''}).`,
    d.authSchemes && d.authSchemes.length > 0 && !d.authSchemes.some((s) => s.toLowerCase() === 'basic')
      ? 'Basic authentication is off on the EWS virtual directory. Turn it on: Set-WebServicesVirtualDirectory -Identity "<SERVER>\\EWS (Default Web Site)" -BasicAuthentication $true'
      : 'Check the UPN and password (is the password expired or the account locked?); the UPN looks like user@domain.',
  ],
  HttpForbidden: (c) => [`Exchange refused ${acct(c)} (HTTP 403).`, 'The account may be disabled, or EWS access may be blocked for it (Get-CASMailbox <account> | fl EwsEnabled,EwsAllowList).'],
  HttpNotFound: (c) => [`Nothing answers at ${c.url ?? 'the EWS URL'} (HTTP 404).`, 'The EWS URL is usually https://mail.<your domain>/EWS/Exchange.asmx (Get-WebServicesVirtualDirectory | fl ExternalUrl shows it).'],
  HttpServiceUnavailable: (_c, d) => [`Exchange is unavailable (HTTP ${d.httpStatus ?? 503}).${wait(d)}`, `${retried(d)}Requests are queuing on the Exchange server; try again later.`],
  HttpUnexpectedStatus: (c, d) => [`${c.url ?? 'The server'} answered HTTP ${d.httpStatus ?? '?'} instead of an EWS response.`, 'Check that the URL is the EWS endpoint (https://mail.<your domain>/EWS/Exchange.asmx) and that no proxy rewrites it.'],
  NotEws: (c) => [`${c.url ?? 'The URL'} does not answer like an EWS endpoint.`, 'Use the EWS endpoint, usually https://mail.<your domain>/EWS/Exchange.asmx.'],
  OwaRedirect: (_c, d) => [`The URL leads to Outlook on the web (OWA)${d.location ? ` at ${d.location}` : ''}, not to Exchange Web Services.`, 'Use the EWS endpoint instead: replace /owa with /EWS/Exchange.asmx.'],
  LoginPageRedirect: (_c, d) => [`The URL redirects to a sign-in page${d.location ? ` (${d.location})` : ''} instead of answering EWS.`, 'Point Concierge at /EWS/Exchange.asmx directly, and make sure no reverse proxy demands a form sign-in for it.'],
  TlsUntrusted: (c) => [`The certificate of ${c.url ?? 'the server'} is not signed by a trusted certificate authority.`, 'Install a certificate from a public CA on Exchange, or give Concierge your private CA with --ca (PEM).'],
  TlsHostnameMismatch: (c) => [`The certificate of ${c.url ?? 'the server'} is not issued for that host name.`, 'Use the host name the certificate names, or add this name to the certificate (Get-ExchangeCertificate | fl Subject,CertificateDomains).'],
  TlsExpired: (c) => [`The certificate of ${c.url ?? 'the server'} has expired or is not yet valid.`, 'Renew the Exchange certificate (New-ExchangeCertificate, then Enable-ExchangeCertificate -Services IIS).'],
  TlsError: (c) => [`The TLS handshake with ${c.url ?? 'the server'} failed.`, 'Check that the server speaks TLS 1.2 or later on that port.'],
  DnsNotFound: (c) => [`The host name of ${c.url ?? 'the EWS URL'} does not resolve.`, 'Check the spelling of the host name and that Concierge\'s DNS can see it.'],
  ConnectionRefused: (c) => {
    const port = portOf(c.url);
    return [`Nothing is listening at ${c.url ?? 'the EWS URL'}.`, `Check the host and port, and that a firewall lets Concierge reach Exchange${port ? ` on port ${port}` : ''}.`];
  },
  ConnectTimeout: (c) => [`Connecting to ${c.url ?? 'the server'} timed out.`, 'Check that the host is reachable from Concierge (firewall, routing).'],
  RequestTimeout: () => ['Exchange did not answer in time.', 'Try again; if it persists, check the load of the Exchange server.'],
  ConnectionReset: () => ['The connection to Exchange was cut.', 'Try again; if it persists, check any proxy or load balancer in between.'],
  ResponseTooLarge: () => ['Exchange sent an answer too large to read safely.', 'Ask for a shorter window or fewer items.'],
  XmlMalformed: () => ['Exchange answered with XML that could not be read.', 'Check that the URL points at /EWS/Exchange.asmx and nothing rewrites the answer.'],
  SoapFault: (_c, d) => [`Exchange answered with a SOAP fault${d.serverMessage ? `: ${d.serverMessage}` : ''}.`, 'Report it with the wire log (DEBUG=ews:wire).'],
};

/** Builds the typed error for a code, with plain words from the catalog. */
export function ewsError(code: EwsErrorCode, data: EwsErrorData = {}, ctx: ErrorContext = {}, cause?: unknown): EwsError {
  const words = CATALOG[code];
  const [message, hint] = words
    ? words(ctx, data)
    : [`Exchange answered ${code}${data.serverMessage ? `: ${data.serverMessage}` : ''}.`, 'See Microsoft\'s ResponseCode reference for this code; report it if it keeps happening.'];
  return new EwsError(code, message, hint, data, cause === undefined ? undefined : { cause });
}
