import type { ChannelType } from '../../schemas/rows';
import { apiRequest } from './client';

const CONTACT_COLUMNS =
  'id,full_name,display_name,email,sms,whatsapp,facebook,instagram,google_business_messaging,city,country';

/** Characters that the proxy refuses inside a search term (they would change the filter). */
const UNSAFE = /[,()"\\*]/g;

/**
 * Contacts whose name or handle for this channel contains `term`. Uses only documented
 * operators: `or=(col.ilike.*term*,...)`.
 */
export async function searchContacts(term: string, channelType: ChannelType, signal?: AbortSignal) {
  const clean = term.replace(UNSAFE, ' ').trim().slice(0, 60);
  if (!clean) return [];
  const columns = ['full_name', 'display_name'];
  if (channelType !== 'postal') columns.push(channelType);
  const or = `(${columns.map((c) => `${c}.ilike.*${clean}*`).join(',')})`;
  const query = new URLSearchParams({
    select: CONTACT_COLUMNS,
    or,
    order: 'full_name.asc',
    limit: '20',
  });
  const { data } = await apiRequest({
    path: `/contact?${query}`,
    schema: (answers) => answers.ContactListSchema,
    signal,
  });
  return data;
}
