/**
 * Patterns copied character for character from Mateo's published OpenAPI
 * (spec/mateo-send-message.openapi.yaml). Library validators differ from them: zod's
 * `z.uuid()` rejects the max UUID in some versions and `z.iso.datetime()` demands seconds,
 * while the contract accepts `2026-01-01T09:00+01:00`. The pattern is the rule.
 */
export const UUID_PATTERN_SOURCE =
  '^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$';

export const DATE_TIME_PATTERN_SOURCE =
  '^(?:(?:\\d\\d[2468][048]|\\d\\d[13579][26]|\\d\\d0[48]|[02468][048]00|[13579][26]00)-02-29|\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|(?:02)-(?:0[1-9]|1\\d|2[0-8])))T(?:(?:[01]\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d(?:\\.\\d+)?)?(?:Z|([+-](?:[01]\\d|2[0-3]):[0-5]\\d)))$';

// JSON Schema evaluates `pattern` as an ECMA-262 regex with the unicode flag.
export const UUID_PATTERN = new RegExp(UUID_PATTERN_SOURCE, 'u');
export const DATE_TIME_PATTERN = new RegExp(DATE_TIME_PATTERN_SOURCE, 'u');
