import { apiRequest } from './client';

const CHANNEL_COLUMNS = 'id,type,name,handle,status,active';

export async function listChannels(signal?: AbortSignal) {
  const { data } = await apiRequest({
    path: `/channel?select=${CHANNEL_COLUMNS}&order=name.asc&limit=50`,
    schema: (answers) => answers.ChannelListSchema,
    signal,
  });
  return data;
}
