/**
 * The store's state and its bookkeeping: mailboxes and their folders, the id index, the counter that
 * makes ids and ChangeKeys unique, the clock and the directory. Everything else works through this.
 */
import type { CalendarItemRecord, FolderName, MailboxResolver, ResolvedMailbox, StoreOptions, StoredItem } from './model.js';
import { FOLDER_NAMES } from './model.js';
import { counterToken, makeChangeKey, makeGlobalObjectId, makeItemId } from './ids.js';
import { isoUtc } from './time.js';

export interface MailboxData {
  /** The address as first seen (case kept for display); the map key is lower case. */
  readonly address: string;
  readonly folders: Record<FolderName, Map<string, StoredItem>>;
}

export interface Located {
  readonly mailbox: string;
  readonly folder: FolderName;
  readonly item: StoredItem;
}

export function mailboxKey(smtp: string): string {
  return smtp.trim().toLowerCase();
}

function emptyFolders(): Record<FolderName, Map<string, StoredItem>> {
  return { calendar: new Map(), inbox: new Map(), drafts: new Map(), sentitems: new Map(), deleteditems: new Map() };
}

export class StoreCore {
  /** Bumped for every id, ChangeKey and UID handed out; persisted so a reloaded store never reuses one. */
  sequence = 0;
  readonly mailboxes = new Map<string, MailboxData>();
  private readonly index = new Map<string, { mailbox: string; folder: FolderName }>();
  private readonly clock: () => Date;
  private readonly resolver: MailboxResolver;
  private readonly nextToken: (() => string) | undefined;

  constructor(options: StoreOptions = {}) {
    this.clock = options.now ?? (() => new Date());
    this.resolver = options.resolve ?? (() => undefined);
    this.nextToken = options.nextToken;
  }

  nowMs(): number {
    return this.clock().getTime();
  }

  now(): string {
    return isoUtc(this.nowMs());
  }

  newItemId(mailbox: string): string {
    this.sequence++;
    return makeItemId(mailbox, this.nextToken?.() ?? counterToken(this.sequence));
  }

  newChangeKey(mailbox: string): string {
    this.sequence++;
    return makeChangeKey(mailbox, this.sequence);
  }

  newUid(mailbox: string): string {
    this.sequence++;
    return makeGlobalObjectId(this.nowMs(), `${mailboxKey(mailbox)}/${this.sequence}`);
  }

  /** The directory's answer for an address; unknown addresses do not exist. */
  resolve(smtp: string | undefined): ResolvedMailbox | undefined {
    if (!smtp) return undefined;
    const r = this.resolver(mailboxKey(smtp));
    return r?.exists ? r : undefined;
  }

  /** The mailbox's data, created on first use (the directory, not this store, decides who exists). */
  mailbox(smtp: string): MailboxData {
    const key = mailboxKey(smtp);
    let data = this.mailboxes.get(key);
    if (!data) {
      data = { address: smtp.trim(), folders: emptyFolders() };
      this.mailboxes.set(key, data);
    }
    return data;
  }

  hasMailbox(smtp: string): boolean {
    return this.mailboxes.has(mailboxKey(smtp));
  }

  put(mailbox: string, folder: FolderName, item: StoredItem): void {
    const key = mailboxKey(mailbox);
    const existing = this.index.get(item.id);
    if (existing && (existing.mailbox !== key || existing.folder !== folder)) throw new Error(`Duplicate item id ${item.id}`);
    this.mailbox(mailbox).folders[folder].set(item.id, item);
    this.index.set(item.id, { mailbox: key, folder });
  }

  locate(id: string): Located | undefined {
    const where = this.index.get(id);
    const item = where && this.mailboxes.get(where.mailbox)?.folders[where.folder].get(id);
    return where && item ? { mailbox: where.mailbox, folder: where.folder, item } : undefined;
  }

  remove(id: string): Located | undefined {
    const found = this.locate(id);
    if (!found) return undefined;
    this.mailboxes.get(found.mailbox)?.folders[found.folder].delete(id);
    this.index.delete(id);
    return found;
  }

  move(id: string, folder: FolderName): void {
    const found = this.remove(id);
    if (found) this.put(found.mailbox, folder, found.item);
  }

  items(mailbox: string, folder: FolderName): StoredItem[] {
    return [...(this.mailboxes.get(mailboxKey(mailbox))?.folders[folder].values() ?? [])];
  }

  calendarItems(mailbox: string): CalendarItemRecord[] {
    return this.items(mailbox, 'calendar').filter((i): i is CalendarItemRecord => i.kind === 'calendarItem');
  }

  /** The mailbox's calendar copy of a meeting, found by its UID (GlobalObjectId), as Exchange correlates copies. */
  byUid(mailbox: string, uid: string): CalendarItemRecord | undefined {
    return this.calendarItems(mailbox).find((i) => i.uid === uid);
  }

  /** Marks an item changed: a new ChangeKey and LastModifiedTime. */
  touch(mailbox: string, item: StoredItem): void {
    item.changeKey = this.newChangeKey(mailbox);
    item.lastModified = this.now();
  }

  /** Rebuilds the id index after loading. */
  reindex(): void {
    this.index.clear();
    for (const [key, data] of this.mailboxes) {
      for (const folder of FOLDER_NAMES) for (const id of data.folders[folder].keys()) this.index.set(id, { mailbox: key, folder });
    }
  }
}
