/** The calendar side of the simulator's mailbox store. See store.ts for the entry point. */
export { CalendarStore } from './store.js';
export { StoreError, STORE_ERROR_CODES, type StoreErrorCode } from './errors.js';
export type {
  CalendarEntry,
  CalendarItemRecord,
  DeleteType,
  ExceptionRecord,
  FolderName,
  MailboxResolver,
  MeetingMessageInfo,
  MeetingResponse,
  MessageClass,
  MessageEntry,
  MessageRecord,
  OccurrenceFields,
  ResolvedMailbox,
  RoomPolicy,
  SendInvitations,
  SendUpdates,
  StoreEntry,
  StoreOptions,
} from './model.js';
export { FOLDER_NAMES } from './model.js';
export type { CalendarItemPatch } from './items.js';
export type { CalendarViewResult } from './calendar-view.js';
export type { BusyEvent, BusyEventDetails, FreeBusyResult } from './free-busy.js';
export type { Delivery } from './messages.js';
export type { CalendarStoreJson } from './persist.js';
export { CALENDAR_STORE_FORMAT } from './persist.js';
export { DEFAULT_ROOM_POLICY } from './rooms.js';
export { toEwsCalendarItem, isoDuration } from './view.js';
export { expandSeries, type Occurrence } from './series.js';
export { ianaZone } from './time.js';
