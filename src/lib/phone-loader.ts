/**
 * Loads the phone module (libphonenumber-js and its metadata, about 29 KiB gzip) apart from the
 * first load of the page: at idle after the first render, and at once when phone numbers are
 * about to matter (a phone channel picked or restored, the channel picker touched).
 *
 * Callers that run synchronously use `phoneModule()`, which throws until the module is there;
 * the composer only reaches them once `phoneStatus()` is 'ready' or after `await loadPhone()`.
 * A recipient typed before that is kept as a pending chip (see makeChip), never an invalid one.
 */
import type * as PhoneModule from './phone';
import { whenIdle } from './when-idle';

export type Phone = typeof PhoneModule;
export type PhoneStatus = 'idle' | 'loading' | 'ready' | 'failed';

let loaded: Phone | undefined;
let loading: Promise<Phone> | undefined;
let status: PhoneStatus = 'idle';
let failure: Error | undefined;
const listeners = new Set<() => void>();

function setStatus(next: PhoneStatus) {
  status = next;
  for (const listener of listeners) listener();
}

/**
 * The phone module, loaded once and shared by every caller. After a failed load (the network
 * went away), the next call tries again.
 */
export function loadPhone(): Promise<Phone> {
  if (loading) return loading;
  loading = import('./phone').then(
    (module) => {
      loaded = module;
      failure = undefined;
      setStatus('ready');
      return module;
    },
    (error: unknown) => {
      loading = undefined;
      failure = error instanceof Error ? error : new Error(String(error));
      setStatus('failed');
      throw failure;
    },
  );
  setStatus('loading');
  return loading;
}

/** Starts loading and ignores a failure, which `phoneStatus()` reports to whoever needs it. */
export function preloadPhone(): void {
  loadPhone().catch(() => undefined);
}

/**
 * Loads the module once the browser is idle after the first render, so that it is normally
 * there long before anyone types a number. Returns a function that cancels it.
 */
export function preloadPhoneWhenIdle(): () => void {
  return whenIdle(preloadPhone);
}

/** The loaded module, or undefined while it is not there yet. */
export function loadedPhone(): Phone | undefined {
  return loaded;
}

/** The loaded module; throws when a caller runs before it was loaded (a bug in the caller). */
export function phoneModule(): Phone {
  if (!loaded) {
    throw new Error(
      'The phone module is not loaded yet: await loadPhone(), or render this part only when phoneStatus() is "ready".',
    );
  }
  return loaded;
}

export function phoneStatus(): PhoneStatus {
  return status;
}

/** Why the last load failed, while the status is 'failed'. */
export function phoneFailure(): Error | undefined {
  return failure;
}

/** For useSyncExternalStore: calls `listener` whenever the status changes. */
export function subscribePhone(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
