import { i18n } from '../i18n';
import { ApiError, apiRequest } from './client';

/**
 * Uploads a file to Mateo's media library: the proxy signs the path (the key stays on the
 * server), then the browser PUTs the bytes to the signed URL. Returns the
 * `media_library://path` to put in `attachments`.
 */
export async function uploadToMediaLibrary(path: string, file: Blob, signal?: AbortSignal) {
  const { data: signedUrl } = await apiRequest({
    method: 'POST',
    path: `/storage/upload/sign/media_library/${path}`,
    body: {},
    schema: (answers) => answers.SignedUrlSchema,
    signal,
    answer: 'text',
  });
  let response: Response;
  try {
    response = await fetch(signedUrl, {
      method: 'PUT',
      body: file,
      headers: { 'content-type': file.type || 'application/octet-stream' },
      signal,
    });
  } catch {
    throw new ApiError(0, {
      code: 'upload_failed',
      message: i18n.t('errors.client.uploadUnreachable'),
      statusCode: 0,
    });
  }
  if (!response.ok) {
    throw new ApiError(response.status, {
      code: 'upload_failed',
      message: i18n.t('errors.client.uploadRefused', { status: response.status }),
      statusCode: response.status,
    });
  }
  return `media_library://${path}`;
}
