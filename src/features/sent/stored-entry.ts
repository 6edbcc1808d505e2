import { z } from '../../../schemas/zod';
import { ChannelTypeSchema } from '../../../schemas/rows';
import { MessageStatusSchema } from '../../../schemas/send-message';
import type { HistoryEntry } from './history-entry';

/**
 * What a stored record must have for the history to show it. The request and Mateo's answer
 * are checked only for what the list reads, so an answer stored by an older build (or read back
 * after a retry, with fewer fields) still shows.
 */
const StoredEntrySchema = z.object({
  id: z.string(),
  sentAt: z.string(),
  channel: z.object({ id: z.string(), name: z.nullable(z.string()), type: ChannelTypeSchema }),
  request: z.looseObject({}),
  response: z.looseObject({
    conversation: z.looseObject({}),
    message: z.looseObject({ id: z.string() }),
    recipients: z.array(z.looseObject({})),
    actions: z.array(z.looseObject({})),
  }),
  status: MessageStatusSchema,
  sendAfter: z.nullable(z.string()),
  cancelled: z.optional(z.boolean()),
  cancelRequested: z.optional(z.boolean()),
  notFound: z.optional(z.boolean()),
  upstreamSentAt: z.optional(z.nullable(z.string())),
});

/** A stored record as an entry, or undefined when it is not one. */
export function parseStoredEntry(value: unknown): HistoryEntry | undefined {
  return StoredEntrySchema.safeParse(value).success ? (value as HistoryEntry) : undefined;
}
