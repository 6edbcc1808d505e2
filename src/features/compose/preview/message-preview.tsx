import { memo } from 'react';
import type { Channel } from '../../../../schemas/rows';
import type { SendMessageRequest } from '../../../../schemas/send-message';
import { ChatPreview } from './chat-preview';
import { EmailPreview } from './email-preview';
import { LetterPreview } from './letter-preview';
import { SmsPreview } from './sms-preview';

export interface MessagePreviewProps {
  /** The exact request that Send would post: the preview shows nothing else. */
  request: SendMessageRequest;
  channel: Channel;
  /** The template body with its slots filled, when a template is used. */
  templateText?: string;
}

/**
 * The message as its recipients will see it, made only from the request that will be sent.
 * Memoised so that it renders only when its props change; the page passes a deferred request
 * so typing stays ahead of it, and the heavy parts (sanitising, segmenting, parsing) are
 * memoised on their own inputs.
 */
export const MessagePreview = memo(function MessagePreview({
  request,
  channel,
  templateText,
}: MessagePreviewProps) {
  switch (channel.type) {
    case 'email':
      return <EmailPreview request={request} channel={channel} templateText={templateText} />;
    case 'sms':
      return <SmsPreview request={request} templateText={templateText} />;
    case 'postal':
      return <LetterPreview request={request} channel={channel} templateText={templateText} />;
    default:
      return <ChatPreview request={request} type={channel.type} templateText={templateText} />;
  }
});
