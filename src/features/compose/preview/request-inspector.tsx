import { memo, useEffect, useId, useMemo, useRef, useState } from 'react';
import { CHANNEL_RULES } from '../../../../schemas/channel-rules';
import type { ChannelType } from '../../../../schemas/rows';
import type { SendMessageRequest } from '../../../../schemas/send-message';
import { Button } from '../../../components/button';
import { contractIssues, orderHeaders } from './contract-issues';
import { proxySendUrl, toCurl, toFetch } from './copy-commands';
import { plural } from './preview-model';

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

function LastAnswerView({ answer }: { answer: LastAnswer }) {
  const headers = orderHeaders(answer.headers);
  const body = useMemo(
    () => JSON.stringify(answer.body, null, 2) ?? String(answer.body),
    [answer.body],
  );
  const ok = answer.status >= 200 && answer.status < 300;
  return (
    <div className="space-y-2 pt-2">
      <p className="text-sm">
        Status{' '}
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
            Headers
          </caption>
          <thead className="sr-only">
            <tr>
              <th scope="col">Header</th>
              <th scope="col">Value</th>
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
        aria-label="Answer body"
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
  const [open, setOpen] = useState(defaultOpen);
  const [announcement, setAnnouncement] = useState('');
  const clearTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const titleId = useId();
  const answerTitleId = useId();

  const issues = useMemo(() => contractIssues(request, channelType), [request, channelType]);
  // The body is only written out while the section is open; closed it costs nothing per keystroke.
  const json = useMemo(() => (open ? JSON.stringify(request, null, 2) : ''), [open, request]);

  useEffect(() => () => clearTimeout(clearTimer.current), []);

  const copy = async (kind: 'cURL' | 'fetch') => {
    const url = endpoint ?? proxySendUrl(window.location.origin);
    const text = kind === 'cURL' ? toCurl(request, url) : toFetch(request, url);
    clearTimeout(clearTimer.current);
    // Emptied first, so that copying the same thing twice is announced twice.
    setAnnouncement('');
    try {
      await navigator.clipboard.writeText(text);
      setAnnouncement(`Copied as ${kind}`);
    } catch {
      setAnnouncement('Copying failed: the browser did not allow access to the clipboard.');
    }
    clearTimer.current = setTimeout(() => setAnnouncement(''), 5000);
  };

  const rules = CHANNEL_RULES[channelType].label;

  return (
    <div className="space-y-2">
      <details
        open={open}
        onToggle={(event) => setOpen(event.currentTarget.open)}
        aria-labelledby={titleId}
        className="rounded-md border border-slate-200 p-2 dark:border-slate-700"
      >
        <summary className={summary}>
          <span id={titleId}>Request</span>{' '}
          <span
            className={`ml-1 text-xs font-normal ${
              issues.length
                ? 'text-red-700 dark:text-red-400'
                : 'text-emerald-800 dark:text-emerald-300'
            }`}
          >
            {issues.length ? plural(issues.length, 'issue', 'issues') : 'passes the contract'}
          </span>
        </summary>
        {open ? (
          <div className="space-y-2 pt-2">
            <p className="text-xs text-slate-600 dark:text-slate-400">
              POST /send_message, checked against the published contract and the {rules} rules.
            </p>
            {issues.length ? (
              <ul
                aria-label="Contract issues"
                className="space-y-0.5 text-sm text-red-800 dark:text-red-300"
              >
                {issues.map((issue, index) => (
                  <li key={index}>
                    <code className="font-mono text-xs">{issue.path || '(body)'}</code>:{' '}
                    {issue.message}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-sm text-emerald-800 dark:text-emerald-300">
                Passes the contract and the {rules} rules.
              </p>
            )}
            <div className="flex flex-wrap items-center gap-2">
              <Button onClick={() => void copy('cURL')}>Copy as cURL</Button>
              <Button onClick={() => void copy('fetch')}>Copy as fetch</Button>
            </div>
            <pre
              aria-label="Request body"
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
        {announcement}
      </p>

      {lastAnswer ? (
        <details
          aria-labelledby={answerTitleId}
          className="rounded-md border border-slate-200 p-2 dark:border-slate-700"
        >
          <summary className={summary}>
            <span id={answerTitleId}>Last answer</span>{' '}
            <span className="ml-1 font-mono text-xs font-normal">{lastAnswer.status}</span>
          </summary>
          <LastAnswerView answer={lastAnswer} />
        </details>
      ) : null}
    </div>
  );
});
