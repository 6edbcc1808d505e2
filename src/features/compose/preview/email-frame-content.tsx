import { useMemo, type ReactNode } from 'react';
import { useTranslation } from '../../../i18n';
import { emailPreviewDocument, sanitizeEmailHtmlWithReport } from '../../../lib/sanitize-html';
import { SLOW_MAX_WAIT_MS, SLOW_QUIET_MS } from '../../../lib/quiet-timer';
import { useQuietValue } from '../../../lib/use-quiet-value';
import { FrameCell } from './email-frame';

/**
 * Email or letter HTML in a frame that can do nothing: sanitised first, then shown through
 * `srcdoc` with `sandbox=""` (no scripts, no same origin, no popups, no navigation of the page,
 * no forms) and a Content-Security-Policy in the frame document that loads nothing from any
 * host. `srcdoc` documents would inherit the page's origin without the sandbox, so no
 * `allow-*` token is ever added here.
 */
export function EmailFrameContent({
  html,
  title,
  className,
  empty,
}: {
  /** Empty: the frame is there but hidden, and `empty` is shown instead. */
  html: string;
  title: string;
  /** Size and frame of the iframe. */
  className: string;
  /** What is shown while there is no HTML. */
  empty: ReactNode;
}) {
  const { t } = useTranslation();
  // A new frame document is a navigation of the frame, started on the page's own thread, and
  // a frame drawn between two keys: it follows the message when typing pauses, and every 2 s
  // during a long run of keys (see SLOW_QUIET_MS).
  const shownHtml = useQuietValue(html, SLOW_QUIET_MS, SLOW_MAX_WAIT_MS);
  // Sanitising parses the whole document: only when the HTML changes, not on every render.
  const { srcDoc, blockedImages } = useMemo(() => {
    const clean = sanitizeEmailHtmlWithReport(shownHtml);
    return { srcDoc: emailPreviewDocument(clean.html), blockedImages: clean.blockedImages };
  }, [shownHtml]);

  const blank = !shownHtml;
  // While there is no HTML the frame stays laid out where it will show, in `empty`'s place,
  // transparent and inert (out of reach of the pointer, the keyboard and assistive
  // technology): the browser renders a sandboxed frame in a process of its own, and a frame
  // shown from `display: none` makes the page's next frame wait for the frame's first one at
  // its size, a key typed then included.
  return (
    <FrameCell empty={blank ? empty : null}>
      <div
        inert={blank}
        className={`flex h-full min-h-0 flex-col gap-1 ${blank ? 'opacity-0' : ''}`}
      >
        <iframe
          title={title}
          sandbox=""
          srcDoc={srcDoc}
          referrerPolicy="no-referrer"
          className={`w-full bg-white ${className}`}
        />
        {blockedImages > 0 ? (
          <p className="text-xs text-slate-600 dark:text-slate-400">
            {t('preview.email.imagesBlocked', { count: blockedImages })}
          </p>
        ) : null}
      </div>
    </FrameCell>
  );
}
