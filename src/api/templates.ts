import type { ChannelType } from '../../schemas/rows';
import { apiRequest } from './client';

/** Templates usable on a channel type (and those for any channel). The sandbox lists them; live Mateo documents no list. */
export async function listTemplates(channelType: ChannelType, signal?: AbortSignal) {
  const { data } = await apiRequest({
    path: `/template?select=id,name,channel_type,language,body&order=name.asc&limit=50`,
    schema: (answers) => answers.TemplateListSchema,
    signal,
  });
  return data.filter((t) => t.channel_type === null || t.channel_type === channelType);
}
