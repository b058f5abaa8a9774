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
  schema_migrations: SchemaMigrationsTable;
}
