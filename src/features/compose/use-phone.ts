import { useEffect, useSyncExternalStore } from 'react';
import {
  phoneStatus,
  preloadPhone,
  subscribePhone,
  type PhoneStatus,
} from '../../lib/phone-loader';

const notNeeded = (): PhoneStatus => 'idle';

/**
 * Whether the phone module is there ('ready'), on its way, or failed to load; loads it when
 * `needed` (again after a failure, when it becomes needed anew). Parts that check phone numbers
 * render their phone logic only once this is 'ready'.
 *
 * While not `needed` it reads 'idle', and the module's comings and goings render nothing: the
 * page loads it at idle after the first screen, and a store's change renders every part that
 * reads it at once, in one task (never as an interruptible transition), the whole composer
 * among them, twice (loading, then ready).
 */
export function usePhone(needed: boolean): PhoneStatus {
  const snapshot = needed ? phoneStatus : notNeeded;
  const status = useSyncExternalStore(subscribePhone, snapshot, snapshot);
  useEffect(() => {
    if (needed) preloadPhone();
  }, [needed]);
  return status;
}
