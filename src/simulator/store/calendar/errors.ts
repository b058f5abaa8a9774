import { AppError } from '../../../shared/errors.js';

/**
 * The EWS ResponseCodes the calendar store can answer with. The EWS server copies `responseCode` into
 * `m:ResponseCode` verbatim, so every member must be a real messages.xsd ResponseCodeType value.
 */
export const STORE_ERROR_CODES = [
  'ErrorItemNotFound',
  'ErrorInvalidIdMalformed',
  'ErrorIrresolvableConflict',
  'ErrorInvalidRequest',
  'ErrorInvalidOperation',
  'ErrorCalendarEndDateIsEarlierThanStartDate',
  'ErrorCalendarViewRangeTooBig',
  'ErrorCalendarFolderIsInvalidForCalendarView',
  'ErrorCalendarDurationIsTooLong',
  'ErrorCalendarInvalidRecurrence',
  'ErrorCalendarOccurrenceIndexIsOutOfRecurrenceRange',
  'ErrorCalendarOccurrenceIsDeletedFromRecurrence',
  'ErrorOccurrenceCrossingBoundary',
  'ErrorOccurrenceTimeSpanTooBig',
  'ErrorCalendarIsCancelledForAccept',
  'ErrorCalendarIsCancelledForDecline',
  'ErrorCalendarIsCancelledForTentative',
  'ErrorCalendarIsOrganizerForAccept',
  'ErrorCalendarIsOrganizerForDecline',
  'ErrorCalendarIsOrganizerForTentative',
] as const;

export type StoreErrorCode = (typeof STORE_ERROR_CODES)[number];

/** A refusal by the store, carrying the ResponseCode Exchange would answer with. */
export class StoreError extends AppError {
  readonly responseCode: StoreErrorCode;

  constructor(responseCode: StoreErrorCode, message: string, hint = 'Correct the request and send it again.') {
    super(responseCode, message, hint);
    this.responseCode = responseCode;
  }
}
