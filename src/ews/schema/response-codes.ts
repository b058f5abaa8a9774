/**
 * The EWS ResponseCodes a calendar client meets (messages.xsd ResponseCodeType lists ~450; this union
 * names the ones Concierge reacts to). Any other code still arrives intact as a plain string.
 */
export const KNOWN_RESPONSE_CODES = [
  'NoError',
  'ErrorAccessDenied',
  'ErrorImpersonateUserDenied',
  'ErrorImpersonationDenied',
  'ErrorImpersonationFailed',
  'ErrorNonExistentMailbox',
  'ErrorItemNotFound',
  'ErrorFolderNotFound',
  'ErrorServerBusy',
  'ErrorInvalidRequest',
  'ErrorSchemaValidation',
  'ErrorInvalidServerVersion',
  'ErrorIncorrectSchemaVersion',
  'ErrorCalendarInvalidTimeZone',
  'ErrorCalendarEndDateIsEarlierThanStartDate',
  'ErrorCalendarViewRangeTooBig',
  'ErrorCalendarFolderIsInvalidForCalendarView',
  'ErrorMailboxStoreUnavailable',
  'ErrorMailboxMoveInProgress',
  'ErrorTimeoutExpired',
  'ErrorExceededConnectionCount',
  'ErrorInternalServerError',
  'ErrorInternalServerTransientError',
  'ErrorInvalidIdMalformed',
  'ErrorInvalidChangeKey',
  'ErrorIrresolvableConflict',
  'ErrorSendMeetingInvitationsRequired',
  'ErrorSendMeetingCancellationsRequired',
  'ErrorNameResolutionNoResults',
  'ErrorNameResolutionMultipleResults',
  'ErrorSendAsDenied',
  'ErrorQuotaExceeded',
  'ErrorInvalidSmtpAddress',
  'ErrorInvalidIdNotAnItemAttachmentId',
  'ErrorCalendarIsCancelledForAccept',
  'ErrorCalendarOccurrenceIndexIsOutOfRecurrenceRange',
  'ErrorProxyRequestNotAllowed',
  'ErrorInvalidOperation',
  'ErrorFreeBusyGenerationFailed',
  'ErrorMissingEmailAddress',
] as const;

export type KnownResponseCode = (typeof KNOWN_RESPONSE_CODES)[number];

/** A ResponseCode as received: a known one, or whatever else the server sent (kept verbatim). */
export type ResponseCode = KnownResponseCode | (string & {});

export type ResponseClass = 'Success' | 'Warning' | 'Error';
