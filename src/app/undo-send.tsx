import { useEffect, useState } from 'react';
import { useTranslation } from '../i18n';
import type { SentMessage } from '../features/compose/compose-page';
import { cancelScheduled } from '../features/sent/status-sync';

/**
 * Undo send: the message waits upstream as a scheduled one until `undoUntil`; Undo cancels it
 * there and puts it back into the form. The shell joins the two features here.
 */
export function UndoSend({ sent, onUndone }: { sent: SentMessage; onUndone: () => void }) {
  const { t } = useTranslation();
  const until = sent.undoUntil ? Date.parse(sent.undoUntil) : 0;
  const [now, setNow] = useState(() => Date.now());
  const [state, setState] = useState<'open' | 'undoing' | 'late' | 'failed'>('open');
  const left = Math.max(0, Math.ceil((until - now) / 1000));

  useEffect(() => {
    if (!left) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [left]);

  if (!until || (left === 0 && state === 'open')) return null;
  const undo = async () => {
    setState('undoing');
    try {
      const result = await cancelScheduled(sent.response.message.id);
      if (result.outcome === 'already_sent') setState('late');
      else {
        sent.restore?.();
        onUndone();
      }
    } catch {
      setState('failed');
    }
  };
  return (
    <div
      role="status"
      className="mb-2 flex items-center gap-3 rounded-md border border-slate-300 bg-white p-2 text-sm dark:border-slate-600 dark:bg-slate-900"
    >
      {state === 'late' ? (
        <span>{t('app.undo.tooLate')}</span>
      ) : state === 'failed' ? (
        <span>{t('app.undo.failed')}</span>
      ) : (
        <>
          <span>{t('app.undo.sendingIn', { seconds: left })}</span>
          <button
            type="button"
            className="rounded-md bg-slate-800 px-3 py-1 font-medium text-white hover:bg-slate-700 disabled:opacity-50 dark:bg-slate-200 dark:text-slate-900"
            disabled={state === 'undoing'}
            onClick={() => void undo()}
          >
            {t('app.undo.undo')}
          </button>
        </>
      )}
    </div>
  );
}
