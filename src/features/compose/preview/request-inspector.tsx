import { memo, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from '../../../i18n';
import type { ChannelType } from '../../../../schemas/rows';
import type { SendMessageRequest } from '../../../../schemas/send-message';
import { Button } from '../../../components/button';
import { channelLabel } from '../channel-rules';
import { useLazyModule } from '../../../lib/lazy-module';
import { loadContractCheck, orderHeaders } from './contract-issues';
import { proxySendUrl, toCurl, toFetch } from './copy-commands';

export interface LastAnswer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export interface RequestInspectorProps {
  /** The exact body Send would post. */
  request: SendMessageRequest;
  channelType: ChannelType;
  /** What the proxy answered to the last send, when there was one. */
  lastAnswer?: LastAnswer | null;
  /** Where the copied commands post; the proxy on this page's origin by default. */
  endpoint?: string;
  /** Open the request section at first (it starts closed). */
  defaultOpen?: boolean;
}

const pre =
  'max-h-96 overflow-auto rounded-md border border-slate-200 bg-white p-3 font-mono text-xs text-slate-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100';

const summary =
  'cursor-pointer rounded-md px-1 py-0.5 text-sm font-semibold focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600';

/** What the copy buttons last did, announced in words when shown. */
type Announcement = { copied: 'cURL' | 'fetch' } | 'failed' | null;

function LastAnswerView({ answer }: { answer: LastAnswer }) {
  const { t } = useTranslation();
  const headers = orderHeaders(answer.headers);
  const body = useMemo(
    () => JSON.stringify(answer.body, null, 2) ?? String(answer.body),
    [answer.body],
  );
  const ok = answer.status >= 200 && answer.status < 300;
  return (
    <div className="space-y-2 pt-2">
      <p className="text-sm">
        {t('preview.inspector.status')}{' '}
        <span
          className={`rounded px-1.5 py-0.5 font-mono font-semibold ${
            ok
              ? 'bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200'
              : 'bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-200'
          }`}
        >
          {answer.status}
        </span>
      </p>
      {headers.length ? (
        <table className="w-full text-left text-xs">
          <caption className="text-left text-xs font-medium text-slate-600 dark:text-slate-400">
            {t('preview.inspector.headers')}
          </caption>
          <thead className="sr-only">
            <tr>
              <th scope="col">{t('preview.inspector.header')}</th>
              <th scope="col">{t('preview.inspector.value')}</th>
            </tr>
          </thead>
          <tbody>
            {headers.map(([name, value]) => (
              <tr key={name} className="border-t border-slate-200 dark:border-slate-700">
                <th scope="row" className="py-0.5 pr-3 font-mono font-normal">
                  {name}
                </th>
                <td className="py-0.5 font-mono break-all">{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <pre
        aria-label={t('preview.inspector.answerBody')}
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling box must be reachable by keyboard (axe scrollable-region-focusable)
        tabIndex={0}
        className={pre}
      >
        {body}
      </pre>
    </div>
  );
}

/**
 * The request as it will go out: the JSON body, whether it passes the contract and the
 * channel's rules (issues by path), and copy buttons for cURL and fetch; then what the last
 * send got back.
 */
export const RequestInspector = memo(function RequestInspector({
  request,
  channelType,
  lastAnswer,
  endpoint,
  defaultOpen = false,
}: RequestInspectorProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(defaultOpen);
  const [announcement, setAnnouncement] = useState<Announcement>(null);
  const clearTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const titleId = useId();
  const answerTitleId = useId();

  const check = useLazyModule(loadContractCheck);
  // Null until the check is there (it loads after the page is drawn).
  const issues = useMemo(
    () => check.module?.contractIssues(request, channelType) ?? null,
    [check.module, request, channelType],
  );
  // The body is only written out while the section is open; closed it costs nothing per keystroke.
  const json = useMemo(() => (open ? JSON.stringify(request, null, 2) : ''), [open, request]);

  useEffect(() => () => clearTimeout(clearTimer.current), []);

  const copy = async (kind: 'cURL' | 'fetch') => {
    const url = endpoint ?? proxySendUrl(window.location.origin);
    const text = kind === 'cURL' ? toCurl(request, url) : toFetch(request, url);
    clearTimeout(clearTimer.current);
    // Emptied first, so that copying the same thing twice is announced twice.
    setAnnouncement(null);
    try {
      await navigator.clipboard.writeText(text);
      setAnnouncement({ copied: kind });
    } catch {
      setAnnouncement('failed');
    }
    clearTimer.current = setTimeout(() => setAnnouncement(null), 5000);
  };

  const rules = channelLabel(channelType);

  return (
    <div className="space-y-2">
      <details
        open={open}
        onToggle={(event) => setOpen(event.currentTarget.open)}
        aria-labelledby={titleId}
        className="rounded-md border border-slate-200 p-2 dark:border-slate-700"
      >
        <summary className={summary}>
          <span id={titleId}>{t('preview.inspector.request')}</span>{' '}
          <span
            className={`ml-1 text-xs font-normal ${
              !issues
                ? 'text-slate-600 dark:text-slate-400'
                : issues.length
                  ? 'text-red-700 dark:text-red-400'
                  : 'text-emerald-800 dark:text-emerald-300'
            }`}
          >
            {!issues
              ? check.error
                ? t('preview.inspector.checkFailed', { detail: check.error.message })
                : t('preview.inspector.checking')
              : issues.length
                ? t('preview.inspector.issues', { count: issues.length })
                : t('preview.inspector.passes')}
          </span>
        </summary>
        {open ? (
          <div className="space-y-2 pt-2">
            <p className="text-xs text-slate-600 dark:text-slate-400">
              {t('preview.inspector.checkedAgainst', { channel: rules })}
            </p>
            {!issues ? null : issues.length ? (
              <ul
                aria-label={t('preview.inspector.issuesList')}
                className="space-y-0.5 text-sm text-red-800 dark:text-red-300"
              >
                {issues.map((issue, index) => (
                  <li key={index}>
                    <code className="font-mono text-xs">
                      {issue.path || t('preview.inspector.body')}
                    </code>
                    : {issue.message}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-sm text-emerald-800 dark:text-emerald-300">
                {t('preview.inspector.passesRules', { channel: rules })}
              </p>
            )}
            <div className="flex flex-wrap items-center gap-2">
              <Button onClick={() => void copy('cURL')}>{t('preview.inspector.copyCurl')}</Button>
              <Button onClick={() => void copy('fetch')}>{t('preview.inspector.copyFetch')}</Button>
            </div>
            <pre
              aria-label={t('preview.inspector.requestBody')}
              // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling box must be reachable by keyboard (axe scrollable-region-focusable)
              tabIndex={0}
              className={pre}
            >
              {json}
            </pre>
          </div>
        ) : null}
      </details>
      {/* Outside the details so it exists before the first copy: live regions announce changes. */}
      <p role="status" className="text-xs text-slate-700 dark:text-slate-300">
        {announcement === 'failed'
          ? t('preview.inspector.copyFailed')
          : announcement
            ? t('preview.inspector.copied', { kind: announcement.copied })
            : ''}
      </p>

      {lastAnswer ? (
        <details
          aria-labelledby={answerTitleId}
          className="rounded-md border border-slate-200 p-2 dark:border-slate-700"
        >
          <summary className={summary}>
            <span id={answerTitleId}>{t('preview.inspector.lastAnswer')}</span>{' '}
            <span className="ml-1 font-mono text-xs font-normal">{lastAnswer.status}</span>
          </summary>
          <LastAnswerView answer={lastAnswer} />
        </details>
      ) : null}
    </div>
  );
});
