import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import type { ValidateFunction } from 'ajv/dist/2020';
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { z } from './zod';
import { SendMessageErrorBodySchema } from './api-error';
import { DATE_TIME_PATTERN_SOURCE, UUID_PATTERN_SOURCE } from './patterns';
import {
  ACTION_SUBTYPES,
  ACTION_TYPES,
  CONVERSATION_CHANNEL_TYPES,
  CONVERSATION_STATUSES,
  MESSAGE_STATUSES,
  RECIPIENT_ROLES,
} from './constants';
import { SendMessageRequestSchema, SendMessageResponseSchema } from './send-message';

/**
 * Differential test of the zod schemas against Mateo's published OpenAPI for
 * `POST /send_message`. The spec is compiled with ajv (JSON Schema 2020-12, the dialect of
 * OpenAPI 3.1) and every generated payload must get the same verdict from zod and from ajv.
 * In 2020-12 `format` is an annotation, so ajv does not assert it; the `pattern`s carry the rule.
 */

// ---------------------------------------------------------------------------------------------
// The spec

type JsonType = 'null' | 'boolean' | 'number' | 'integer' | 'string' | 'array' | 'object';

interface JsonSchema {
  type?: JsonType;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  enum?: string[];
  pattern?: string;
  format?: string;
}

const SPEC_PATH = join(import.meta.dirname, '..', 'spec', 'mateo-send-message.openapi.yaml');
const spec: unknown = parse(readFileSync(SPEC_PATH, 'utf8'));

function at(node: unknown, ...path: string[]): unknown {
  return path.reduce<unknown>((current, key) => {
    if (typeof current !== 'object' || current === null || !(key in current)) {
      throw new Error(`The spec has no ${path.join(' > ')} (missing ${key})`);
    }
    return (current as Record<string, unknown>)[key];
  }, node);
}

const operation = at(spec, 'paths', '/send_message', 'post');
const requestSpec = at(
  operation,
  'requestBody',
  'content',
  'application/json',
  'schema',
) as JsonSchema;
const okSpec = at(
  operation,
  'responses',
  '200',
  'content',
  'application/vnd.pgrst.object+json',
  'schema',
) as JsonSchema;
const badRequestSpec = at(
  operation,
  'responses',
  '400',
  'content',
  'application/json',
  'schema',
) as JsonSchema;

/** The leaf schemas of nested `anyOf`s. */
function variants(schema: JsonSchema): JsonSchema[] {
  return schema.anyOf ? schema.anyOf.flatMap(variants) : [schema];
}

/** The JSON types a schema admits, or null when it admits anything (`{}`). */
function allowedTypes(schema: JsonSchema): Set<JsonType> | null {
  const types = new Set<JsonType>();
  for (const variant of variants(schema)) {
    if (!variant.type) return null;
    types.add(variant.type);
    if (variant.type === 'number') types.add('integer');
  }
  return types;
}

function property(schema: JsonSchema, name: string): JsonSchema {
  const found = variants(schema).find((variant) => variant.properties?.[name]);
  if (!found?.properties?.[name]) throw new Error(`The spec schema has no property ${name}`);
  return found.properties[name];
}

function itemsOf(schema: JsonSchema): JsonSchema {
  const found = variants(schema).find((variant) => variant.items);
  if (!found?.items) throw new Error('The spec schema has no array branch');
  return found.items;
}

function enumOf(schema: JsonSchema): string[] {
  const found = variants(schema).find((variant) => variant.enum);
  if (!found?.enum) throw new Error('The spec schema has no enum');
  return found.enum;
}

function propertyNames(schema: JsonSchema): string[] {
  return Object.keys(schema.properties ?? {});
}

const recipientSpec = itemsOf(property(requestSpec, 'to'));
const actionSpec = itemsOf(property(requestSpec, 'actions'));
const REQUEST_FIELDS = propertyNames(requestSpec);
const RECIPIENT_FIELDS = propertyNames(recipientSpec);
const ACTION_FIELDS = propertyNames(actionSpec);
const UUID_FIELDS = REQUEST_FIELDS.filter((name) =>
  variants(property(requestSpec, name)).some((variant) => variant.pattern === UUID_PATTERN_SOURCE),
);
const SPEC_CONVERSATION_STATUSES = enumOf(property(requestSpec, 'conversation_status'));
const SPEC_ACTION_TYPES = enumOf(property(actionSpec, 'type'));
const SPEC_ACTION_SUBTYPES = enumOf(property(actionSpec, 'subtype'));

// `format` is only an annotation in 2020-12, so it is not validated; `strict: false` lets OpenAPI's
// own keywords (example, x-*) through should the spec gain them. One error is enough for a verdict.
const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: false });
const specValidates = {
  request: ajv.compile(requestSpec),
  ok: ajv.compile(okSpec),
  badRequest: ajv.compile(badRequestSpec),
};

// ---------------------------------------------------------------------------------------------
// The differential check

interface Case {
  label: string;
  payload: unknown;
  /** The verdict the spec gives by construction of the case. */
  valid: boolean;
}

/** What goes over the wire: JSON in, JSON out (drops null prototypes, holes and -0). */
const wire = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;
const toCase = (label: string, payload: unknown, valid: boolean): Case => ({
  label,
  payload: wire(payload),
  valid,
});
const word = (valid: boolean) => (valid ? 'valid' : 'invalid');

/** Throws (so fast-check reports the payload) unless zod and the spec give the same verdict. */
function sameVerdict(schema: z.ZodMiniType, validate: ValidateFunction, payload: unknown): boolean {
  const zodValid = schema.safeParse(payload).success;
  const specValid = validate(payload);
  if (zodValid !== specValid) {
    throw new Error(
      `zod says ${word(zodValid)}, the spec (ajv) says ${word(specValid)} for ` +
        `${JSON.stringify(payload)}; ajv: ${JSON.stringify(validate.errors ?? [])}`,
    );
  }
  return specValid;
}

function checkCase(
  schema: z.ZodMiniType,
  validate: ValidateFunction,
  { label, payload, valid }: Case,
) {
  const verdict = sameVerdict(schema, validate, payload);
  if (verdict !== valid) {
    throw new Error(
      `${label}: zod and the spec agree it is ${word(verdict)}, but the case was built to be ` +
        `${word(valid)}: ${JSON.stringify(payload)}; ajv: ${JSON.stringify(validate.errors ?? [])}`,
    );
  }
  return verdict;
}

const checkRequest = (testCase: Case) =>
  checkCase(SendMessageRequestSchema, specValidates.request, testCase);

// ---------------------------------------------------------------------------------------------
// Building blocks

const NIL_UUID = '00000000-0000-0000-0000-000000000000';
const MAX_UUID = 'ffffffff-ffff-ffff-ffff-ffffffffffff';
const chars = (text: string) => text.split('');

const hex = (length: number) =>
  fc.string({
    unit: fc.constantFrom(...chars('0123456789abcdefABCDEF')),
    minLength: length,
    maxLength: length,
  });
const uuidWith = (version: fc.Arbitrary<string>, variant: fc.Arbitrary<string>) =>
  fc
    .tuple(hex(8), hex(4), version, hex(3), variant, hex(3), hex(12))
    .map(([a, b, v, c, w, d, e]) => `${a}-${b}-${v}${c}-${w}${d}-${e}`);
const UUID_VERSIONS = fc.constantFrom(...chars('12345678'));
const UUID_VARIANTS = fc.constantFrom(...chars('89abAB'));

const validUuid = fc.oneof(
  { weight: 6, arbitrary: uuidWith(UUID_VERSIONS, UUID_VARIANTS) },
  { weight: 1, arbitrary: fc.constantFrom(NIL_UUID, MAX_UUID) },
);

interface TextCase {
  text: string;
  valid: boolean;
}

const uuidCase: fc.Arbitrary<TextCase> = fc.oneof(
  validUuid.map((text) => ({ text, valid: true })),
  // Upper case is fine for versioned UUIDs; the max UUID is only listed in lower case.
  validUuid.map((text) => ({ text: text.toUpperCase(), valid: text !== MAX_UUID })),
  uuidWith(fc.constantFrom(...chars('09acfACF')), UUID_VARIANTS).map((text) => ({
    text,
    valid: false,
  })),
  uuidWith(UUID_VERSIONS, fc.constantFrom(...chars('0137cdefCDF'))).map((text) => ({
    text,
    valid: false,
  })),
  fc
    .tuple(
      validUuid,
      fc.constantFrom(
        (u: string) => u.replaceAll('-', ''),
        (u: string) => `{${u}}`,
        (u: string) => `urn:uuid:${u}`,
        (u: string) => `${u}\n`,
        (u: string) => ` ${u}`,
        (u: string) => u.slice(1),
        (u: string) => `${u}0`,
        (u: string) => `g${u.slice(1)}`,
      ),
    )
    .map(([text, spoil]) => ({ text: spoil(text), valid: false })),
  fc.constantFrom('', '0', 'not-a-uuid').map((text) => ({ text, valid: false })),
);

const isLeapYear = (year: number) => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
function daysInMonth(year: number, month: number): number {
  if (month < 1 || month > 12) return 0;
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
const pad = (value: number, width = 2) => String(value).padStart(width, '0');

interface DateTimeParts {
  year: number;
  month: number;
  day: number;
  separator: string;
  hour: number;
  minute: number;
  second: number | undefined;
  fraction: string | undefined;
  offset: 'Z' | 'z' | '' | { sign: '+' | '-'; hour: number; minute: number };
}

/** Renders the parts and works out, from the calendar, whether the spec accepts the result. */
function dateTimeCase(parts: DateTimeParts): TextCase {
  const { year, month, day, separator, hour, minute, second, fraction, offset } = parts;
  const zone =
    typeof offset === 'string' ? offset : `${offset.sign}${pad(offset.hour)}:${pad(offset.minute)}`;
  const text =
    `${pad(year, 4)}-${pad(month)}-${pad(day)}${separator}${pad(hour)}:${pad(minute)}` +
    `${second === undefined ? '' : `:${pad(second)}`}${fraction === undefined ? '' : `.${fraction}`}` +
    zone;
  const valid =
    day >= 1 &&
    day <= daysInMonth(year, month) &&
    separator === 'T' &&
    hour <= 23 &&
    minute <= 59 &&
    (second === undefined || second <= 59) &&
    (fraction === undefined || second !== undefined) &&
    (offset === 'Z' || (typeof offset === 'object' && offset.hour <= 23));
  return { text, valid };
}

const usually = <T, U>(common: fc.Arbitrary<T>, rare: fc.Arbitrary<U>) =>
  fc.oneof({ weight: 9, arbitrary: common }, { weight: 1, arbitrary: rare });
const absentOr = <T>(arbitrary: fc.Arbitrary<T>, weight = 1) =>
  fc.oneof({ weight, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary });
const LEAP_EDGE_YEARS = [2024, 2000, 2023, 2100, 1900, 2400, 1600] as const;

const dateTimeParts = (
  day: fc.Arbitrary<number>,
  month: fc.Arbitrary<number>,
  year: fc.Arbitrary<number>,
) =>
  fc.record({
    year,
    month,
    day,
    separator: usually(fc.constant('T'), fc.constantFrom(' ', 't')),
    hour: usually(fc.integer({ min: 0, max: 23 }), fc.constant(24)),
    minute: usually(fc.integer({ min: 0, max: 59 }), fc.constant(60)),
    second: absentOr(usually(fc.integer({ min: 0, max: 59 }), fc.constant(60))),
    fraction: absentOr(
      fc.string({ unit: fc.constantFrom(...chars('0123456789')), minLength: 1, maxLength: 9 }),
      3,
    ),
    offset: fc.oneof(
      { weight: 3, arbitrary: fc.constant('Z' as const) },
      { weight: 1, arbitrary: fc.constantFrom('' as const, 'z' as const) },
      {
        weight: 4,
        arbitrary: fc.record({
          sign: fc.constantFrom('+' as const, '-' as const),
          hour: usually(fc.integer({ min: 0, max: 23 }), fc.constant(24)),
          minute: fc.integer({ min: 0, max: 59 }),
        }),
      },
    ),
  });

const anyDateTimeCase = fc.oneof(
  dateTimeParts(
    usually(fc.integer({ min: 1, max: 28 }), fc.constantFrom(0, 29, 30, 31, 32)),
    usually(fc.integer({ min: 1, max: 12 }), fc.constantFrom(0, 13)),
    fc.oneof(fc.constantFrom(...LEAP_EDGE_YEARS, 2026), fc.integer({ min: 0, max: 9999 })),
  ).map(dateTimeCase),
  // 29 February, leap years and not.
  dateTimeParts(fc.constant(29), fc.constant(2), fc.constantFrom(...LEAP_EDGE_YEARS)).map(
    dateTimeCase,
  ),
);
const validDateTime = anyDateTimeCase.filter((c) => c.valid).map((c) => c.text);

const EDITS = {
  upper: (w: string) => w.toUpperCase(),
  capitalise: (w: string) => w.charAt(0).toUpperCase() + w.slice(1),
  dropLast: (w: string) => w.slice(0, -1),
  dropFirst: (w: string) => w.slice(1),
  plural: (w: string) => `${w}s`,
  past: (w: string) => `${w}ed`,
  padded: (w: string) => ` ${w} `,
  hyphen: (w: string) => w.replaceAll('_', '-'),
  camel: (w: string) => w.replace(/_(.)/gu, (_m, c: string) => c.toUpperCase()),
  empty: () => '',
} as const;

/** A value of the enum or a near miss of one; `valid` says whether it is still in the enum. */
const enumCase = (values: readonly string[]) =>
  fc.oneof(
    fc.constantFrom(...values).map((text) => ({ text, valid: true })),
    fc
      .tuple(fc.constantFrom(...values), fc.constantFrom(...Object.values(EDITS)))
      .map(([value, edit]) => {
        const text = edit(value);
        return { text, valid: values.includes(text) };
      }),
  );

/** One value of each JSON type; `wrongValue` picks one whose type the schema does not admit. */
const VALUES_BY_TYPE: { type: JsonType; value: unknown }[] = [
  { type: 'null', value: null },
  { type: 'boolean', value: true },
  { type: 'boolean', value: false },
  { type: 'integer', value: 0 },
  { type: 'integer', value: 42 },
  { type: 'number', value: 1.5 },
  { type: 'string', value: '' },
  { type: 'string', value: 'open' },
  { type: 'array', value: [] },
  { type: 'array', value: ['x'] },
  { type: 'object', value: {} },
  { type: 'object', value: { from: NIL_UUID, type: 'quick_reply' } },
];

function wrongValue(schema: JsonSchema, pick: number): { type: JsonType; value: unknown } | null {
  const allowed = allowedTypes(schema);
  if (!allowed) return null;
  const candidates = VALUES_BY_TYPE.filter(({ type }) => !allowed.has(type));
  return candidates[pick % candidates.length] ?? null;
}

const jsonObject = fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), {
  maxKeys: 4,
});
const unknownKey = (known: readonly string[]) =>
  fc.oneof(
    fc.string({ minLength: 1, maxLength: 12 }).filter((key) => !known.includes(key)),
    fc.constantFrom('__proto__', 'constructor', 'toString', 'channel_id', 'metadata'),
  );

// ---------------------------------------------------------------------------------------------
// Requests

const shortText = fc.string({ maxLength: 20 });
const nullable = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: null });

const recipient = fc.record(
  {
    handle: fc.oneof(shortText, fc.array(shortText, { maxLength: 3 }), fc.constant(null)),
    country_codes: fc.array(fc.constantFrom('DE', 'AT', 'CH', 'US', 'de'), { maxLength: 3 }),
    full_name: nullable(shortText),
    contact_id: nullable(validUuid),
    external_contact_id: nullable(shortText),
    secondary_external_contact_id: nullable(shortText),
  },
  { requiredKeys: [] },
);
const action = fc.record(
  {
    data: nullable(shortText),
    text: shortText,
    type: fc.constantFrom(...SPEC_ACTION_TYPES),
    subtype: nullable(fc.constantFrom(...SPEC_ACTION_SUBTYPES)),
  },
  { requiredKeys: ['text', 'type'] },
);
const recipients = nullable(fc.array(recipient, { maxLength: 3 }));

const requestFields = {
  from: validUuid,
  id: nullable(validUuid),
  conversation_id: nullable(validUuid),
  conversation_status: nullable(fc.constantFrom(...SPEC_CONVERSATION_STATUSES)),
  to: recipients,
  cc: recipients,
  bcc: recipients,
  subject: nullable(shortText),
  html: nullable(shortText),
  text: nullable(shortText),
  content: nullable(jsonObject),
  send_after: nullable(validDateTime),
  placeholder_values: nullable(fc.array(shortText, { maxLength: 3 })),
  reply_to_message_id: nullable(validUuid),
  attachments: nullable(
    fc.array(fc.constantFrom('https://example.com/a.pdf', 'media_library://logo.png'), {
      maxLength: 2,
    }),
  ),
  template_id: nullable(validUuid),
  review_channel_id: nullable(validUuid),
  marketing_channel_id: nullable(validUuid),
  actions: nullable(fc.array(action, { maxLength: 3 })),
  footer: nullable(shortText),
};

type Payload = Record<string, unknown>;

const fullRequest: fc.Arbitrary<Payload> = fc.record(requestFields);
const someRequest: fc.Arbitrary<Payload> = fc.record(requestFields, { requiredKeys: ['from'] });
const minimalRequest: fc.Arbitrary<Payload> = validUuid.map((from) => ({ from }));

const RECIPIENT_LISTS = ['to', 'cc', 'bcc'] as const;

/** Puts `item` first in `list`, keeping the base request's (valid) items after it. */
function withFirst(base: Payload, list: string, item: unknown): Payload {
  const rest = Array.isArray(base[list]) ? (base[list] as unknown[]) : [];
  return { ...base, [list]: [item, ...rest] };
}

const mutate = <T>(arbitrary: fc.Arbitrary<T>, apply: (base: Payload, value: T) => Case) =>
  fc.tuple(someRequest, arbitrary).map(([base, value]) => apply(base, value));

const requestMutations: fc.Arbitrary<Case>[] = [
  // A value of a JSON type the spec does not admit, for every top-level field.
  mutate(fc.tuple(fc.constantFrom(...REQUEST_FIELDS), fc.nat()), (base, [field, pick]) => {
    const wrong = wrongValue(property(requestSpec, field), pick);
    if (!wrong) throw new Error(`${field} admits every type`);
    return toCase(`${field} as ${wrong.type}`, { ...base, [field]: wrong.value }, false);
  }),
  // ... for every recipient field, in to, cc or bcc.
  mutate(
    fc.tuple(
      fc.constantFrom(...RECIPIENT_LISTS),
      recipient,
      fc.constantFrom(...RECIPIENT_FIELDS),
      fc.nat(),
    ),
    (base, [list, item, field, pick]) => {
      const wrong = wrongValue(property(recipientSpec, field), pick);
      if (!wrong) throw new Error(`recipient ${field} admits every type`);
      return toCase(
        `${list}[0].${field} as ${wrong.type}`,
        withFirst(base, list, { ...item, [field]: wrong.value }),
        false,
      );
    },
  ),
  // ... and for every action field.
  mutate(
    fc.tuple(action, fc.constantFrom(...ACTION_FIELDS), fc.nat()),
    (base, [item, field, pick]) => {
      const wrong = wrongValue(property(actionSpec, field), pick);
      if (!wrong) throw new Error(`action ${field} admits every type`);
      return toCase(
        `actions[0].${field} as ${wrong.type}`,
        withFirst(base, 'actions', { ...item, [field]: wrong.value }),
        false,
      );
    },
  ),
  // Array items of the wrong type.
  mutate(
    fc.tuple(
      fc.constantFrom('to', 'cc', 'bcc', 'actions', 'placeholder_values', 'attachments'),
      fc.constantFrom<unknown>(null, 'x', 7, [], true),
    ),
    (base, [list, item]) => {
      // Strings are fine items of the string arrays, objects of the others.
      const valid =
        typeof item === 'string' && (list === 'placeholder_values' || list === 'attachments');
      return toCase(`${list} item ${JSON.stringify(item)}`, withFirst(base, list, item), valid);
    },
  ),
  mutate(fc.constant(null), (base) => {
    const { from: _from, ...rest } = base;
    return toCase('from missing', rest, false);
  }),
  // UUIDs in every UUID field and in recipients.
  mutate(fc.tuple(fc.constantFrom(...UUID_FIELDS), uuidCase), (base, [field, { text, valid }]) =>
    toCase(`${field} = ${text}`, { ...base, [field]: text }, valid),
  ),
  mutate(
    fc.tuple(fc.constantFrom(...RECIPIENT_LISTS), recipient, uuidCase),
    (base, [list, item, { text, valid }]) =>
      toCase(
        `${list}[0].contact_id = ${text}`,
        withFirst(base, list, { ...item, contact_id: text }),
        valid,
      ),
  ),
  mutate(anyDateTimeCase, (base, { text, valid }) =>
    toCase(`send_after = ${text}`, { ...base, send_after: text }, valid),
  ),
  // Enum near misses.
  mutate(enumCase(SPEC_CONVERSATION_STATUSES), (base, { text, valid }) =>
    toCase(`conversation_status = ${text}`, { ...base, conversation_status: text }, valid),
  ),
  mutate(fc.tuple(action, enumCase(SPEC_ACTION_TYPES)), (base, [item, { text, valid }]) =>
    toCase(`actions[0].type = ${text}`, withFirst(base, 'actions', { ...item, type: text }), valid),
  ),
  mutate(fc.tuple(action, enumCase(SPEC_ACTION_SUBTYPES)), (base, [item, { text, valid }]) =>
    toCase(
      `actions[0].subtype = ${text}`,
      withFirst(base, 'actions', { ...item, subtype: text }),
      valid,
    ),
  ),
  // An action needs both text and type.
  mutate(fc.tuple(action, fc.constantFrom('text', 'type')), (base, [item, field]) => {
    const { [field]: _dropped, ...rest } = item;
    return toCase(`actions[0] without ${field}`, withFirst(base, 'actions', rest), false);
  }),
  // Recipient handles: a string, a list of strings or null.
  mutate(
    fc.tuple(
      fc.constantFrom(...RECIPIENT_LISTS),
      recipient,
      fc.oneof(
        shortText.map((handle) => ({ handle, valid: true })),
        fc.array(shortText, { maxLength: 3 }).map((handle) => ({ handle, valid: true })),
        fc.constant({ handle: null, valid: true }),
        fc.integer().map((handle) => ({ handle, valid: false })),
        fc
          .tuple(fc.array(shortText, { maxLength: 2 }), fc.integer())
          .map(([strings, number]) => ({ handle: [...strings, number], valid: false })),
        fc.constantFrom<unknown>(true, {}, [null], [['+49']]).map((handle) => ({
          handle,
          valid: false,
        })),
      ),
    ),
    (base, [list, item, { handle, valid }]) =>
      toCase(
        `${list}[0].handle = ${JSON.stringify(handle)}`,
        withFirst(base, list, { ...item, handle }),
        valid,
      ),
  ),
  // country_codes is an array and, unlike its siblings, not nullable.
  mutate(
    fc.tuple(
      fc.constantFrom(...RECIPIENT_LISTS),
      recipient,
      fc.constantFrom(
        { countryCodes: null, valid: false },
        { countryCodes: 'DE', valid: false },
        { countryCodes: ['DE', 49], valid: false },
        { countryCodes: [], valid: true },
        { countryCodes: ['DE', 'AT'], valid: true },
      ),
    ),
    (base, [list, item, { countryCodes, valid }]) =>
      toCase(
        `${list}[0].country_codes = ${JSON.stringify(countryCodes)}`,
        withFirst(base, list, { ...item, country_codes: countryCodes }),
        valid,
      ),
  ),
  // Unknown keys are allowed everywhere: the spec sets no additionalProperties: false.
  mutate(
    fc.tuple(unknownKey(REQUEST_FIELDS), fc.jsonValue({ maxDepth: 2 })),
    (base, [key, value]) => toCase(`unknown key ${key}`, { ...base, [key]: value }, true),
  ),
  mutate(
    fc.tuple(
      fc.constantFrom(...RECIPIENT_LISTS),
      recipient,
      unknownKey(RECIPIENT_FIELDS),
      fc.jsonValue({ maxDepth: 2 }),
    ),
    (base, [list, item, key, value]) =>
      toCase(
        `unknown key ${list}[0].${key}`,
        withFirst(base, list, { ...item, [key]: value }),
        true,
      ),
  ),
  mutate(
    fc.tuple(action, unknownKey(ACTION_FIELDS), fc.jsonValue({ maxDepth: 2 })),
    (base, [item, key, value]) =>
      toCase(
        `unknown key actions[0].${key}`,
        withFirst(base, 'actions', { ...item, [key]: value }),
        true,
      ),
  ),
  // content is a JSON object or null, never an array or a scalar.
  mutate(
    fc.oneof(
      jsonObject.map((content) => ({ content, valid: true })),
      fc.constant({ content: null, valid: true }),
      fc
        .array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 })
        .map((content) => ({ content, valid: false })),
      fc.oneof(shortText, fc.integer(), fc.boolean()).map((content) => ({ content, valid: false })),
    ),
    (base, { content, valid }) =>
      toCase(`content = ${JSON.stringify(content)}`, { ...base, content }, valid),
  ),
  // Bodies that are not objects at all.
  fc
    .oneof(
      fc.constant<unknown>(null),
      someRequest.map((body) => [body]),
      shortText,
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
    )
    .map((body) => toCase(`body ${JSON.stringify(body)}`, body, false)),
];

// ---------------------------------------------------------------------------------------------
// Answers (200 and 400), generated from the spec's own schemas

/** An arbitrary of values the schema accepts: every required key, enums from the spec. */
function arbitraryFor(schema: JsonSchema): fc.Arbitrary<unknown> {
  if (schema.anyOf) return fc.oneof(...schema.anyOf.map(arbitraryFor));
  if (schema.enum) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return fc.integer();
    case 'number':
      return fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));
    case 'string':
      return fc.string({ maxLength: 12 });
    case 'array':
      return fc.array(schema.items ? arbitraryFor(schema.items) : fc.jsonValue({ maxDepth: 1 }), {
        maxLength: 2,
      });
    case 'object': {
      const names = propertyNames(schema);
      if (names.length === 0) return jsonObject;
      const known = fc.record(
        Object.fromEntries(names.map((name) => [name, arbitraryFor(property(schema, name))])),
        { requiredKeys: schema.required ?? [] },
      );
      // Open objects: now and then a key the spec does not name.
      const extra = fc.dictionary(unknownKey(names), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 1 });
      return fc.tuple(known, usually(fc.constant({}), extra)).map(([a, b]) => ({ ...b, ...a }));
    }
    case undefined:
      return fc.jsonValue({ maxDepth: 1 });
  }
}

type Path = (string | number)[];

interface Site {
  path: Path;
  schema: JsonSchema;
  /** The key is required by the object holding it. */
  required: boolean;
}

function jsonTypeOf(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value as JsonType;
}

/** Every place in `value` the schema describes, with the schema that applies there. */
function sitesOf(schema: JsonSchema, value: unknown, path: Path = []): Site[] {
  const type = jsonTypeOf(value);
  const branch = variants(schema).find(
    (variant) => variant.type === type || (variant.type === 'number' && type === 'integer'),
  );
  if (!branch) return [];
  const sites: Site[] = [];
  if (type === 'object' && branch.properties) {
    const object = value as Payload;
    for (const [name, child] of Object.entries(branch.properties)) {
      if (!(name in object)) continue;
      const childPath = [...path, name];
      sites.push({
        path: childPath,
        schema: child,
        required: branch.required?.includes(name) ?? false,
      });
      sites.push(...sitesOf(child, object[name], childPath));
    }
  }
  if (type === 'array' && branch.items) {
    const items = branch.items;
    (value as unknown[]).forEach((item, index) => {
      sites.push({ path: [...path, index], schema: items, required: false });
      sites.push(...sitesOf(items, item, [...path, index]));
    });
  }
  return sites;
}

function getAt(root: unknown, path: Path): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], root);
}

/** A copy of `root` with the value at `path` replaced, or removed when `value` is `remove`. */
function changeAt(root: unknown, path: Path, value: unknown, remove = false): unknown {
  const copy = structuredClone(root);
  const parent = getAt(copy, path.slice(0, -1)) as Record<string | number, unknown>;
  const key = path[path.length - 1] as string | number;
  if (remove) delete parent[key];
  else parent[key] = value;
  return copy;
}

type AnswerMutation = 'drop' | 'enum' | 'type';

/**
 * Answers broken in one place: a required key dropped, an enum value misspelt or a value of a
 * type the spec does not admit. Returns null when the answer has no place for that mutation.
 */
function mutateAnswer(
  schema: JsonSchema,
  answer: unknown,
  kind: AnswerMutation,
  pick: number,
  edit: (word: string) => string,
): Case | null {
  const sites = sitesOf(schema, answer);
  if (kind === 'drop') {
    const site = pickFrom(
      sites.filter((s) => s.required),
      pick,
    );
    return (
      site &&
      toCase(`drop ${site.path.join('.')}`, changeAt(answer, site.path, undefined, true), false)
    );
  }
  if (kind === 'enum') {
    const site = pickFrom(
      sites.filter((s) => variants(s.schema).some((v) => v.enum)),
      pick,
    );
    if (!site) return null;
    const values = enumOf(site.schema);
    const text = edit(String(getAt(answer, site.path)));
    const stillValid = values.includes(text);
    return toCase(
      `${site.path.join('.')} = ${text}`,
      changeAt(answer, site.path, text),
      stillValid,
    );
  }
  const roots: Site[] = [{ path: [], schema, required: true }];
  const site = pickFrom([...roots, ...sites], pick);
  const wrong = site && wrongValue(site.schema, pick);
  if (!site || !wrong) return null;
  const payload = site.path.length === 0 ? wrong.value : changeAt(answer, site.path, wrong.value);
  return toCase(`${site.path.join('.') || 'body'} as ${wrong.type}`, payload, false);
}

function pickFrom<T>(items: T[], pick: number): T | null {
  return items.length === 0 ? null : (items[pick % items.length] ?? null);
}

const answerMutations = (schema: JsonSchema) =>
  fc
    .tuple(
      arbitraryFor(schema).map(wire),
      fc.constantFrom<AnswerMutation>('drop', 'enum', 'type'),
      fc.nat(),
      fc.constantFrom(...Object.values(EDITS)),
    )
    .map(([answer, kind, pick, edit]) => mutateAnswer(schema, answer, kind, pick, edit))
    .filter((testCase): testCase is Case => testCase !== null);

// ---------------------------------------------------------------------------------------------
// Tests

/** Runs per property; the request total is 5,100. */
const RUNS = {
  fullRequest: 1_000,
  someRequest: 500,
  minimalRequest: 100,
  mutatedRequest: 3_500,
  okAnswer: 300,
  mutatedOkAnswer: 1_000,
  badRequestAnswer: 200,
  mutatedBadRequestAnswer: 200,
} as const;

describe('the spec as loaded', () => {
  it('uses the patterns of schemas/patterns.ts, character for character', () => {
    const patterns = new Set<string>();
    const collect = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(collect);
      else if (typeof node === 'object' && node !== null) {
        for (const [key, value] of Object.entries(node)) {
          if (key === 'pattern' && typeof value === 'string') patterns.add(value);
          else collect(value);
        }
      }
    };
    collect(spec);
    expect([...patterns].sort()).toEqual([UUID_PATTERN_SOURCE, DATE_TIME_PATTERN_SOURCE].sort());
  });

  it('names the same request fields as the zod schema', () => {
    expect([...REQUEST_FIELDS].sort()).toEqual(Object.keys(SendMessageRequestSchema.shape).sort());
    expect(UUID_FIELDS).toEqual([
      'from',
      'id',
      'conversation_id',
      'reply_to_message_id',
      'template_id',
      'review_channel_id',
      'marketing_channel_id',
    ]);
  });

  it('lists the same enum values as the zod schemas', () => {
    const conversation = property(okSpec, 'conversation');
    const message = property(okSpec, 'message');
    const answerRecipient = itemsOf(property(okSpec, 'recipients'));
    expect(SPEC_CONVERSATION_STATUSES).toEqual([...CONVERSATION_STATUSES]);
    expect(enumOf(property(conversation, 'status'))).toEqual([...CONVERSATION_STATUSES]);
    expect(SPEC_ACTION_TYPES).toEqual([...ACTION_TYPES]);
    expect(SPEC_ACTION_SUBTYPES).toEqual([...ACTION_SUBTYPES]);
    expect(enumOf(property(message, 'status'))).toEqual([...MESSAGE_STATUSES]);
    expect(enumOf(property(answerRecipient, 'status'))).toEqual([...MESSAGE_STATUSES]);
    expect(enumOf(property(answerRecipient, 'role'))).toEqual([...RECIPIENT_ROLES]);
    expect(enumOf(property(conversation, 'channel_type'))).toEqual([...CONVERSATION_CHANNEL_TYPES]);
  });
});

describe('the send_message request by example', () => {
  const from = '0b9e4a8c-3f1d-4c2a-9e7b-5d6f7a8b9c0d';
  const examples: [string, unknown, boolean][] = [
    ['the minimal body', { from }, true],
    ['the nil UUID', { from: NIL_UUID }, true],
    ['the max UUID', { from: MAX_UUID }, true],
    ['the max UUID in upper case', { from: MAX_UUID.toUpperCase() }, false],
    ['upper-case hex', { from: from.toUpperCase() }, true],
    ['UUID version 0', { from: '0b9e4a8c-3f1d-0c2a-9e7b-5d6f7a8b9c0d' }, false],
    ['UUID version 9', { from: '0b9e4a8c-3f1d-9c2a-9e7b-5d6f7a8b9c0d' }, false],
    ['UUID variant c', { from: '0b9e4a8c-3f1d-4c2a-ce7b-5d6f7a8b9c0d' }, false],
    ['UUID variant 7', { from: '0b9e4a8c-3f1d-4c2a-7e7b-5d6f7a8b9c0d' }, false],
    ['from null', { from: null }, false],
    ['no from', { text: 'Hi' }, false],
    ['29 Feb 2024 with an offset', { from, send_after: '2024-02-29T09:00+01:00' }, true],
    ['29 Feb 2000 with seconds', { from, send_after: '2000-02-29T09:00:00Z' }, true],
    ['29 Feb 2023', { from, send_after: '2023-02-29T09:00Z' }, false],
    ['29 Feb 2100', { from, send_after: '2100-02-29T09:00Z' }, false],
    ['29 Feb 1900', { from, send_after: '1900-02-29T09:00Z' }, false],
    [
      'a fraction and a negative offset',
      { from, send_after: '2026-03-01T09:00:30.125-05:30' },
      true,
    ],
    ['no offset', { from, send_after: '2026-03-01T09:00' }, false],
    ['offset +24:00', { from, send_after: '2026-03-01T09:00+24:00' }, false],
    ['hour 24', { from, send_after: '2026-03-01T24:00Z' }, false],
    ['a fraction without seconds', { from, send_after: '2026-03-01T09:00.5Z' }, false],
    ['a space for the T', { from, send_after: '2026-03-01 09:00Z' }, false],
    ['conversation_status Open', { from, conversation_status: 'Open' }, false],
    ['conversation_status null', { from, conversation_status: null }, true],
    ['an action without type', { from, actions: [{ text: 'Yes' }] }, false],
    ['an action without text', { from, actions: [{ type: 'quick_reply' }] }, false],
    ['action type quick-reply', { from, actions: [{ text: 'Yes', type: 'quick-reply' }] }, false],
    ['a list of handles', { from, to: [{ handle: ['+4915112345678', 'a@b.de'] }] }, true],
    ['a numeric handle', { from, to: [{ handle: 4915112345678 }] }, false],
    ['country_codes null', { from, to: [{ handle: '015112345678', country_codes: null }] }, false],
    ['country_codes DE', { from, to: [{ handle: '015112345678', country_codes: ['DE'] }] }, true],
    ['unknown keys', { from, channel: 'sms', to: [{ handle: 'x', nickname: 'y' }] }, true],
    ['content {}', { from, content: {} }, true],
    ['content []', { from, content: [] }, false],
    ['content "x"', { from, content: 'x' }, false],
    ['a null body', null, false],
    ['an array body', [{ from }], false],
    ['a string body', JSON.stringify({ from }), false],
  ];

  it.each(examples)('%s', (_label, payload, valid) => {
    expect(SendMessageRequestSchema.safeParse(payload).success).toBe(valid);
    expect(specValidates.request(payload)).toBe(valid);
  });
});

describe('zod and the spec agree on send_message requests', () => {
  it(`accepts full requests (${RUNS.fullRequest} runs)`, () => {
    fc.assert(
      fc.property(fullRequest, (body) => {
        checkRequest(toCase('full request', body, true));
      }),
      { numRuns: RUNS.fullRequest },
    );
  });

  it(`accepts requests with any subset of the optional fields (${RUNS.someRequest} runs)`, () => {
    fc.assert(
      fc.property(someRequest, (body) => {
        checkRequest(toCase('request', body, true));
      }),
      { numRuns: RUNS.someRequest },
    );
  });

  it(`accepts minimal requests (${RUNS.minimalRequest} runs)`, () => {
    fc.assert(
      fc.property(minimalRequest, (body) => {
        checkRequest(toCase('minimal request', body, true));
      }),
      { numRuns: RUNS.minimalRequest },
    );
  });

  it(`gives the same verdict on mutated requests (${RUNS.mutatedRequest} runs)`, () => {
    const verdicts = { valid: 0, invalid: 0 };
    fc.assert(
      fc.property(fc.oneof(...requestMutations), (testCase) => {
        verdicts[word(checkRequest(testCase))] += 1;
      }),
      { numRuns: RUNS.mutatedRequest },
    );
    // Most mutations break the request; the valid ones are near misses that must still pass.
    expect(verdicts.invalid).toBeGreaterThan(RUNS.mutatedRequest / 2);
    expect(verdicts.valid).toBeGreaterThan(RUNS.mutatedRequest / 10);
  });
});

describe('zod and the spec agree on the 200 answer', () => {
  const checkOk = (testCase: Case) =>
    checkCase(SendMessageResponseSchema, specValidates.ok, testCase);

  it(`accepts answers built from the spec (${RUNS.okAnswer} runs)`, () => {
    fc.assert(
      fc.property(arbitraryFor(okSpec), (answer) => {
        checkOk(toCase('200 answer', answer, true));
      }),
      { numRuns: RUNS.okAnswer },
    );
  });

  it(`gives the same verdict on mutated answers (${RUNS.mutatedOkAnswer} runs)`, () => {
    fc.assert(
      fc.property(answerMutations(okSpec), (testCase) => {
        checkOk(testCase);
      }),
      { numRuns: RUNS.mutatedOkAnswer },
    );
  });
});

describe('zod and the spec agree on the 400 answer', () => {
  const checkBadRequest = (testCase: Case) =>
    checkCase(SendMessageErrorBodySchema, specValidates.badRequest, testCase);

  it('rejects a null hint, which the spec does not allow', () => {
    const body = {
      code: 'invalid_input',
      message: 'from is required',
      hint: null,
      statusCode: 400,
    };
    expect(SendMessageErrorBodySchema.safeParse(body).success).toBe(false);
    expect(specValidates.badRequest(body)).toBe(false);
  });

  it(`accepts answers built from the spec (${RUNS.badRequestAnswer} runs)`, () => {
    fc.assert(
      fc.property(arbitraryFor(badRequestSpec), (answer) => {
        checkBadRequest(toCase('400 answer', answer, true));
      }),
      { numRuns: RUNS.badRequestAnswer },
    );
  });

  it(`gives the same verdict on mutated answers (${RUNS.mutatedBadRequestAnswer} runs)`, () => {
    fc.assert(
      fc.property(answerMutations(badRequestSpec), (testCase) => {
        checkBadRequest(testCase);
      }),
      { numRuns: RUNS.mutatedBadRequestAnswer },
    );
  });
});
