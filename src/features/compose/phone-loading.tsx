import { useTranslation } from '../../i18n';
import { Button } from '../../components/button';
import { phoneFailure, preloadPhone, type PhoneStatus } from '../../lib/phone-loader';

/**
 * Stands in for a part that checks phone numbers while the phone module loads: says so (busy),
 * or, when loading failed, why, with a way to try again.
 */
export function PhoneLoading({ status }: { status: PhoneStatus }) {
  const { t } = useTranslation();
  if (status === 'failed') {
    return (
      <div
        role="alert"
        className="flex flex-wrap items-center gap-2 text-sm text-red-700 dark:text-red-400"
      >
        {t('compose.phone.failed', { detail: phoneFailure()?.message ?? '' })}
        <Button variant="secondary" onClick={preloadPhone}>
          {t('compose.phone.retry')}
        </Button>
      </div>
    );
  }
  return (
    <p role="status" aria-busy="true" className="text-sm text-slate-600 dark:text-slate-400">
      {t('compose.phone.loading')}
    </p>
  );
}
