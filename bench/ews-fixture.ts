/**
 * Builds a FindItem CalendarView response of N calendar items, shaped like what Exchange 2016/2019
 * returns for a default (AllProperties-ish) item shape: the element set, order and namespaces follow
 * the recorded php-ews Exchange 2019 answers in /work/shared/ews-fixtures/FindItem (written from
 * scratch here, nothing copied). Deterministic: the same N always gives the same bytes.
 *
 * The mix: single appointments, meetings organised by others, occurrences and one exception of
 * three weekly series, all-day events, a cancelled meeting; subjects and locations with non-ASCII
 * text, emoji, `&amp;`/`&lt;` escapes; organizers with EX (legacy DN) and SMTP routing.
 */
import { createHash } from 'node:crypto';

export const WINDOW = { start: '2025-07-01T00:00:00Z', end: '2025-08-01T00:00:00Z' } as const;
export const MAILBOX = 'alice@contoso.com';

/** What every client must read out of the response, per item (entities decoded). */
export interface ExpectedItem {
  readonly subject: string;
  readonly startMs: number;
  readonly endMs: number;
  /** '' when the element is empty. */
  readonly location: string;
  readonly organizerName: string;
}

export interface Fixture {
  readonly xml: string;
  readonly bytes: Buffer;
  readonly items: readonly ExpectedItem[];
  /** digestOf(items): what a client that parsed every item must also compute. */
  readonly digest: string;
}

/** Order-independent fingerprint of the fields a client read, so two clients can be compared. */
export function digestOf(items: readonly ExpectedItem[]): string {
  const lines = items.map((i) => `${i.subject}\t${i.startMs}\t${i.endMs}\t${i.location}\t${i.organizerName}`).sort();
  return createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16);
}

/** Small deterministic PRNG (mulberry32), so the fixture never depends on Math.random. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Raw text as it should appear decoded; escaped when written. */
const SUBJECTS = [
  'Réunion équipe - Café & Discussion',
  'Budget review <draft> & forecast',
  'Hey 👋🏼',
  '1:1 Anna & Jürgen',
  'Q3 Planning – Straße 5, München',
  '产品评审会议',
  'Обзор проекта',
  'Customer call: Contoso ↔ Fabrikam',
  'Lunch',
  'Interview — Senior Engineer',
  'Sprint retro',
  'Focus time',
];

const LOCATIONS = [
  'Salle de réunion #1',
  'Conference Room A',
  'Microsoft Teams Meeting',
  'Büro 3.14 (Zürich)',
  '東京オフィス 5F',
  'Café "Le Zinc" & Terrasse',
  '',
  'https://contoso.zoom.us/j/5551234567',
];

interface Person {
  readonly name: string;
  readonly email: string;
  readonly routing: 'EX' | 'SMTP';
  readonly mailboxType: string;
}

const PEOPLE: readonly Person[] = [
  { name: 'Alice Martin', email: '/O=CONTOSO/OU=EXCHANGE ADMINISTRATIVE GROUP (FYDIBOHF23SPDLT)/CN=RECIPIENTS/CN=5F2C1A7E9B3D4C21A0E6B8F1D2C3A4B5-ALICE', routing: 'EX', mailboxType: 'OneOff' },
  { name: 'Jürgen Müller', email: 'juergen.mueller@contoso.com', routing: 'SMTP', mailboxType: 'Mailbox' },
  { name: 'Zoë O\'Brien', email: 'zoe.obrien@contoso.com', routing: 'SMTP', mailboxType: 'Mailbox' },
  { name: '王小明', email: 'xiaoming.wang@fabrikam.cn', routing: 'SMTP', mailboxType: 'OneOff' },
  { name: 'Ops & Facilities', email: '/O=CONTOSO/OU=EXCHANGE ADMINISTRATIVE GROUP (FYDIBOHF23SPDLT)/CN=RECIPIENTS/CN=9A8B7C6D5E4F40312A1B2C3D4E5F6A7B-OPSFAC', routing: 'EX', mailboxType: 'PublicDL' },
];

const ORGANIZER_SELF = PEOPLE[0]!;

/** Three weekly series whose occurrences are spread through the window. */
const SERIES = [
  { subject: 'Weekly Team Meeting', location: 'Conference Room A', organizer: PEOPLE[0]!, uidSeed: 101 },
  { subject: 'Daily stand-up – Équipe Produit', location: 'Microsoft Teams Meeting', organizer: PEOPLE[1]!, uidSeed: 202 },
  { subject: 'Architecture sync & Q&A', location: 'Büro 3.14 (Zürich)', organizer: PEOPLE[3]!, uidSeed: 303 },
];

const MAILBOX_GUID = Buffer.from('6e6c0d21-bb3f-4c3a-9e1d-5f0e2b7a4c91');

function b64(bytes: Buffer): string {
  return bytes.toString('base64');
}

/** A store ItemId of the usual length (152 chars for items, longer for occurrences). */
function itemIdFor(i: number, occurrence: boolean, next: () => number): string {
  const entry = Buffer.alloc(70);
  for (let k = 0; k < entry.length; k++) entry[k] = Math.floor(next() * 256);
  entry.writeUInt32BE(i, 60);
  const parts = [Buffer.from([0x00, 0x00]), MAILBOX_GUID, entry];
  if (occurrence) parts.push(Buffer.from([0x10, 0x00, 0x08, 0x08, 0xdd, 0xb8, 0xfb, 0x63, 0x5f, 0xc0, 0x00, i & 0xff]));
  return b64(Buffer.concat(parts));
}

function hex(bytes: number, next: () => number): string {
  let s = '';
  for (let k = 0; k < bytes; k++) s += Math.floor(next() * 256).toString(16).padStart(2, '0').toUpperCase();
  return s;
}

function uidFor(seed: number): string {
  const r = rng(seed);
  return `040000008200E00074C5B7101A82E00800000000${hex(8, r)}000000000000000010000000${hex(16, r)}`;
}

const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

const tag = (name: string, value: string) => (value === '' ? `<t:${name}/>` : `<t:${name}>${value}</t:${name}>`);

const PARENT_FOLDER = `<t:ParentFolderId Id="${b64(Buffer.concat([Buffer.from([0x00, 0x00]), MAILBOX_GUID, Buffer.from('calendar-folder-0001')]))}" ChangeKey="AQAAAA=="/>`;

interface Shape {
  readonly kind: 'Single' | 'Occurrence' | 'Exception';
  readonly subject: string;
  readonly location: string;
  readonly organizer: Person;
  readonly uid: string;
  readonly startMs: number;
  readonly endMs: number;
  readonly allDay: boolean;
  readonly meeting: boolean;
  readonly cancelled: boolean;
  readonly response: string;
}

function itemXml(i: number, s: Shape, next: () => number): string {
  const occurrence = s.kind !== 'Single';
  const id = itemIdFor(i, occurrence, next);
  const changeKey = b64(Buffer.from(`DwAAABYAAAD${i.toString(36).padStart(6, '0')}${hex(5, next)}`));
  const created = s.startMs - (2 + Math.floor(next() * 40)) * 86_400_000 - Math.floor(next() * 86_400) * 1000;
  const modified = created + Math.floor(next() * 86_400) * 1000;
  const minutes = s.allDay ? 1080 : 15;
  const durationMin = Math.round((s.endMs - s.startMs) / 60_000);
  const duration = s.allDay ? `P${Math.round(durationMin / 1440)}D` : durationMin % 60 === 0 ? `PT${durationMin / 60}H` : durationMin > 60 ? `PT${Math.floor(durationMin / 60)}H${durationMin % 60}M` : `PT${durationMin}M`;
  const owaId = encodeURIComponent(id);
  const displayTo = s.meeting ? xmlEscape(['Alice Martin', PEOPLE[1]!.name, PEOPLE[2]!.name].filter((n) => n !== s.organizer.name).join('; ')) : '';
  const state = s.cancelled ? 7 : s.meeting ? 3 : 0;
  return (
    '<t:CalendarItem>' +
    `<t:ItemId Id="${id}" ChangeKey="${changeKey}"/>` +
    PARENT_FOLDER +
    tag('ItemClass', occurrence ? 'IPM.Appointment.Occurrence' : 'IPM.Appointment') +
    tag('Subject', xmlEscape(s.cancelled ? `Canceled: ${s.subject}` : s.subject)) +
    tag('Sensitivity', i % 17 === 5 ? 'Private' : 'Normal') +
    tag('DateTimeReceived', iso(created)) +
    tag('Size', String(3500 + Math.floor(next() * 6000))) +
    tag('Importance', i % 13 === 3 ? 'High' : 'Normal') +
    tag('IsSubmitted', 'false') +
    tag('IsDraft', 'false') +
    tag('IsFromMe', 'false') +
    tag('IsResend', 'false') +
    tag('IsUnmodified', s.kind === 'Occurrence' ? 'true' : 'false') +
    tag('DateTimeSent', iso(created)) +
    tag('DateTimeCreated', iso(created)) +
    tag('ReminderDueBy', iso(s.startMs - minutes * 60_000)) +
    tag('ReminderIsSet', s.allDay ? 'false' : 'true') +
    tag('ReminderMinutesBeforeStart', String(minutes)) +
    '<t:DisplayCc/>' +
    tag('DisplayTo', displayTo) +
    tag('HasAttachments', i % 11 === 7 ? 'true' : 'false') +
    tag('Culture', i % 5 === 1 ? 'de-DE' : 'en-US') +
    '<t:EffectiveRights><t:CreateAssociated>false</t:CreateAssociated><t:CreateContents>false</t:CreateContents><t:CreateHierarchy>false</t:CreateHierarchy><t:Delete>true</t:Delete><t:Modify>true</t:Modify><t:Read>true</t:Read></t:EffectiveRights>' +
    tag('LastModifiedName', xmlEscape(s.organizer.name)) +
    tag('LastModifiedTime', iso(modified)) +
    tag('IsAssociated', 'false') +
    tag('WebClientReadFormQueryString', `https://mail.contoso.com/owa/?ItemID=${owaId}&amp;exvsurl=1&amp;viewmodel=ReadMessageItem`) +
    `<t:ConversationId Id="${b64(Buffer.concat([Buffer.from('AAQkAD'), Buffer.from(hex(12, next))]))}"/>` +
    tag('UID', s.uid) +
    (occurrence ? tag('RecurrenceId', iso(s.kind === 'Exception' ? s.startMs - 3_600_000 : s.startMs)) : '') +
    tag('DateTimeStamp', iso(modified)) +
    tag('Start', iso(s.startMs)) +
    tag('End', iso(s.endMs)) +
    tag('IsAllDayEvent', s.allDay ? 'true' : 'false') +
    tag('LegacyFreeBusyStatus', s.allDay ? 'Free' : s.cancelled ? 'Free' : s.response === 'Tentative' ? 'Tentative' : 'Busy') +
    tag('Location', xmlEscape(s.location)) +
    tag('IsMeeting', s.meeting ? 'true' : 'false') +
    tag('IsCancelled', s.cancelled ? 'true' : 'false') +
    tag('IsRecurring', occurrence ? 'true' : 'false') +
    tag('MeetingRequestWasSent', s.meeting && s.organizer === ORGANIZER_SELF ? 'true' : 'false') +
    tag('IsResponseRequested', 'true') +
    tag('CalendarItemType', s.kind) +
    tag('MyResponseType', s.response) +
    `<t:Organizer><t:Mailbox>${tag('Name', xmlEscape(s.organizer.name))}${tag('EmailAddress', xmlEscape(s.organizer.email))}${tag('RoutingType', s.organizer.routing)}${tag('MailboxType', s.organizer.mailboxType)}</t:Mailbox></t:Organizer>` +
    tag('Duration', duration) +
    tag('TimeZone', i % 3 === 0 ? '(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna' : i % 3 === 1 ? '(UTC-05:00) Eastern Time (US &amp; Canada)' : 'UTC') +
    tag('AppointmentSequenceNumber', String(s.kind === 'Exception' ? 2 : s.meeting ? 1 : 0)) +
    tag('AppointmentState', String(state)) +
    (s.meeting ? tag('AllowNewTimeProposal', 'true') : '') +
    tag('IsOnlineMeeting', s.location.startsWith('Microsoft Teams') ? 'true' : 'false') +
    '</t:CalendarItem>'
  );
}

/** N items whose starts are spread over WINDOW, sorted by start (as Exchange sorts a CalendarView). */
export function buildCalendarView(n: number): Fixture {
  const next = rng(0xc0ffee ^ n);
  const windowStart = Date.parse(WINDOW.start);
  const span = Date.parse(WINDOW.end) - windowStart;
  const QUARTER = 15 * 60_000;
  const seriesUid = SERIES.map((s) => uidFor(s.uidSeed));
  const shapes: Shape[] = [];
  for (let i = 0; i < n; i++) {
    const startMs = windowStart + Math.floor((span * i) / n / QUARTER) * QUARTER;
    let s: Shape;
    if (i % 4 === 1) {
      // An occurrence of a series; one in ten of them is an exception (moved by an hour, renamed).
      const k = (i >> 2) % SERIES.length;
      const series = SERIES[k]!;
      const exception = i % 40 === 21;
      s = {
        kind: exception ? 'Exception' : 'Occurrence', subject: exception ? `${series.subject} (moved)` : series.subject, location: series.location, organizer: series.organizer,
        uid: seriesUid[k]!, startMs, endMs: startMs + (k === 1 ? 15 : 60) * 60_000, allDay: false, meeting: true, cancelled: false, response: series.organizer === ORGANIZER_SELF ? 'Organizer' : 'Accept',
      };
    } else {
      const allDay = i % 29 === 11;
      const dayStart = Math.floor(startMs / 86_400_000) * 86_400_000;
      const organizer = PEOPLE[Math.floor(next() * PEOPLE.length)]!;
      const meeting = organizer !== ORGANIZER_SELF || next() < 0.5;
      s = {
        kind: 'Single', subject: SUBJECTS[Math.floor(next() * SUBJECTS.length)]!, location: LOCATIONS[Math.floor(next() * LOCATIONS.length)]!, organizer,
        uid: uidFor(100_000 + i), startMs: allDay ? dayStart : startMs, endMs: allDay ? dayStart + 86_400_000 : startMs + [30, 60, 90, 45][i % 4]! * 60_000,
        allDay, meeting, cancelled: meeting && i % 37 === 14, response: organizer === ORGANIZER_SELF ? 'Organizer' : ['Accept', 'Tentative', 'NoResponseReceived'][i % 3]!,
      };
    }
    shapes.push(s);
  }
  shapes.sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs);
  const body = shapes.map((s, i) => itemXml(i, s, next)).join('');
  const xml =
    '<?xml version="1.0" encoding="utf-8"?>' +
    '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/">' +
    '<s:Header><h:ServerVersionInfo MajorVersion="15" MinorVersion="2" MajorBuildNumber="1258" MinorBuildNumber="12" Version="V2017_07_11" xmlns:h="http://schemas.microsoft.com/exchange/services/2006/types" xmlns="http://schemas.microsoft.com/exchange/services/2006/types" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/></s:Header>' +
    '<s:Body xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">' +
    '<m:FindItemResponse xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages" xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types">' +
    '<m:ResponseMessages><m:FindItemResponseMessage ResponseClass="Success"><m:ResponseCode>NoError</m:ResponseCode>' +
    `<m:RootFolder TotalItemsInView="${n}" IncludesLastItemInRange="true"><t:Items>${body}</t:Items></m:RootFolder>` +
    '</m:FindItemResponseMessage></m:ResponseMessages></m:FindItemResponse></s:Body></s:Envelope>';
  const items: ExpectedItem[] = shapes.map((s) => ({
    subject: s.cancelled ? `Canceled: ${s.subject}` : s.subject,
    startMs: s.startMs,
    endMs: s.endMs,
    location: s.location,
    organizerName: s.organizer.name,
  }));
  return { xml, bytes: Buffer.from(xml, 'utf8'), items, digest: digestOf(items) };
}
