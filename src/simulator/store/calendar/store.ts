/**
 * The calendar side of the simulator's Exchange store: one object the EWS server calls for calendar
 * items, meeting messages, CalendarView, free/busy and mail delivery. Pure and in memory; deterministic
 * given `now` and `nextToken`; `toJSON`/`fromJSON` persist it.
 *
 * @example
 * const store = new CalendarStore({ now: () => new Date('2026-03-01T00:00:00Z'), resolve: directory });
 * const item = store.createItem('alice@contoso.com', { subject: 'Sync', start: '2026-03-02T17:00:00Z', end: '2026-03-02T17:30:00Z' }, 'SendToNone');
 * store.calendarView('alice@contoso.com', 'calendar', '2026-03-02T00:00:00Z', '2026-03-03T00:00:00Z').items; // [item]
 */
import type { Body, CalendarItemInput, EmailAddress } from '../../../ews/schema/types.js';
import type {
  CalendarEntry,
  CalendarItemRecord,
  DeleteType,
  FolderName,
  MeetingResponse,
  MessageEntry,
  SendInvitations,
  SendUpdates,
  StoreEntry,
  StoreOptions,
} from './model.js';
import { FOLDER_NAMES } from './model.js';
import { StoreCore, mailboxKey, type Located } from './core.js';
import { StoreError } from './errors.js';
import { parseId } from './ids.js';
import { applyPatch, buildRecord, patchOccurrence, type CalendarItemPatch } from './items.js';
import { cancelMeeting, distributeMeeting, distributeOccurrence, sendPlan } from './meetings.js';
import { respond, respondToOccurrence } from './responses.js';
import { deliver, newMessage, sendNote, type Delivery } from './messages.js';
import { calendarView, type CalendarViewResult } from './calendar-view.js';
import { freeBusy, type FreeBusyResult } from './free-busy.js';
import { findByIndex, findByOriginalStart, isDeleted, type Occurrence } from './series.js';
import { itemEntry, messageEntry, occurrenceEntry } from './view.js';
import { dump, load, type CalendarStoreJson } from './persist.js';
import { ms } from './time.js';

type Target =
  | { readonly kind: 'item'; readonly at: Located }
  | { readonly kind: 'occurrence'; readonly at: Located; readonly master: CalendarItemRecord; readonly occ: Occurrence };

const notFound = () => new StoreError('ErrorItemNotFound', 'The specified object was not found in the store.');

export class CalendarStore {
  private readonly core: StoreCore;

  constructor(options: StoreOptions = {}) {
    this.core = new StoreCore(options);
  }

  /** Restores a store saved with toJSON; the options (clock, directory) are not part of the data. */
  static fromJSON(json: unknown, options: StoreOptions = {}): CalendarStore {
    const store = new CalendarStore(options);
    load(store.core, json);
    return store;
  }

  toJSON(): CalendarStoreJson {
    return dump(this.core);
  }

  /** Mailboxes (lower-case SMTP) that hold anything here. */
  mailboxes(): string[] {
    return [...this.core.mailboxes.keys()].sort();
  }

  /** Forgets a mailbox and everything in it (Remove-Mailbox). */
  removeMailbox(smtp: string): void {
    for (const folder of FOLDER_NAMES) {
      for (const item of this.core.items(smtp, folder)) this.core.remove(item.id);
    }
    this.core.mailboxes.delete(mailboxKey(smtp));
  }

  /**
   * CreateItem of a calendar item in `mailbox`'s calendar; `mailbox` is the organizer. With
   * SendOnlyToAll/SendToAllAndSaveCopy, attendees known to the directory get a copy and a request,
   * rooms book or decline; the returned entry is the organizer's item after their answers.
   */
  createItem(mailbox: string, input: CalendarItemInput, send: SendInvitations): CalendarEntry {
    const record = buildRecord(this.core, mailbox, this.#withNames(input), this.core.resolve(mailbox)?.name);
    this.core.put(mailbox, 'calendar', record);
    distributeMeeting(this.core, mailbox, record, { ...sendPlan(send), timeChanged: true });
    return itemEntry(record, mailboxKey(mailbox), 'calendar');
  }

  /** Whether `id` names an item (or occurrence) of this store, so a server can route ids between stores. */
  owns(id: string): boolean {
    try {
      this.target(id);
      return true;
    } catch (e) {
      if (e instanceof StoreError) return false;
      throw e;
    }
  }

  /** GetItem by ItemId: an item id or an occurrence/exception id. */
  getItem(id: string): StoreEntry {
    const t = this.target(id);
    if (t.kind === 'occurrence') return occurrenceEntry(t.master, t.occ, t.at.mailbox, t.at.folder);
    const { item, mailbox, folder } = t.at;
    return item.kind === 'calendarItem' ? itemEntry(item, mailbox, folder) : messageEntry(item, mailbox, folder);
  }

  /** OccurrenceItemId (RecurringMasterId + 1-based InstanceIndex). */
  getOccurrence(masterId: string, instanceIndex: number): CalendarEntry {
    const { at, master } = this.locateMaster(masterId);
    return occurrenceEntry(master, findByIndex(master, instanceIndex), at.mailbox, at.folder);
  }

  /** RecurringMasterItemId (OccurrenceId): the series an occurrence or exception belongs to. */
  getMaster(occurrenceId: string): CalendarEntry {
    const parsed = parseId(occurrenceId);
    const { at, master } = this.locateMaster(parsed.kind === 'occurrence' ? parsed.masterId : parsed.id);
    return itemEntry(master, at.mailbox, at.folder);
  }

  /** FindItem without a CalendarView: singles and recurring masters unexpanded, or a mail folder's messages. */
  findItems(mailbox: string, folder: FolderName): StoreEntry[] {
    const key = mailboxKey(mailbox);
    const entries = this.core.items(mailbox, folder).map((i) => (i.kind === 'calendarItem' ? itemEntry(i, key, folder) : messageEntry(i, key, folder)));
    const when = (e: StoreEntry) => ms('received' in e ? e.received : e.start);
    return folder === 'calendar' ? entries.sort((a, b) => when(a) - when(b)) : entries.sort((a, b) => when(b) - when(a));
  }

  /**
   * UpdateItem. On an occurrence id this creates or changes the exception. `changeKey`, when given,
   * must be current (ErrorIrresolvableConflict otherwise). Changes by the organizer travel to
   * attendees as `send` says; a new time resets their answers and makes rooms decide again.
   */
  updateItem(id: string, givenPatch: CalendarItemPatch, send: SendUpdates, opts: { readonly changeKey?: string } = {}): CalendarEntry {
    const patch = this.#withNames(givenPatch);
    const t = this.target(id);
    if (t.at.item.kind !== 'calendarItem') throw new StoreError('ErrorInvalidOperation', 'Only calendar items can be updated here.');
    const current = t.kind === 'occurrence' ? (t.occ.exception?.changeKey ?? t.master.changeKey) : t.at.item.changeKey;
    if (opts.changeKey !== undefined && opts.changeKey !== current) throw new StoreError('ErrorIrresolvableConflict', 'The item was changed since the ChangeKey was read.');
    const { mailbox, folder } = t.at;
    // Work on a copy, so a refused change leaves the stored item as it was.
    const draft = structuredClone(t.kind === 'occurrence' ? t.master : t.at.item);
    const isOrganizer = draft.myResponseType === 'Organizer';
    if (t.kind === 'occurrence') {
      const outcome = patchOccurrence(this.core, mailbox, draft, t.occ.originalStart, t.occ.originalEnd, patch);
      this.core.touch(mailbox, draft);
      this.core.put(mailbox, folder, draft);
      if (isOrganizer) distributeOccurrence(this.core, mailbox, draft, t.occ.originalStart, { ...sendPlan(send), ...outcome });
      const occ = findByOriginalStart(draft, t.occ.originalStart);
      if (!occ) throw notFound();
      return occurrenceEntry(draft, occ, mailbox, folder);
    }
    const outcome = applyPatch(draft, patch);
    this.core.touch(mailbox, draft);
    this.core.put(mailbox, folder, draft);
    if (isOrganizer) distributeMeeting(this.core, mailbox, draft, { ...sendPlan(send), previous: t.at.item, timeChanged: outcome.timeChanged });
    return itemEntry(draft, mailbox, folder);
  }

  /**
   * DeleteItem. An occurrence id deletes that occurrence from its series. The organizer's delete with
   * SendOnlyToAll/SendToAllAndSaveCopy cancels the meeting for attendees and frees the rooms.
   */
  deleteItem(id: string, send: SendInvitations, opts: { readonly deleteType?: DeleteType } = {}): void {
    const t = this.target(id);
    const { mailbox, folder, item } = t.at;
    if (t.kind === 'occurrence') {
      const master = t.master;
      // Cancel first: the cancellation quotes the occurrence as it was, exception included.
      cancelMeeting(this.core, mailbox, master, sendPlan(send), t.occ.originalStart);
      master.exceptions = master.exceptions.filter((e) => e.originalStart !== t.occ.originalStart);
      master.deletedOccurrences.push(t.occ.originalStart);
      this.core.touch(mailbox, master);
      return;
    }
    if (item.kind === 'calendarItem') cancelMeeting(this.core, mailbox, item, sendPlan(send));
    if (opts.deleteType === 'MoveToDeletedItems' && folder !== 'deleteditems') this.core.move(id, 'deleteditems');
    else this.core.remove(id);
  }

  /**
   * AcceptItem / TentativelyAcceptItem / DeclineItem, by the attendee's calendar item, one occurrence
   * of their series, or the meeting request in their Inbox. `send: false` answers without telling the organizer.
   */
  respond(id: string, response: MeetingResponse, opts: { readonly send?: boolean; readonly body?: string } = {}): void {
    const t = this.target(id);
    if (t.kind === 'occurrence') return respondToOccurrence(this.core, t.at.mailbox, t.master, t.occ, response, opts.send ?? true, opts.body);
    const { mailbox, item } = t.at;
    const copy = item.kind === 'calendarItem' ? item : item.meeting && this.core.byUid(mailbox, item.meeting.uid);
    if (!copy) throw notFound();
    respond(this.core, mailbox, copy, response, opts.send ?? true, opts.body);
  }

  /** FindItem with a CalendarView (see calendar-view.ts for the rules and error codes). */
  calendarView(mailbox: string, folder: FolderName, start: string, end: string, maxEntries?: number): CalendarViewResult {
    return calendarView(this.core, mailbox, folder, start, end, maxEntries);
  }

  /** Free/busy for GetUserAvailability (see free-busy.ts). */
  freeBusy(mailbox: string, start: string, end: string, intervalMinutes: number): FreeBusyResult {
    return freeBusy(this.core, mailbox, start, end, intervalMinutes);
  }

  /** CreateItem/SendItem of a plain message: recipients' Inboxes and, with saveCopy, the sender's Sent Items. */
  deliverMessage(from: EmailAddress, to: readonly EmailAddress[], cc: readonly EmailAddress[], subject: string, body: Body, opts: { readonly saveCopy?: boolean } = {}): Delivery {
    return sendNote(this.core, from, to, cc, subject, body, opts.saveCopy ?? true);
  }

  /**
   * CreateItem of a message with MessageDisposition SaveOnly: kept unsent in `folder` of `mailbox`
   * (Drafts unless SavedItemFolderId names another), for a later sendDraft (SendItem).
   */
  saveDraft(mailbox: string, folder: Exclude<FolderName, 'calendar'>, from: EmailAddress, to: readonly EmailAddress[], cc: readonly EmailAddress[], subject: string, body: Body): MessageEntry {
    const msg = newMessage(this.core, mailbox, { itemClass: 'IPM.Note', subject, body, from, to, cc }, true);
    this.core.put(mailbox, folder, msg);
    return messageEntry(msg, mailboxKey(mailbox), folder);
  }

  /**
   * SendItem of a saved message: delivered to its local recipients, then gone from where it was kept;
   * with `saveCopy` its mailbox keeps the sent copy in Sent Items, or in `saveTo`.
   */
  sendDraft(id: string, opts: { readonly saveCopy: boolean; readonly saveTo?: Exclude<FolderName, 'calendar'> }): Delivery {
    const at = this.core.locate(id);
    if (!at) throw notFound();
    if (at.item.kind !== 'message') throw new StoreError('ErrorInvalidOperation', 'Only messages can be sent.');
    const m = at.item;
    const delivery = deliver(this.core, at.mailbox, { itemClass: m.itemClass, subject: m.subject, body: m.body, from: m.from, to: m.toRecipients, cc: m.ccRecipients }, opts.saveCopy);
    this.core.remove(id);
    if (delivery.sentItemId && opts.saveTo && opts.saveTo !== 'sentitems') this.core.move(delivery.sentItemId, opts.saveTo);
    return delivery;
  }

  /** Marks a message read or unread (UpdateItem IsRead). */
  setRead(id: string, isRead: boolean): void {
    const at = this.core.locate(id);
    if (!at || at.item.kind !== 'message') throw notFound();
    at.item.isRead = isRead;
    this.core.touch(at.mailbox, at.item);
  }

  /** Exchange shows attendees by their directory display name even when a client sent only an address. */
  #withNames<T extends Pick<CalendarItemInput, 'requiredAttendees' | 'optionalAttendees' | 'resources'>>(input: T): T {
    const named = (list: readonly EmailAddress[] | undefined) => list?.map((a) => (a.name || !a.email ? a : { ...a, name: this.core.resolve(a.email)?.name ?? a.email }));
    return {
      ...input,
      ...(input.requiredAttendees ? { requiredAttendees: named(input.requiredAttendees) } : {}),
      ...(input.optionalAttendees ? { optionalAttendees: named(input.optionalAttendees) } : {}),
      ...(input.resources ? { resources: named(input.resources) } : {}),
    };
  }

  private locateMaster(masterId: string): { readonly at: Located; readonly master: CalendarItemRecord } {
    const at = this.core.locate(parseId(masterId).kind === 'item' ? masterId : '');
    if (!at || at.item.kind !== 'calendarItem') throw notFound();
    if (!at.item.recurrence) throw new StoreError('ErrorItemNotFound', 'The item is not a recurring master.');
    return { at, master: at.item };
  }

  private target(id: string): Target {
    const parsed = parseId(id);
    if (parsed.kind === 'item') {
      const at = this.core.locate(id);
      if (!at) throw notFound();
      return { kind: 'item', at };
    }
    const { at, master } = this.locateMaster(parsed.masterId);
    const occ = findByOriginalStart(master, parsed.originalStart);
    if (!occ || isDeleted(master, occ.originalStart)) throw notFound();
    return { kind: 'occurrence', at, master, occ };
  }
}
