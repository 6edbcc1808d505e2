import { lazy, Suspense, useEffect, useState, type ComponentProps } from 'react';
import { useTranslation } from '../../../i18n';
import { whenIdle } from '../../../lib/when-idle';
import type { EmailFrameContent } from './email-frame-content';

// The sanitiser (DOMPurify) is needed only once an email or a letter is previewed, so it loads
// then, in a chunk of its own, instead of with the page.
const Content = lazy(() =>
  import('./email-frame-content').then((module) => ({ default: module.EmailFrameContent })),
);

const FRAME_CLASS = 'h-96 rounded-md border border-slate-200 dark:border-slate-700';

/**
 * Email or letter HTML in a locked frame (see ./email-frame-content), loaded when first shown.
 * Made before there is any HTML too, hidden (`empty` stands in for it), once the page is idle:
 * the frame is made and its first document loaded while nobody types, not in the first keys
 * of the message, and not in the page's first render either.
 */
export function EmailFrame({
  className = FRAME_CLASS,
  ...props
}: Omit<ComponentProps<typeof EmailFrameContent>, 'className'> & { className?: string }) {
  const { t } = useTranslation();
  const [idle, setIdle] = useState(false);
  useEffect(() => (idle ? undefined : whenIdle(() => setIdle(true))), [idle]);
  if (!props.html && !idle) return props.empty;
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
