import type { SendMessageRequest } from '../../../../schemas/send-message';

/**
 * The request as a command to paste elsewhere. The key is never in the text: the commands read
 * it from the environment (`$MATEO_API_KEY`, `process.env.MATEO_API_KEY`), and the local proxy
 * replaces the Authorization header with its own anyway. Pointed at Mateo itself
 * (`…/api/v1/send_message`), the same commands work with a real key.
 */

/** The proxy's send endpoint for a page served from `origin`. */
export function proxySendUrl(origin: string): string {
  return `${origin.replace(/\/+$/, '')}/api/send_message`;
}

/** Double quotes read best; anything the shell would expand inside them gets single quotes. */
function shellQuote(value: string): string {
  if (/^[\w.:/?=&%~+@,;#[\]-]*$/.test(value)) return `"${value}"`;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** A heredoc delimiter that no line of the body equals, so the body cannot end it early. */
function heredocDelimiter(body: string): string {
  const lines = new Set(body.split('\n'));
  let delimiter = 'JSON';
  while (lines.has(delimiter)) delimiter += '_';
  return delimiter;
}

/**
 * cURL with the body in a quoted heredoc (`<<'JSON'`): the shell expands nothing in it, so
 * `$`, backticks and quotes in the message need no escaping.
 */
export function toCurl(request: SendMessageRequest, url: string): string {
  const body = JSON.stringify(request, null, 2);
  const delimiter = heredocDelimiter(body);
  return [
    `curl -sS -X POST ${shellQuote(url)} \\`,
    '  -H "Content-Type: application/json" \\',
    '  -H "Authorization: Bearer $MATEO_API_KEY" \\',
    `  --data-binary @- <<'${delimiter}'`,
    body,
    delimiter,
  ].join('\n');
}

/** Whether an object literal would read some key as the prototype instead of a property. */
function hasProtoKey(request: SendMessageRequest): boolean {
  let found = false;
  JSON.stringify(request, (key: string, value: unknown) => {
    if (key === '__proto__') found = true;
    return value;
  });
  return found;
}

/**
 * A Node (18+) ES module using fetch. The body is written as an object literal, readable and
 * editable; JSON is valid JavaScript, except that an object literal turns a `"__proto__"` key
 * into the prototype, so such a body goes in as a JSON string instead.
 */
export function toFetch(request: SendMessageRequest, url: string): string {
  const body = hasProtoKey(request)
    ? JSON.stringify(JSON.stringify(request))
    : `JSON.stringify(${JSON.stringify(request, null, 2).replace(/\n/g, '\n  ')})`;
  return [
    '// Node 18 or newer, as an ES module (send.mjs): MATEO_API_KEY=… node send.mjs',
    `const response = await fetch(${JSON.stringify(url)}, {`,
    "  method: 'POST',",
    '  headers: {',
    "    'Content-Type': 'application/json',",
    '    Authorization: `Bearer ${process.env.MATEO_API_KEY}`,',
    '  },',
    `  body: ${body},`,
    '});',
    'console.log(response.status, await response.text());',
  ].join('\n');
}
