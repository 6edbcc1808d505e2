import { useEffect, useSyncExternalStore } from 'react';
import {
  phoneStatus,
  preloadPhone,
  subscribePhone,
  type PhoneStatus,
} from '../../lib/phone-loader';

/**
 * Whether the phone module is there ('ready'), on its way, or failed to load; loads it when
 * `needed` (again after a failure, when it becomes needed anew). Parts that check phone numbers
 * render their phone logic only once this is 'ready'.
 */
export function usePhone(needed: boolean): PhoneStatus {
  const status = useSyncExternalStore(subscribePhone, phoneStatus, phoneStatus);
  useEffect(() => {
    if (needed) preloadPhone();
  }, [needed]);
  return status;
}
