/** Template placeholders: `{{1}}`, `{{2}}` (positional) and `{{name}}` (named). */
const SLOT = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;

/** Slot names in order of first appearance; `placeholder_values` follow this order. */
export function placeholderSlots(body: string): string[] {
  const seen: string[] = [];
  for (const match of body.matchAll(SLOT)) {
    const name = match[1] as string;
    if (!seen.includes(name)) seen.push(name);
  }
  return seen;
}

/** Splits a template body into text and slots, for showing it with the slots marked. */
export function templateParts(body: string): ({ text: string } | { slot: string })[] {
  const parts: ({ text: string } | { slot: string })[] = [];
  let last = 0;
  for (const match of body.matchAll(SLOT)) {
    if (match.index > last) parts.push({ text: body.slice(last, match.index) });
    parts.push({ slot: match[1] as string });
    last = match.index + match[0].length;
  }
  if (last < body.length) parts.push({ text: body.slice(last) });
  return parts;
}

/** The body with each slot replaced by its value (unfilled slots stay as they are). */
export function fillTemplate(body: string, values: Record<string, string>): string {
  return body.replace(SLOT, (whole, name: string) => (values[name] ? values[name] : whole));
}
