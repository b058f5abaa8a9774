import type { ColumnType, RawBuilder } from 'kysely';

/**
 * The database as Kysely sees it: one interface per table, snake_case like the SQL in migrations/.
 * `ColumnType<Select, Insert, Update>` says what each column reads as, accepts on insert, and accepts on
 * update (`never` = not writable there). The SQL in migrations/ is the truth; these types follow it.
 */

/** A JSON value as stored in a jsonb column. */
export type Json = string | number | boolean | null | readonly Json[] | { readonly [key: string]: Json };

/** timestamptz: read as a Date; written as a Date. */
type Timestamp = ColumnType<Date, Date, Date>;
/** timestamptz with a database default: optional on insert. */
type TimestampDefault = ColumnType<Date, Date | undefined, Date>;
/** jsonb: read as parsed JSON; written only through `jsonb()` (see json.ts), so pg and PGlite encode it alike. */
type JsonColumn<T> = ColumnType<T, RawBuilder<unknown>, RawBuilder<unknown>>;
type NullableJsonColumn<T> = ColumnType<T | null, RawBuilder<unknown> | null | undefined, RawBuilder<unknown> | null>;

export type AdminRole = 'admin' | 'user';

export interface AdminsTable {
  id: string;
  /** Always lower-case (a CHECK constraint says so too). */
  email: string;
  /** `scrypt$<logN>$<r>$<p>$<salt b64>$<hash b64>`, see passwords.ts. */
  password_hash: string;
  role: AdminRole;
  created_at: TimestampDefault;
}

export interface SetupTokensTable {
  /** sha256 (hex) of the token; the token itself is shown once and never stored. */
  token_hash: string;
  created_at: TimestampDefault;
  expires_at: Timestamp;
  used_at: ColumnType<Date | null, never, Date>;
}

export interface SessionsTable {
  /** sha256 (hex) of the cookie value; a database dump cannot be replayed as cookies. */
  id_hash: string;
  admin_id: string;
  csrf_token: string;
  created_at: TimestampDefault;
  expires_at: Timestamp;
  last_seen_at: Timestamp;
}

export type ExchangeAccess = 'impersonation' | 'delegation';
export type ExchangeLinkStatus = 'active' | 'superseded' | 'failing';

export interface ExchangeLinksTable {
  id: string;
  generation: number;
  ews_url: string;
  upn: string;
  /** A SecretBox envelope (`v1:…`), bound to `exchange_links:<id>:password`; NULL once superseded (erased). */
  password_enc: string | null;
  access: ExchangeAccess;
  ca_pem: string | null;
  server_version: string | null;
  test_mailbox: string | null;
  linked_at: Timestamp;
  last_success_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  last_error: NullableJsonColumn<Json>;
  password_expires_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  status: ExchangeLinkStatus;
}

export interface NotificationsSentTable {
  kind: string;
  key: string;
  sent_at: TimestampDefault;
}

export interface AuditLogTable {
  /** bigserial: pg reads int8 as a string, PGlite as a number; the repository normalises to number. */
  id: ColumnType<string | number, never, never>;
  at: TimestampDefault;
  actor: string;
  action: string;
  target: string | null;
  result: string;
  detail: NullableJsonColumn<Json>;
}

export interface DialogStateTable {
  session_id: string;
  /** `user` is a reserved word in SQL, hence user_id. */
  user_id: string;
  state: JsonColumn<Json>;
  expires_at: Timestamp;
  updated_at: TimestampDefault;
}

export type PersonState = 'invited' | 'accepted' | 'linked' | 'failing' | 'revoked';

export interface PeopleTable {
  id: string;
  /** The invited address, lower-case. */
  email: string;
  display_name: string | null;
  /** Their Concierge account (an `admins` row with role 'user') once they accepted the invitation. */
  account_id: string | null;
  state: PersonState;
  /** The mailbox the invited address resolved to (primary SMTP, lower-case), once linked. */
  mailbox: string | null;
  time_zone: string | null;
  last_error: NullableJsonColumn<Json>;
  invited_by: string;
  invited_at: TimestampDefault;
  linked_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  updated_at: TimestampDefault;
}

export interface InvitationsTable {
  /** sha256 (hex) of the token in the invitation link. */
  token_hash: string;
  person_id: string;
  delivery: 'email' | 'manual';
  created_at: TimestampDefault;
  expires_at: Timestamp;
  used_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  revoked_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export type CheckInMode = 'off' | 'report' | 'enforce';

export interface RoomsTable {
  id: string;
  /** The room mailbox's primary SMTP address, lower-case. */
  email: string;
  name: string;
  /** The admin-defined list ("Building 1, floor 2") that "find me a room" searches first. */
  room_list: string | null;
  capacity: number | null;
  check_in_mode: ColumnType<CheckInMode, CheckInMode | undefined, CheckInMode>;
  /** 5 to 20 minutes after a booking starts. */
  check_in_minutes: ColumnType<number, number | undefined, number>;
  created_at: TimestampDefault;
}

export interface RoomDevicesTable {
  id: string;
  room_id: string;
  kind: 'alexa' | 'display';
  /** The Alexa device id, or sha256 (hex) of a room display's token. */
  device_key: string;
  label: string | null;
  /** Room displays only: the CSRF token their state-changing requests carry. */
  csrf_token: string | null;
  created_at: TimestampDefault;
  last_seen_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export type CheckInState = 'checked_in' | 'released' | 'would_release';

export interface RoomCheckInsTable {
  room_id: string;
  /** Identifies the booking across reads: the event's UID (or id) plus its start. */
  event_key: string;
  subject: string | null;
  organizer: string | null;
  starts_at: Timestamp;
  ends_at: Timestamp;
  state: CheckInState;
  at: TimestampDefault;
  by: string | null;
}

export interface OAuthCodesTable {
  code_hash: string;
  account_id: string;
  client_id: string;
  redirect_uri: string;
  scope: string;
  expires_at: Timestamp;
  used_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface OAuthTokensTable {
  token_hash: string;
  kind: 'access' | 'refresh';
  account_id: string;
  client_id: string;
  scope: string;
  created_at: TimestampDefault;
  expires_at: Timestamp;
  revoked_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface SchemaMigrationsTable {
  id: string;
  applied_at: TimestampDefault;
}

export interface Tables {
  admins: AdminsTable;
  setup_tokens: SetupTokensTable;
  sessions: SessionsTable;
  exchange_links: ExchangeLinksTable;
  notifications_sent: NotificationsSentTable;
  audit_log: AuditLogTable;
  dialog_state: DialogStateTable;
  people: PeopleTable;
  invitations: InvitationsTable;
  rooms: RoomsTable;
  room_devices: RoomDevicesTable;
  room_check_ins: RoomCheckInsTable;
  oauth_codes: OAuthCodesTable;
  oauth_tokens: OAuthTokensTable;
  schema_migrations: SchemaMigrationsTable;
}
