import { lazy, Suspense, type ComponentProps } from 'react';
import { useTranslation } from '../../../i18n';
import type { EmailFrameContent } from './email-frame-content';

// The sanitiser (DOMPurify) is needed only once an email or a letter is previewed, so it loads
// then, in a chunk of its own, instead of with the page.
const Content = lazy(() =>
  import('./email-frame-content').then((module) => ({ default: module.EmailFrameContent })),
);

const FRAME_CLASS = 'h-96 rounded-md border border-slate-200 dark:border-slate-700';

/**
 * Email or letter HTML in a locked frame (see ./email-frame-content), loaded when first shown.
 * Shown before there is any HTML too (`empty` stands in for it), so that the frame is made and
 * its first document loaded when the preview appears, not in the first keys of the message.
 */
export function EmailFrame({
  className = FRAME_CLASS,
  ...props
}: Omit<ComponentProps<typeof EmailFrameContent>, 'className'> & { className?: string }) {
  const { t } = useTranslation();
  return (
    <Suspense
      fallback={
        props.html ? (
          <p
            role="status"
            className={`flex w-full items-center justify-center text-sm text-slate-600 dark:text-slate-400 ${className}`}
          >
            {t('preview.email.preparing')}
          </p>
        ) : (
          props.empty
        )
      }
    >
      <Content {...props} className={className} />
    </Suspense>
  );
}
