import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { emailPreviewDocument, sanitizeEmailHtmlWithReport } from '../../../lib/sanitize-html';

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
  // Sanitising parses the whole document: only when the HTML changes, not on every render.
  const { srcDoc, blockedImages } = useMemo(() => {
    const clean = sanitizeEmailHtmlWithReport(html);
    return { srcDoc: emailPreviewDocument(clean.html), blockedImages: clean.blockedImages };
  }, [html]);

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
