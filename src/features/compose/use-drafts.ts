import { useCallback, useEffect, useRef, useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { deleteDraft, listDrafts, saveDraft, type StoredDraft } from './draft-store';
import type { ComposeValues } from './form-model';

const SAVE_AFTER_MS = 500;

/** Why drafts are not kept: saving or reading failed, with the browser's own reason. */
export interface DraftStorageError {
  action: 'save' | 'read';
  detail: string;
}

function upsert(list: StoredDraft[], draft: StoredDraft): StoredDraft[] {
  return [draft, ...list.filter((d) => d.id !== draft.id)];
}

/**
 * Keeps the form in IndexedDB as the user types (debounced, and at once when the page is
 * hidden), restores the latest draft when the app opens, and lets the user switch, create and
 * delete drafts. When storage fails, the form keeps everything in memory and says so.
 */
export function useDrafts<C>(form: UseFormReturn<ComposeValues, C>, fresh: () => ComposeValues) {
  const [drafts, setDrafts] = useState<StoredDraft[]>([]);
  const [ready, setReady] = useState(false);
  const [storageError, setStorageError] = useState<DraftStorageError | null>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const pending = useRef<ComposeValues | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const { reset, watch, getValues } = form;

  const flush = useCallback(async () => {
    clearTimeout(timer.current);
    const values = pending.current;
    if (!values) return;
    pending.current = null;
    try {
      const saved = await saveDraft(values);
      setDrafts((list) => upsert(list, saved));
      setSavedAt(saved.updatedAt);
      setStorageError(null);
    } catch (error) {
      setStorageError({ action: 'save', detail: (error as Error).message });
    }
  }, []);

  useEffect(() => {
    let cancelled = false;
    listDrafts()
      .then((list) => {
        if (cancelled) return;
        setDrafts(list);
        const latest = list[0];
        if (latest) reset({ ...fresh(), ...latest.values });
      })
      .catch((error: Error) => setStorageError({ action: 'read', detail: error.message }))
      .finally(() => !cancelled && setReady(true));
    return () => {
      cancelled = true;
    };
    // Restores once, when the composer opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (!ready) return;
    const subscription = watch(() => {
      pending.current = getValues();
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), SAVE_AFTER_MS);
    });
    return () => subscription.unsubscribe();
  }, [ready, watch, getValues, flush]);

  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    const onPageHide = () => void flush();
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onPageHide);
    };
  }, [flush]);

  const saveNow = useCallback(async () => {
    pending.current = getValues();
    await flush();
  }, [flush, getValues]);

  const switchTo = useCallback(
    async (id: string) => {
      await saveNow();
      const draft = (await listDrafts().catch(() => drafts)).find((d) => d.id === id);
      if (draft) reset({ ...fresh(), ...draft.values });
    },
    [drafts, fresh, reset, saveNow],
  );

  const newDraft = useCallback(async () => {
    await saveNow();
    const current = getValues();
    reset({ ...fresh(), channelId: current.channelId, defaultCountry: current.defaultCountry });
  }, [fresh, getValues, reset, saveNow]);

  const remove = useCallback(
    async (id: string) => {
      clearTimeout(timer.current);
      pending.current = null;
      await deleteDraft(id).catch(() => undefined);
      const rest = drafts.filter((d) => d.id !== id);
      setDrafts(rest);
      return rest;
    },
    [drafts],
  );

  const deleteCurrent = useCallback(async () => {
    const rest = await remove(getValues('id'));
    const next = rest[0];
    const current = getValues();
    reset(
      next
        ? { ...fresh(), ...next.values }
        : { ...fresh(), channelId: current.channelId, defaultCountry: current.defaultCountry },
    );
  }, [fresh, getValues, remove, reset]);

  return {
    drafts,
    ready,
    storageError,
    savedAt,
    switchTo,
    newDraft,
    deleteCurrent,
    remove,
    saveNow,
  };
}
