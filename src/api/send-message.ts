import { SendMessageResponseSchema, type SendMessageRequest } from '../../schemas/send-message';
import { apiRequest } from './client';

export async function sendMessage(request: SendMessageRequest, signal?: AbortSignal) {
  return apiRequest({
    method: 'POST',
    path: '/send_message',
    body: request,
    schema: SendMessageResponseSchema,
    signal,
  });
}
