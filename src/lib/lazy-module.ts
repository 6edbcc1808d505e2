import { useEffect, useState } from 'react';
import { useFirstFrameDrawn } from './after-frame';

/** A module loaded on first use and shared by every caller. */
export interface LazyModule<T> {
  /** Loads it (once); after a failed load (the network went away) the next call tries again. */
  (): Promise<T>;
  /** The module when it is there already. */
  loaded(): T | undefined;
}

export function lazyModule<T>(load: () => Promise<T>): LazyModule<T> {
  let loading: Promise<T> | undefined;
  let module: T | undefined;
  const get = () => {
    loading ??= load().then(
      (loadedModule) => (module = loadedModule),
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    );
    return loading;
  };
  return Object.assign(get, { loaded: () => module });
}

/**
 * The module for rendering: undefined until it is there, with the error of a failed load.
 * `afterPaint`: not asked for before the component's first frame is drawn, so that it does not
 * compete with what that frame needs.
 */
export function useLazyModule<T>(
  lazy: LazyModule<T>,
  { afterPaint = false }: { afterPaint?: boolean } = {},
): { module?: T; error?: Error } {
  const [state, setState] = useState<{ module?: T; error?: Error }>(() => ({
    module: lazy.loaded(),
  }));
  const painted = useFirstFrameDrawn(afterPaint);
  useEffect(() => {
    if (state.module || !painted) return;
    let live = true;
    lazy().then(
      (module) => live && setState({ module }),
      (error: unknown) =>
        live && setState({ error: error instanceof Error ? error : new Error(String(error)) }),
    );
    return () => {
      live = false;
    };
  }, [lazy, state.module, painted]);
  return state;
}
