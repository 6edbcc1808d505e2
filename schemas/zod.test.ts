import { describe, expect, it } from 'vitest';
import { SendMessageRequestSchema } from './send-message';

describe('zod for the shared schemas', () => {
  it('is the full build on the server (package.json #zod, default condition), with compiled object parsers', () => {
    // Only the full build's schemas carry methods such as extend; the page's build has none.
    expect(typeof (SendMessageRequestSchema as unknown as { extend?: unknown }).extend).toBe(
      'function',
    );
  });

  it('speaks English in its own messages', () => {
    const result = SendMessageRequestSchema.safeParse({ from: 42 });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(
      'Invalid input: expected string, received number',
    );
  });
});
