import { lazyModule } from '../../lib/lazy-module';

/**
 * The fields a channel adds to the composer (buttons, template, reply and status options). The
 * composer loads them once a channel is picked; with a draft to restore, they are asked for as
 * soon as the drafts are read (`main.tsx`), so the first render has them.
 */
export const loadChannelFields = lazyModule(() => import('./channel-fields'));
