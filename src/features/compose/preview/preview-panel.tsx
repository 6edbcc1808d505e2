import type { Channel } from '../../../../schemas/rows';
import type { SendMessageRequest } from '../../../../schemas/send-message';
import { MessagePreview } from './message-preview';
import { RequestInspector, type LastAnswer } from './request-inspector';

/**
 * What the customer will see and the request itself. Its own chunk: the form is drawn first,
 * the preview follows as soon as it is there.
 */
export function PreviewPanel({
  request,
  channel,
  templateText,
  lastAnswer,
}: {
  request: SendMessageRequest;
  channel: Channel;
  templateText: string | undefined;
  lastAnswer: LastAnswer | null;
}) {
  return (
    <>
      <MessagePreview request={request} channel={channel} templateText={templateText} />
      <RequestInspector request={request} channelType={channel.type} lastAnswer={lastAnswer} />
    </>
  );
}
