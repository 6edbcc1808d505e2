import type { Channel } from '../../../schemas/rows';

/** An active channel of this type, for unit tests of the form's rules. */
export const testChannel = (type: Channel['type']): Channel => ({
  id: 'c0000000-0000-4000-8000-000000000001',
  type,
  name: type,
  handle: null,
  status: 'active',
  active: true,
});
