import { Fragment, type ReactNode } from 'react';

/**
 * A translated sentence with marked parts, such as `was due <time>{{time}}</time>`: each
 * `<name>…</name>` whose name is in `tags` is drawn by it, with the text between the marks; the
 * rest, other marks included, is text. Marks do not nest.
 */
export function TaggedText({
  text,
  tags,
}: {
  text: string;
  tags: Record<string, (content: string) => ReactNode>;
}) {
  const parts: ReactNode[] = [];
  let rest = 0;
  for (const match of text.matchAll(/<(\w+)>(.*?)<\/\1>/gs)) {
    const draw = tags[match[1]!];
    if (!draw) continue;
    parts.push(
      text.slice(rest, match.index),
      <Fragment key={match.index}>{draw(match[2]!)}</Fragment>,
    );
    rest = match.index + match[0].length;
  }
  parts.push(text.slice(rest));
  return <>{parts}</>;
}
