import { sql, type Kysely } from 'kysely';

/**
 * The first schema. Landed migrations are never edited: change the schema by adding 0002_…, 0003_… .
 * One statement per query, because PGlite's extended protocol takes one statement at a time.
 */
const STATEMENTS: readonly string[] = [
  `CREATE TABLE admins (
    id text PRIMARY KEY,
    email text NOT NULL UNIQUE CHECK (email = lower(email) AND email <> ''),
    password_hash text NOT NULL,
    role text NOT NULL CHECK (role IN ('admin', 'user')),
    created_at timestamptz NOT NULL DEFAULT now()
  )`,

  `CREATE TABLE setup_tokens (
    token_hash text PRIMARY KEY CHECK (token_hash ~ '^[0-9a-f]{64}$'),
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    used_at timestamptz
  )`,

  `CREATE TABLE sessions (
    id_hash text PRIMARY KEY CHECK (id_hash ~ '^[0-9a-f]{64}$'),
    admin_id text NOT NULL REFERENCES admins (id) ON DELETE CASCADE,
    csrf_token text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    last_seen_at timestamptz NOT NULL
  )`,
  `CREATE INDEX sessions_admin_id ON sessions (admin_id)`,
  `CREATE INDEX sessions_expires_at ON sessions (expires_at)`,

  // A superseded link has no secret left (CHECK), and at most one link is current (partial unique index).
  `CREATE TABLE exchange_links (
    id text PRIMARY KEY,
    generation integer NOT NULL UNIQUE CHECK (generation > 0),
    ews_url text NOT NULL,
    upn text NOT NULL,
    password_enc text,
    access text NOT NULL CHECK (access IN ('impersonation', 'delegation')),
    ca_pem text,
    server_version text,
    test_mailbox text,
    linked_at timestamptz NOT NULL,
    last_success_at timestamptz,
    last_error jsonb,
    password_expires_at timestamptz,
    status text NOT NULL CHECK (status IN ('active', 'superseded', 'failing')),
    CONSTRAINT exchange_links_superseded_secret_erased CHECK (status <> 'superseded' OR password_enc IS NULL)
  )`,
  `CREATE UNIQUE INDEX exchange_links_one_current ON exchange_links ((true)) WHERE status <> 'superseded'`,

  `CREATE TABLE notifications_sent (
    kind text NOT NULL,
    key text NOT NULL,
    sent_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (kind, key)
  )`,

  `CREATE TABLE audit_log (
    id bigserial PRIMARY KEY,
    at timestamptz NOT NULL DEFAULT now(),
    actor text NOT NULL,
    action text NOT NULL,
    target text,
    result text NOT NULL,
    detail jsonb
  )`,
  `CREATE INDEX audit_log_actor ON audit_log (actor, id)`,
  `CREATE INDEX audit_log_action ON audit_log (action, id)`,
  // Append-only by construction: the database itself refuses to change or remove an entry.
  `CREATE FUNCTION audit_log_reject_change() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP;
  END
  $$`,
  `CREATE TRIGGER audit_log_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_reject_change()`,
  `CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_reject_change()`,

  `CREATE TABLE dialog_state (
    session_id text NOT NULL,
    user_id text NOT NULL,
    state jsonb NOT NULL,
    expires_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (session_id, user_id)
  )`,
  `CREATE INDEX dialog_state_expires_at ON dialog_state (expires_at)`,
];

export const m0001_initial = {
  id: '0001_initial',
  async up(db: Kysely<unknown>): Promise<void> {
    for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
  },
} as const;
