import type { Channel } from '../../../schemas/rows';
import type {
  MessageStatus,
  SendMessageRequest,
  SendMessageResponse,
} from '../../../schemas/send-message';
import type { SentRecord } from './history-entry';

/** Builders of sent messages for the history's unit tests. */

let counter = 0;
/** A fresh valid (v4) UUID per call, readable in failures. */
export function messageId(): string {
  counter += 1;
  return `e0000000-0000-4000-8000-${counter.toString(16).padStart(12, '0')}`;
}

const stamp = '2026-03-02T08:00:00.000Z';

export function sentRecord({
  id = messageId(),
  status = 'sending',
  to = ['+4915123456789'],
  channelType = 'whatsapp',
  sendAfter = null,
  text = 'Ihr Fahrzeug ist fertig.',
}: {
  id?: string;
  status?: MessageStatus;
  to?: string[];
  channelType?: Channel['type'];
  sendAfter?: string | null;
  text?: string;
} = {}): SentRecord {
  const request: SendMessageRequest = {
    from: 'c0000000-0000-4000-8000-000000000003',
    id,
    to: to.map((handle) => ({ handle })),
    text,
    ...(sendAfter ? { send_after: sendAfter } : {}),
  };
  const response: SendMessageResponse = {
    conversation: {
      id: 'f0000000-0000-4000-8000-000000000001',
      created_at: stamp,
      updated_at: stamp,
      organisation_id: 'a0000000-0000-4000-8000-000000000001',
      subject: null,
      assignee_id: null,
      unread: false,
      channel_id: request.from,
      contact_id: null,
      external_id: null,
      is_spam: false,
      inbox_id: 'a0000000-0000-4000-8000-000000000002',
      latest_message_id: id,
      latest_inbound_message_id: null,
      latest_message_created_at: stamp,
      latest_inbound_message_created_at: null,
      tags: null,
      files: null,
      channel_type: channelType === 'postal' ? 'email' : channelType,
      status: 'open',
    },
    message: {
      id,
      created_at: stamp,
      updated_at: stamp,
      organisation_id: 'a0000000-0000-4000-8000-000000000001',
      conversation_id: 'f0000000-0000-4000-8000-000000000001',
      is_inbound: false,
      subject: null,
      blurb: text,
      author_id: null,
      content: { text },
      raw_content: text,
      status,
      attachment_count: 0,
      reply_to_message_id: null,
      external_files: null,
      external_id: null,
      template_id: null,
      review_channel_id: null,
      author_type: 'external',
      forwarded: false,
      forwarded_message_text: null,
      send_after: sendAfter,
      footer: null,
      sendout_id: null,
      campaign_id: null,
      sent_at: null,
      timestamp: stamp,
      location: null,
      location_metadata: null,
      contacts: null,
      files: null,
      header_media_filename: null,
    },
    recipients: [],
    actions: [],
  };
  const channel: Channel = {
    id: request.from,
    type: channelType,
    name: `Autohaus ${channelType}`,
    handle: null,
    status: 'active',
    active: true,
  };
  return { request, response, channel };
}
