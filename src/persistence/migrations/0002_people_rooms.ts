import { sql, type Kysely } from 'kysely';

/**
 * People (enrolment and calendar links), rooms (devices, check-ins) and Alexa account linking (OAuth codes
 * and tokens). One statement per query, as in 0001. Secrets (invitation, display and OAuth tokens) are
 * stored as sha256 hashes only: a database dump cannot be replayed.
 */
const STATEMENTS: readonly string[] = [
  // An enrolled person: the invited address, their Concierge account once they accept, their mailbox once linked.
  `CREATE TABLE people (
    id text PRIMARY KEY,
    email text NOT NULL UNIQUE CHECK (email = lower(email) AND email <> ''),
    display_name text,
    account_id text UNIQUE REFERENCES admins (id) ON DELETE SET NULL,
    state text NOT NULL CHECK (state IN ('invited', 'accepted', 'linked', 'failing', 'revoked')),
    mailbox text CHECK (mailbox IS NULL OR mailbox = lower(mailbox)),
    time_zone text,
    last_error jsonb,
    invited_by text NOT NULL,
    invited_at timestamptz NOT NULL DEFAULT now(),
    linked_at timestamptz,
    updated_at timestamptz NOT NULL DEFAULT now()
  )`,

  `CREATE TABLE invitations (
    token_hash text PRIMARY KEY CHECK (token_hash ~ '^[0-9a-f]{64}$'),
    person_id text NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    delivery text NOT NULL CHECK (delivery IN ('email', 'manual')),
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    used_at timestamptz,
    revoked_at timestamptz
  )`,
  `CREATE INDEX invitations_person_id ON invitations (person_id)`,

  `CREATE TABLE rooms (
    id text PRIMARY KEY,
    email text NOT NULL UNIQUE CHECK (email = lower(email) AND email <> ''),
    name text NOT NULL,
    room_list text,
    capacity integer CHECK (capacity IS NULL OR capacity > 0),
    check_in_mode text NOT NULL DEFAULT 'off' CHECK (check_in_mode IN ('off', 'report', 'enforce')),
    check_in_minutes integer NOT NULL DEFAULT 10 CHECK (check_in_minutes BETWEEN 5 AND 20),
    created_at timestamptz NOT NULL DEFAULT now()
  )`,

  // Where a room's requests come from: an Alexa device id, or a console room display (its token's hash).
  `CREATE TABLE room_devices (
    id text PRIMARY KEY,
    room_id text NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
    kind text NOT NULL CHECK (kind IN ('alexa', 'display')),
    device_key text NOT NULL UNIQUE,
    label text,
    csrf_token text,
    created_at timestamptz NOT NULL DEFAULT now(),
    last_seen_at timestamptz
  )`,
  `CREATE INDEX room_devices_room_id ON room_devices (room_id)`,

  // One row per booking the check-in policy has looked at: checked in, released, or (report-only) would be.
  `CREATE TABLE room_check_ins (
    room_id text NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
    event_key text NOT NULL,
    subject text,
    organizer text,
    starts_at timestamptz NOT NULL,
    ends_at timestamptz NOT NULL,
    state text NOT NULL CHECK (state IN ('checked_in', 'released', 'would_release')),
    at timestamptz NOT NULL DEFAULT now(),
    by text,
    PRIMARY KEY (room_id, event_key)
  )`,
  `CREATE INDEX room_check_ins_starts_at ON room_check_ins (room_id, starts_at)`,

  // Alexa account linking (OAuth 2.0 authorization code grant): short-lived codes, then access and refresh tokens.
  `CREATE TABLE oauth_codes (
    code_hash text PRIMARY KEY CHECK (code_hash ~ '^[0-9a-f]{64}$'),
    account_id text NOT NULL REFERENCES admins (id) ON DELETE CASCADE,
    client_id text NOT NULL,
    redirect_uri text NOT NULL,
    scope text NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at timestamptz
  )`,
  `CREATE TABLE oauth_tokens (
    token_hash text PRIMARY KEY CHECK (token_hash ~ '^[0-9a-f]{64}$'),
    kind text NOT NULL CHECK (kind IN ('access', 'refresh')),
    account_id text NOT NULL REFERENCES admins (id) ON DELETE CASCADE,
    client_id text NOT NULL,
    scope text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    revoked_at timestamptz
  )`,
  `CREATE INDEX oauth_tokens_account_id ON oauth_tokens (account_id)`,
];

export const m0002_people_rooms = {
  id: '0002_people_rooms',
  async up(db: Kysely<unknown>): Promise<void> {
    for (const statement of STATEMENTS) await sql.raw(statement).execute(db);
  },
} as const;
