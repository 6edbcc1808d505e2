import { lazy, Suspense, useEffect, useState, type ComponentProps, type ReactNode } from 'react';
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
 * `empty` and the frame in one place, one over the other: the frame keeps the size it shows
 * with while `empty` is shown (see ./email-frame-content), and nothing moves when the HTML
 * comes.
 */
export function FrameCell({ empty, children }: { empty?: ReactNode; children: ReactNode }) {
  return (
    <div className="grid min-h-0 flex-1">
      {empty ? <div className="col-start-1 row-start-1 min-h-0">{empty}</div> : null}
      <div className="col-start-1 row-start-1 min-h-0">{children}</div>
    </div>
  );
}

/**
 * Email or letter HTML in a locked frame (see ./email-frame-content), loaded when first shown.
 * Made before there is any HTML too, out of sight (`empty` stands in for it), once the page is
 * idle: the frame is made and its first document loaded while nobody types, not in the first
 * keys of the message, and not in the page's first render either. Until then its place is
 * kept.
 */
export function EmailFrame({
  className = FRAME_CLASS,
  ...props
}: Omit<ComponentProps<typeof EmailFrameContent>, 'className'> & { className?: string }) {
  const { t } = useTranslation();
  const [idle, setIdle] = useState(false);
  useEffect(() => (idle ? undefined : whenIdle(() => setIdle(true))), [idle]);
  const place = (
    <FrameCell empty={props.empty}>
      <div className={`invisible ${className}`} />
    </FrameCell>
  );
  if (!props.html && !idle) return place;
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
          place
        )
      }
    >
      <Content {...props} className={className} />
    </Suspense>
  );
}
