import { useMemo } from 'react';
import { useTranslation } from '../../../i18n';
import { emailPreviewDocument, sanitizeEmailHtmlWithReport } from '../../../lib/sanitize-html';
import { useQuietValue } from '../../../lib/use-quiet-value';

/**
 * A new frame document is a navigation of the frame, done on the page's own thread (15 to 35 ms
 * here, four times that on a slow phone), and a key pressed meanwhile waits for it. So the frame
 * follows the message when typing pauses (0.4 s, a breath rather than the gap between two
 * words), and every 2 s during a long run of keys.
 */
const FRAME_QUIET_MS = 400;
const FRAME_MAX_WAIT_MS = 2000;

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
}: {
  html: string;
  title: string;
  /** Size and frame of the iframe. */
  className: string;
}) {
  const { t } = useTranslation();
  const shownHtml = useQuietValue(html, FRAME_QUIET_MS, FRAME_MAX_WAIT_MS);
  // Sanitising parses the whole document: only when the HTML changes, not on every render.
  const { srcDoc, blockedImages } = useMemo(() => {
    const clean = sanitizeEmailHtmlWithReport(shownHtml);
    return { srcDoc: emailPreviewDocument(clean.html), blockedImages: clean.blockedImages };
  }, [shownHtml]);

  return (
    <div className="flex h-full flex-col gap-1">
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
  );
}
