import type { PGlite } from '@electric-sql/pglite';
import type { ChannelType } from '../../schemas/rows';
import { insertRow, TABLES, type Queryable, type Row } from './store';

/**
 * The data a fresh sandbox starts with: channels of every type (plus an inactive and an
 * in-review one), about a hundred contacts, templates and two WhatsApp conversations with an
 * inbound message, one inside and one outside the 24-hour window. Ids are fixed so tests and
 * demos can name rows; timestamps are relative to the moment of seeding.
 */

export const SEED = {
  organisationId: 'a0000000-0000-4000-8000-000000000001',
  inboxId: 'a0000000-0000-4000-8000-000000000002',
  /** One active channel per type. */
  channels: {
    email: 'c0000000-0000-4000-8000-000000000001',
    sms: 'c0000000-0000-4000-8000-000000000002',
    whatsapp: 'c0000000-0000-4000-8000-000000000003',
    facebook: 'c0000000-0000-4000-8000-000000000004',
    instagram: 'c0000000-0000-4000-8000-000000000005',
    google_business_messaging: 'c0000000-0000-4000-8000-000000000006',
    postal: 'c0000000-0000-4000-8000-000000000007',
  } satisfies Record<ChannelType, string>,
  /** A second active email channel, so the picker has a choice within one type. */
  secondEmailChannelId: 'c0000000-0000-4000-8000-000000000008',
  /** status `inactive`, active false. */
  inactiveChannelId: 'c0000000-0000-4000-8000-000000000009',
  /** status `in-review`, active false. */
  inReviewChannelId: 'c0000000-0000-4000-8000-00000000000a',
  templates: {
    /** WhatsApp, two placeholders: `Hallo {{1}}, Ihr Termin ist am {{2}}. ...` */
    appointment: 'b0000000-0000-4000-8000-000000000001',
    /** WhatsApp, one placeholder. */
    vehicleReady: 'b0000000-0000-4000-8000-000000000002',
    /** WhatsApp, no placeholder. */
    openingHours: 'b0000000-0000-4000-8000-000000000003',
    /** WhatsApp, English, three placeholders. */
    reminderEnglish: 'b0000000-0000-4000-8000-000000000004',
    /** Email, named placeholders `{{vorname}}` and `{{rechnungsnummer}}`. */
    invoiceEmail: 'b0000000-0000-4000-8000-000000000005',
    /** SMS, one placeholder. */
    pickupCodeSms: 'b0000000-0000-4000-8000-000000000006',
    /** Any channel (channel_type null), one placeholder. */
    thanks: 'b0000000-0000-4000-8000-000000000007',
  },
  contacts: {
    /** Anna Schmidt: email, sms, whatsapp, facebook, instagram, address, external ids. */
    withPhone: 'd0000000-0000-4000-8000-000000000001',
    /** Jürgen Müller-Lüdenscheidt: whatsapp and sms only. */
    whatsappOnly: 'd0000000-0000-4000-8000-000000000002',
    /** Zoë Lefèvre: French mobile and email. */
    international: 'd0000000-0000-4000-8000-000000000003',
    /** François Dubois: email only, no phone. */
    emailOnly: 'd0000000-0000-4000-8000-000000000004',
    /** Dörte Weiß: sms but no whatsapp. */
    smsWithoutWhatsapp: 'd0000000-0000-4000-8000-000000000005',
    /** Gisela Straßer: postal address only, no email or phone. */
    postal: 'd0000000-0000-4000-8000-000000000006',
  },
  /** `external_id` and `secondary_external_id` of `contacts.withPhone`. */
  externalIds: { external: 'CRM-10001', secondary: 'DMS-5001' },
  conversations: {
    /** WhatsApp with Anna Schmidt; the inbound message is 2 hours older than the seed. */
    recent: {
      id: 'e0000000-0000-4000-8000-000000000001',
      inboundMessageId: 'f0000000-0000-4000-8000-000000000001',
    },
    /** WhatsApp with Jürgen Müller-Lüdenscheidt; the inbound message is 3 days older. */
    old: {
      id: 'e0000000-0000-4000-8000-000000000002',
      inboundMessageId: 'f0000000-0000-4000-8000-000000000002',
    },
    /** Email with Zoë Lefèvre; the inbound message is 26 hours older. */
    email: {
      id: 'e0000000-0000-4000-8000-000000000003',
      inboundMessageId: 'f0000000-0000-4000-8000-000000000003',
    },
  },
} as const;

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

interface ChannelSeed {
  id: string;
  type: ChannelType;
  name: string;
  handle: string | null;
  status: 'active' | 'inactive' | 'in-review';
}

const CHANNELS: ChannelSeed[] = [
  {
    id: SEED.channels.email,
    type: 'email',
    name: 'Autohaus Müller Service',
    handle: 'support@autohaus-mueller.de',
    status: 'active',
  },
  {
    id: SEED.channels.sms,
    type: 'sms',
    name: 'Autohaus Müller SMS',
    handle: '+4930901820',
    status: 'active',
  },
  {
    id: SEED.channels.whatsapp,
    type: 'whatsapp',
    name: 'Autohaus Müller WhatsApp',
    handle: '+4930901821',
    status: 'active',
  },
  {
    id: SEED.channels.facebook,
    type: 'facebook',
    name: 'Autohaus Müller auf Facebook',
    handle: '104857392615843',
    status: 'active',
  },
  {
    id: SEED.channels.instagram,
    type: 'instagram',
    name: 'Autohaus Müller auf Instagram',
    handle: 'autohaus.mueller',
    status: 'active',
  },
  {
    id: SEED.channels.google_business_messaging,
    type: 'google_business_messaging',
    name: 'Autohaus Müller (Google)',
    handle: 'autohaus-mueller-berlin',
    status: 'active',
  },
  // A letter has no sender handle; the recipient list then has no `from` row.
  {
    id: SEED.channels.postal,
    type: 'postal',
    name: 'Autohaus Müller Briefversand',
    handle: null,
    status: 'active',
  },
  {
    id: SEED.secondEmailChannelId,
    type: 'email',
    name: 'Praxis Dr. Weiß – Termine',
    handle: 'termine@praxis-weiss.de',
    status: 'active',
  },
  {
    id: SEED.inactiveChannelId,
    type: 'email',
    name: 'Werkstatt Müller (alt)',
    handle: 'werkstatt@autohaus-mueller.de',
    status: 'inactive',
  },
  {
    id: SEED.inReviewChannelId,
    type: 'whatsapp',
    name: 'Autohaus Müller Marketing',
    handle: '+4930901822',
    status: 'in-review',
  },
];

const TEMPLATES: {
  id: string;
  name: string;
  channel_type: ChannelType | null;
  language: string;
  body: string;
}[] = [
  {
    id: SEED.templates.appointment,
    name: 'terminbestaetigung',
    channel_type: 'whatsapp',
    language: 'de',
    body: 'Hallo {{1}}, Ihr Termin ist am {{2}}. Wir freuen uns auf Sie im Autohaus Müller!',
  },
  {
    id: SEED.templates.vehicleReady,
    name: 'fahrzeug_abholbereit',
    channel_type: 'whatsapp',
    language: 'de',
    body: 'Hallo {{1}}, Ihr Fahrzeug ist fertig und kann ab sofort abgeholt werden.',
  },
  {
    id: SEED.templates.openingHours,
    name: 'oeffnungszeiten',
    channel_type: 'whatsapp',
    language: 'de',
    body: 'Unsere Öffnungszeiten: Mo–Fr 7:30–18:00 Uhr, Sa 9:00–13:00 Uhr. Außerhalb dieser Zeiten erreichen Sie uns per E-Mail.',
  },
  {
    id: SEED.templates.reminderEnglish,
    name: 'appointment_reminder',
    channel_type: 'whatsapp',
    language: 'en',
    body: 'Hi {{1}}, this is a reminder of your appointment on {{2}} at {{3}}. Reply to this message to reschedule.',
  },
  {
    id: SEED.templates.invoiceEmail,
    name: 'rechnung',
    channel_type: 'email',
    language: 'de',
    body: 'Guten Tag {{vorname}},\n\nanbei erhalten Sie Ihre Rechnung {{rechnungsnummer}}. Bei Fragen antworten Sie einfach auf diese E-Mail.\n\nMit freundlichen Grüßen\nIhr Autohaus Müller',
  },
  {
    id: SEED.templates.pickupCodeSms,
    name: 'abholcode',
    channel_type: 'sms',
    language: 'de',
    body: 'Ihr Abholcode für die Schlüsselbox lautet {{1}}. Autohaus Müller',
  },
  {
    id: SEED.templates.thanks,
    name: 'danke',
    channel_type: null,
    language: 'de',
    body: 'Vielen Dank für Ihre Nachricht, {{1}}! Wir melden uns so schnell wie möglich.',
  },
];

type ContactSeed = Row & { id: string; full_name: string };

const GERMANY = 'DEUTSCHLAND';

/** Hand-picked contacts that tests and demos refer to by id. */
const FEATURED_CONTACTS: ContactSeed[] = [
  {
    id: SEED.contacts.withPhone,
    full_name: 'Anna Schmidt',
    salutation: 'Frau',
    email: 'anna.schmidt@example.com',
    sms: '+4915123456701',
    whatsapp: '+4915123456701',
    facebook: '2735480012345671',
    instagram: 'anna.schmidt.berlin',
    external_id: SEED.externalIds.external,
    secondary_external_id: SEED.externalIds.secondary,
    birthday: '1987-04-12',
    address_line1: 'Schönhauser Allee 36',
    zipcode: '10435',
    city: 'Berlin',
    country: GERMANY,
  },
  {
    id: SEED.contacts.whatsappOnly,
    full_name: 'Jürgen Müller-Lüdenscheidt',
    salutation: 'Herr',
    sms: '+4917098765432',
    whatsapp: '+4917098765432',
  },
  {
    id: SEED.contacts.international,
    full_name: 'Zoë Lefèvre',
    salutation: 'Frau',
    email: 'zoe.lefevre@example.org',
    sms: '+33639981234',
    whatsapp: '+33639981234',
    instagram: 'zoe.lefevre',
  },
  {
    id: SEED.contacts.emailOnly,
    full_name: 'François Dubois',
    salutation: 'Herr',
    email: 'francois.dubois@example.net',
  },
  {
    id: SEED.contacts.smsWithoutWhatsapp,
    full_name: 'Dörte Weiß',
    salutation: 'Frau',
    email: 'doerte.weiss@example.com',
    sms: '+4916055501234',
  },
  {
    id: SEED.contacts.postal,
    full_name: 'Gisela Straßer',
    salutation: 'Frau',
    address_line1: 'Hauptstraße 12',
    address_line2: 'Hinterhaus, 2. OG',
    zipcode: '80331',
    city: 'München',
    country: GERMANY,
  },
  {
    id: 'd0000000-0000-4000-8000-000000000007',
    full_name: 'Heinz-Dieter Böhm',
    salutation: 'Herr',
    address_line1: 'Mühlenweg 3',
    zipcode: '50667',
    city: 'Köln',
    country: GERMANY,
  },
  {
    id: 'd0000000-0000-4000-8000-000000000008',
    full_name: 'Margarete Groß',
    salutation: 'Frau',
    address_line1: 'Königsallee 27',
    zipcode: '40212',
    city: 'Düsseldorf',
    country: GERMANY,
  },
  {
    id: 'd0000000-0000-4000-8000-000000000009',
    full_name: 'Ernst Köhler',
    salutation: 'Herr',
    address_line1: 'Schloßstraße 8',
    zipcode: '1010',
    city: 'Wien',
    country: 'ÖSTERREICH',
  },
];

const FIRST_NAMES = [
  'Sophie',
  'Maximilian',
  'Lea',
  'Lukas',
  'Marie',
  'Jonas',
  'Leonie',
  'Felix',
  'Johanna',
  'Moritz',
  'Hannah',
  'Tobias',
  'Katharina',
  'Matthias',
  'Annalena',
  'Uwe',
  'Sabine',
  'Bärbel',
  'Jörg',
  'Heike',
  'Ralf',
  'Ursula',
  'Wolfgang',
  'Björn',
  'Sören',
  'Günther',
  'Käthe',
  'Ömer',
  'Ayşe',
  'Mehmet',
  'José',
  'Núria',
  'Łukasz',
  'Małgorzata',
  'Siobhán',
  'Renée',
  'Chloé',
  'Antonín',
  'Søren',
  'Ingrid',
  'Giulia',
  'Niamh',
  'Aleksandra',
  'Đorđe',
  'Élodie',
  'Håkon',
  'Fatma',
  'Yusuf',
  'Susanna',
  'Emily',
];

const LAST_NAMES = [
  'Müller',
  'Schäfer',
  'Groß',
  'Weiß',
  'Krüger',
  'Böhm',
  'Köhler',
  'Döring',
  'Schröder',
  'Jäger',
  'Hoffmann',
  'Wagner',
  'Becker',
  'Schulz',
  'Koch',
  'Richter',
  'Wolf',
  'Neumann',
  'Schwarz',
  'Zimmermann',
  'Braun',
  'Hartmann',
  'Lange',
  'Schmitt',
  'Werner',
  'Krause',
  'Meier',
  'Lehmann',
  'von Bülow',
  'Fuß',
  'Özdemir',
  'Yılmaz',
  'Kowalski',
  'Wiśniewski',
  'García',
  'Dvořák',
  "O'Brien",
  'Nørgaard',
  'Jovanović',
  'Rossi',
  'Fernández',
  'Horváth',
  'Çelik',
  'Kaya',
  'Dupont',
  'Smith',
  'Brandtstätter',
  'Auerbach',
  'Kessler',
  'Nußbaum',
  'Schäuble',
  'Großmann',
  'Thäler',
];

const ADDRESSES: { street: string; zipcode: string; city: string; country: string }[] = [
  { street: 'Bahnhofstraße', zipcode: '10115', city: 'Berlin', country: GERMANY },
  { street: 'Maximilianstraße', zipcode: '80539', city: 'München', country: GERMANY },
  { street: 'Hohe Straße', zipcode: '50667', city: 'Köln', country: GERMANY },
  { street: 'Mönckebergstraße', zipcode: '20095', city: 'Hamburg', country: GERMANY },
  { street: 'Zeil', zipcode: '60313', city: 'Frankfurt am Main', country: GERMANY },
  { street: 'Königstraße', zipcode: '70173', city: 'Stuttgart', country: GERMANY },
  { street: 'Grimmaische Straße', zipcode: '04109', city: 'Leipzig', country: GERMANY },
  { street: 'Prager Straße', zipcode: '01069', city: 'Dresden', country: GERMANY },
  { street: 'Mariahilfer Straße', zipcode: '1060', city: 'Wien', country: 'ÖSTERREICH' },
  { street: 'Bahnhofstrasse', zipcode: '8001', city: 'Zürich', country: 'SCHWEIZ' },
];

/** `Jörg Weiß` → `joerg.weiss`: German transliteration first, then accents dropped. */
function asciiName(name: string): string {
  return name
    .toLowerCase()
    .replaceAll('ä', 'ae')
    .replaceAll('ö', 'oe')
    .replaceAll('ü', 'ue')
    .replaceAll('ß', 'ss')
    .replaceAll('ø', 'o')
    .replaceAll('ł', 'l')
    .replaceAll('đ', 'd')
    .replaceAll('ı', 'i')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.|\.$/g, '');
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');

/** A valid mobile number; mostly German, some from neighbouring countries, the UK, France, the US. */
function phoneFor(index: number): string {
  // Seven digits without a leading zero, distinct for every index below 1,000.
  const digits = 1_000_000 + ((index * 7919 + 234_567) % 9_000_000);
  switch (index % 12) {
    case 1:
      return `+43664${digits}`;
    case 4:
      return `+4179${digits}`;
    case 6:
      return `+447400${(digits % 900_000) + 100_000}`;
    case 8:
      return `+336${digits}${index % 10}`;
    case 10:
      // 555-0100 to 555-0199 are reserved for fiction.
      return `+1212555${pad(100 + (index % 100), 4)}`;
    default: {
      const prefix = ['151', '152', '160', '162', '170', '171', '172', '175', '176', '179'][
        index % 10
      ] as string;
      return `+49${prefix}${digits}${index % 10}`;
    }
  }
}

function bulkContacts(count: number): ContactSeed[] {
  const domains = ['example.com', 'example.org', 'example.net'];
  const contacts: ContactSeed[] = [];
  for (let index = 0; index < count; index++) {
    // 50 and 53 are coprime, so no full name repeats within the first 2,650.
    const first = FIRST_NAMES[index % FIRST_NAMES.length] as string;
    const last = LAST_NAMES[(index * 7) % LAST_NAMES.length] as string;
    const fullName = `${first} ${last}`;
    const local = `${asciiName(first)}.${asciiName(last)}`;
    const phone = phoneFor(index);
    const address = ADDRESSES[index % ADDRESSES.length] as (typeof ADDRESSES)[number];
    contacts.push({
      id: `d0000000-0000-4000-8000-${pad(100 + index, 12)}`,
      full_name: fullName,
      email: index % 9 === 0 ? null : `${local}@${domains[index % domains.length]}`,
      // Some have only one of sms and whatsapp, a few have neither.
      sms: index % 5 === 2 || index % 17 === 0 ? null : phone,
      whatsapp: index % 7 === 3 || index % 17 === 0 ? null : phone,
      facebook: index % 4 === 0 ? `10000${pad(index * 104_729, 11)}` : null,
      instagram: index % 3 === 0 ? `${local.replaceAll('.', '_')}${index}` : null,
      google_business_messaging: index % 15 === 0 ? `gbm-${pad(index, 6)}` : null,
      external_id: index % 2 === 0 ? `CRM-${20000 + index}` : null,
      ...(index % 3 === 1
        ? {
            address_line1: `${address.street} ${1 + (index % 97)}`,
            zipcode: address.zipcode,
            city: address.city,
            country: address.country,
          }
        : {}),
    });
  }
  return contacts;
}

export const SEED_CONTACTS: readonly ContactSeed[] = [...FEATURED_CONTACTS, ...bulkContacts(92)];

interface InboundSeed {
  conversationId: string;
  messageId: string;
  channelId: string;
  channelType: ChannelType;
  contactId: string;
  contactHandle: string;
  contactName: string;
  channelHandle: string;
  subject: string | null;
  text: string;
  ageMs: number;
}

const INBOUND: InboundSeed[] = [
  {
    conversationId: SEED.conversations.recent.id,
    messageId: SEED.conversations.recent.inboundMessageId,
    channelId: SEED.channels.whatsapp,
    channelType: 'whatsapp',
    contactId: SEED.contacts.withPhone,
    contactHandle: '+4915123456701',
    contactName: 'Anna Schmidt',
    channelHandle: '+4930901821',
    subject: null,
    text: 'Guten Morgen! Ist mein Wagen schon fertig? Ich könnte ihn heute gegen 17 Uhr abholen.',
    ageMs: 2 * HOUR,
  },
  {
    conversationId: SEED.conversations.old.id,
    messageId: SEED.conversations.old.inboundMessageId,
    channelId: SEED.channels.whatsapp,
    channelType: 'whatsapp',
    contactId: SEED.contacts.whatsappOnly,
    contactHandle: '+4917098765432',
    contactName: 'Jürgen Müller-Lüdenscheidt',
    channelHandle: '+4930901821',
    subject: null,
    text: 'Können Sie mir ein Angebot für Winterreifen (205/55 R16) schicken?',
    ageMs: 3 * DAY,
  },
  {
    conversationId: SEED.conversations.email.id,
    messageId: SEED.conversations.email.inboundMessageId,
    channelId: SEED.channels.email,
    channelType: 'email',
    contactId: SEED.contacts.international,
    contactHandle: 'zoe.lefevre@example.org',
    contactName: 'Zoë Lefèvre',
    channelHandle: 'support@autohaus-mueller.de',
    subject: 'Frage zur Rechnung',
    text: 'Bonjour, auf meiner Rechnung steht die Inspektion doppelt. Können Sie das bitte prüfen? Merci, Zoë',
    ageMs: 26 * HOUR,
  },
];

async function seedInbound(db: Queryable, seed: InboundSeed, now: Date): Promise<void> {
  const at = new Date(now.getTime() - seed.ageMs);
  const base = { created_at: at, updated_at: at, organisation_id: SEED.organisationId };
  await insertRow(db, TABLES.conversation, {
    ...base,
    id: seed.conversationId,
    subject: seed.subject,
    status: 'open',
    unread: true,
    channel_id: seed.channelId,
    channel_type: seed.channelType,
    contact_id: seed.contactId,
    tags: [],
    is_spam: false,
    inbox_id: SEED.inboxId,
    latest_message_id: seed.messageId,
    latest_inbound_message_id: seed.messageId,
    latest_message_created_at: at,
    latest_inbound_message_created_at: at,
  });
  await insertRow(db, TABLES.message, {
    ...base,
    id: seed.messageId,
    conversation_id: seed.conversationId,
    is_inbound: true,
    subject: seed.subject,
    blurb: seed.text.slice(0, 100),
    content: { text: seed.text, html: null },
    raw_content: seed.text,
    status: 'read',
    attachment_count: 0,
    author_type: 'external',
    forwarded: false,
    sent_at: at,
    timestamp: at,
  });
  const recipient = {
    ...base,
    conversation_id: seed.conversationId,
    message_id: seed.messageId,
    status: 'read',
  };
  await insertRow(db, TABLES.recipient, {
    ...recipient,
    id: seed.messageId.replace(/^f/, '9'),
    contact_id: seed.contactId,
    handle: seed.contactHandle,
    full_name: seed.contactName,
    is_organisation: false,
    role: 'from',
  });
  await insertRow(db, TABLES.recipient, {
    ...recipient,
    id: seed.messageId.replace(/^f/, '8'),
    contact_id: null,
    handle: seed.channelHandle,
    full_name: null,
    is_organisation: true,
    role: 'to',
  });
}

/** Seeds the tables when there is no channel yet; a second call changes nothing. */
export async function seedIfEmpty(db: PGlite, now: Date): Promise<boolean> {
  const existing = await db.query<{ count: number }>('SELECT count(*)::int AS count FROM channel');
  if ((existing.rows[0]?.count ?? 0) > 0) return false;
  await db.transaction(async (tx) => {
    const org = { organisation_id: SEED.organisationId };
    const created = new Date(now.getTime() - 365 * DAY);
    for (const channel of CHANNELS) {
      await insertRow(tx, TABLES.channel, {
        ...org,
        ...channel,
        active: channel.status === 'active',
        created_at: created,
        updated_at: created,
      });
    }
    for (const template of TEMPLATES) {
      await insertRow(tx, TABLES.template, {
        ...org,
        ...template,
        created_at: created,
        updated_at: created,
      });
    }
    for (const [index, contact] of SEED_CONTACTS.entries()) {
      // Spread over the past months so ordering by created_at means something.
      const at = new Date(now.getTime() - (SEED_CONTACTS.length - index) * DAY);
      await insertRow(tx, TABLES.contact, {
        ...org,
        display_name: contact.full_name,
        ...contact,
        created_at: at,
        updated_at: at,
      });
    }
    for (const inbound of INBOUND) await seedInbound(tx, inbound, now);
  });
  return true;
}
