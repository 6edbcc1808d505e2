import { mkdir } from 'node:fs/promises';
import { PGlite, type Transaction } from '@electric-sql/pglite';

/**
 * The sandbox's storage: PostgreSQL (PGlite) tables shaped like Mateo's resources, and the
 * per-table column allowlists that every query builder checks names against. Values always go
 * in as parameters; only names from these lists are ever written into SQL text.
 */

export type ColumnType =
  'uuid' | 'text' | 'boolean' | 'integer' | 'timestamptz' | 'date' | 'jsonb' | 'text[]';

export interface TableSpec {
  name: string;
  columns: Readonly<Record<string, ColumnType>>;
}

const stamps = {
  id: 'uuid',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
  organisation_id: 'uuid',
} as const;

export const TABLES = {
  channel: {
    name: 'channel',
    columns: {
      ...stamps,
      type: 'text',
      name: 'text',
      handle: 'text',
      status: 'text',
      active: 'boolean',
    },
  },
  contact: {
    name: 'contact',
    columns: {
      ...stamps,
      full_name: 'text',
      display_name: 'text',
      salutation: 'text',
      is_blocked: 'boolean',
      external_id: 'text',
      secondary_external_id: 'text',
      birthday: 'date',
      email: 'text',
      sms: 'text',
      whatsapp: 'text',
      facebook: 'text',
      instagram: 'text',
      google_business_messaging: 'text',
      postal: 'text',
      address_line1: 'text',
      address_line2: 'text',
      zipcode: 'text',
      city: 'text',
      country: 'text',
    },
  },
  template: {
    name: 'template',
    columns: { ...stamps, name: 'text', channel_type: 'text', language: 'text', body: 'text' },
  },
  conversation: {
    name: 'conversation',
    columns: {
      ...stamps,
      subject: 'text',
      status: 'text',
      assignee_id: 'uuid',
      unread: 'boolean',
      channel_id: 'uuid',
      channel_type: 'text',
      contact_id: 'uuid',
      external_id: 'text',
      tags: 'text[]',
      files: 'jsonb',
      is_spam: 'boolean',
      inbox_id: 'uuid',
      latest_message_id: 'uuid',
      latest_inbound_message_id: 'uuid',
      latest_message_created_at: 'timestamptz',
      latest_inbound_message_created_at: 'timestamptz',
    },
  },
  message: {
    name: 'message',
    columns: {
      ...stamps,
      conversation_id: 'uuid',
      is_inbound: 'boolean',
      subject: 'text',
      blurb: 'text',
      author_id: 'uuid',
      content: 'jsonb',
      raw_content: 'text',
      status: 'text',
      attachment_count: 'integer',
      // Not one of Mateo's documented columns: the sandbox keeps the attachment strings here.
      attachments: 'text[]',
      reply_to_message_id: 'uuid',
      external_files: 'jsonb',
      external_id: 'text',
      template_id: 'uuid',
      review_channel_id: 'uuid',
      author_type: 'text',
      forwarded: 'boolean',
      forwarded_message_text: 'text',
      send_after: 'timestamptz',
      footer: 'text',
      sendout_id: 'uuid',
      campaign_id: 'uuid',
      sent_at: 'timestamptz',
      timestamp: 'timestamptz',
      location: 'jsonb',
      location_metadata: 'jsonb',
      contacts: 'jsonb',
      files: 'jsonb',
      header_media_filename: 'text',
    },
  },
  recipient: {
    name: 'recipient',
    columns: {
      ...stamps,
      conversation_id: 'uuid',
      message_id: 'uuid',
      contact_id: 'uuid',
      handle: 'text',
      full_name: 'text',
      is_organisation: 'boolean',
      role: 'text',
      status: 'text',
    },
  },
  message_action: {
    name: 'message_action',
    columns: {
      ...stamps,
      conversation_id: 'uuid',
      message_id: 'uuid',
      type: 'text',
      subtype: 'text',
      text: 'text',
      data: 'text',
      clicked: 'boolean',
    },
  },
} as const satisfies Record<string, TableSpec>;
export type TableName = keyof typeof TABLES;
export type Row = Record<string, unknown>;

/** Tables readable over `GET /api/v1/<name>`; `contact_details` is Mateo's second name for contacts. */
export const READABLE_TABLES: Readonly<Record<string, TableSpec>> = {
  channel: TABLES.channel,
  contact: TABLES.contact,
  contact_details: TABLES.contact,
  template: TABLES.template,
  conversation: TABLES.conversation,
  message: TABLES.message,
  recipient: TABLES.recipient,
  message_action: TABLES.message_action,
};

// Kept by hand next to TABLES; store.test.ts checks that the two agree.
const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS channel (
  id uuid PRIMARY KEY,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  organisation_id uuid NOT NULL,
  type text NOT NULL CHECK (type IN ('email', 'sms', 'whatsapp', 'facebook', 'instagram', 'google_business_messaging', 'postal')),
  name text,
  handle text,
  status text NOT NULL CHECK (status IN ('draft', 'in-review', 'rejected', 'active', 'inactive')),
  active boolean
);
CREATE TABLE IF NOT EXISTS contact (
  id uuid PRIMARY KEY,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  organisation_id uuid NOT NULL,
  full_name text,
  display_name text,
  salutation text,
  is_blocked boolean NOT NULL DEFAULT false,
  external_id text UNIQUE,
  secondary_external_id text UNIQUE,
  birthday date,
  email text UNIQUE,
  sms text UNIQUE,
  whatsapp text UNIQUE,
  facebook text UNIQUE,
  instagram text UNIQUE,
  google_business_messaging text UNIQUE,
  postal text,
  address_line1 text,
  address_line2 text,
  zipcode text,
  city text,
  country text
);
CREATE TABLE IF NOT EXISTS template (
  id uuid PRIMARY KEY,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  organisation_id uuid NOT NULL,
  name text NOT NULL,
  channel_type text,
  language text,
  body text NOT NULL
);
CREATE TABLE IF NOT EXISTS conversation (
  id uuid PRIMARY KEY,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  organisation_id uuid NOT NULL,
  subject text,
  status text NOT NULL CHECK (status IN ('open', 'closed', 'archived')),
  assignee_id uuid,
  unread boolean,
  channel_id uuid NOT NULL REFERENCES channel (id),
  -- The channel's real type, postal included (see send-message.ts for the answer's mapping).
  channel_type text NOT NULL,
  contact_id uuid REFERENCES contact (id),
  external_id text,
  tags text[],
  files jsonb,
  is_spam boolean NOT NULL DEFAULT false,
  inbox_id uuid NOT NULL,
  latest_message_id uuid,
  latest_inbound_message_id uuid,
  latest_message_created_at timestamptz,
  latest_inbound_message_created_at timestamptz
);
CREATE TABLE IF NOT EXISTS message (
  id uuid PRIMARY KEY,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  organisation_id uuid NOT NULL,
  conversation_id uuid NOT NULL REFERENCES conversation (id),
  is_inbound boolean NOT NULL,
  subject text,
  blurb text,
  author_id uuid,
  content jsonb,
  raw_content text,
  status text NOT NULL,
  attachment_count integer,
  attachments text[] NOT NULL DEFAULT '{}',
  reply_to_message_id uuid REFERENCES message (id) ON DELETE SET NULL,
  external_files jsonb,
  external_id text,
  template_id uuid,
  review_channel_id uuid,
  author_type text,
  forwarded boolean,
  forwarded_message_text text,
  send_after timestamptz,
  footer text,
  sendout_id uuid,
  campaign_id uuid,
  sent_at timestamptz,
  "timestamp" timestamptz,
  location jsonb,
  location_metadata jsonb,
  contacts jsonb,
  files jsonb,
  header_media_filename text
);
CREATE INDEX IF NOT EXISTS message_due_idx ON message (status, send_after);
CREATE INDEX IF NOT EXISTS message_conversation_idx ON message (conversation_id, created_at);
CREATE TABLE IF NOT EXISTS recipient (
  id uuid PRIMARY KEY,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  organisation_id uuid NOT NULL,
  conversation_id uuid NOT NULL,
  message_id uuid NOT NULL REFERENCES message (id) ON DELETE CASCADE,
  contact_id uuid,
  handle text NOT NULL,
  full_name text,
  is_organisation boolean,
  role text NOT NULL CHECK (role IN ('from', 'to', 'cc', 'bcc', 'reply_to')),
  status text NOT NULL
);
CREATE INDEX IF NOT EXISTS recipient_message_idx ON recipient (message_id);
CREATE TABLE IF NOT EXISTS message_action (
  id uuid PRIMARY KEY,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  organisation_id uuid NOT NULL,
  conversation_id uuid NOT NULL,
  message_id uuid NOT NULL REFERENCES message (id) ON DELETE CASCADE,
  type text NOT NULL CHECK (type IN ('quick_reply', 'call_to_action', 'list')),
  subtype text CHECK (subtype IN ('url', 'phone_number')),
  text text NOT NULL,
  data text,
  clicked boolean NOT NULL DEFAULT false
);
CREATE INDEX IF NOT EXISTS message_action_message_idx ON message_action (message_id);
CREATE TABLE IF NOT EXISTS media_object (
  path text PRIMARY KEY,
  content_type text NOT NULL,
  size integer NOT NULL,
  bytes bytea NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
`;

/** What both `PGlite` and a transaction offer; functions that write take this. */
export type Queryable = Pick<Transaction, 'query'>;

/** Opens (or creates) the database and makes sure every table exists. */
export async function openDatabase(dataDir: string | null): Promise<PGlite> {
  if (dataDir !== null) await mkdir(dataDir, { recursive: true });
  const db = dataDir === null ? await PGlite.create() : await PGlite.create(dataDir);
  await db.exec(SCHEMA_SQL);
  return db;
}

export function quoteIdent(name: string): string {
  return `"${name}"`;
}

/** Throws unless `column` is in the table's allowlist (a programming error, not a client's). */
function checkedColumn(table: TableSpec, column: string): string {
  if (!Object.hasOwn(table.columns, column)) {
    throw new Error(`Unknown column ${table.name}.${column}`);
  }
  return quoteIdent(column);
}

/** Inserts one row and returns it as stored. */
export async function insertRow(db: Queryable, table: TableSpec, values: Row): Promise<Row> {
  const columns = Object.keys(values);
  const names = columns.map((column) => checkedColumn(table, column));
  const placeholders = columns.map((_, index) => `$${index + 1}`);
  const result = await db.query<Row>(
    `INSERT INTO ${quoteIdent(table.name)} (${names.join(', ')}) VALUES (${placeholders.join(', ')}) RETURNING *`,
    columns.map((column) => values[column]),
  );
  return result.rows[0] as Row;
}

/** Updates the row with this id and returns it as stored. */
export async function updateRow(
  db: Queryable,
  table: TableSpec,
  id: string,
  values: Row,
): Promise<Row | undefined> {
  const columns = Object.keys(values);
  const sets = columns.map((column, index) => `${checkedColumn(table, column)} = $${index + 2}`);
  const result = await db.query<Row>(
    `UPDATE ${quoteIdent(table.name)} SET ${sets.join(', ')} WHERE id = $1 RETURNING *`,
    [id, ...columns.map((column) => values[column])],
  );
  return result.rows[0];
}

export async function findById(
  db: Queryable,
  table: TableSpec,
  id: string,
): Promise<Row | undefined> {
  const result = await db.query<Row>(`SELECT * FROM ${quoteIdent(table.name)} WHERE id = $1`, [id]);
  return result.rows[0];
}

/** A stored row as JSON: timestamps as ISO strings, dates as `YYYY-MM-DD`. */
export function toJsonRow(table: TableSpec, row: Row): Row {
  const out: Row = {};
  for (const [column, value] of Object.entries(row)) {
    const type = table.columns[column];
    if (value instanceof Date) {
      out[column] = type === 'date' ? value.toISOString().slice(0, 10) : value.toISOString();
    } else {
      out[column] = value;
    }
  }
  return out;
}

/** Points a conversation at its newest remaining messages, after some were deleted. */
export async function refreshConversationLatest(
  db: Queryable,
  conversationId: string,
  now: Date,
): Promise<void> {
  await db.query(
    `UPDATE conversation SET
       latest_message_id = (SELECT id FROM message WHERE conversation_id = $1 ORDER BY created_at DESC, id DESC LIMIT 1),
       latest_message_created_at = (SELECT max(created_at) FROM message WHERE conversation_id = $1),
       latest_inbound_message_id = (SELECT id FROM message WHERE conversation_id = $1 AND is_inbound ORDER BY created_at DESC, id DESC LIMIT 1),
       latest_inbound_message_created_at = (SELECT max(created_at) FROM message WHERE conversation_id = $1 AND is_inbound),
       updated_at = $2
     WHERE id = $1`,
    [conversationId, now],
  );
}
