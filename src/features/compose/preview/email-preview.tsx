import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from '../../../i18n';
import type { Channel } from '../../../../schemas/rows';
import type { SendMessageRequest } from '../../../../schemas/send-message';
import { AttachmentChips } from './attachment-chips';
import { EmailFrame } from './email-frame';
import { firstLabels, outgoingText, recipientLabel, senderLabel } from './preview-model';

const TABS = [
  { key: 'html', label: 'preview.email.html' },
  { key: 'text', label: 'preview.email.plainText' },
] as const;
type TabKey = (typeof TABS)[number]['key'];

function RecipientRow({ term, labels, more }: { term: string; labels: string[]; more: number }) {
  const { t } = useTranslation();
  if (!labels.length) return null;
  return (
    <>
      <dt className="font-medium text-slate-600 dark:text-slate-400">{term}</dt>
      <dd className="min-w-0 break-words">
        {labels.join(', ')}
        {more > 0 ? (
          <span className="text-slate-600 dark:text-slate-400">
            {' '}
            {t('preview.andMore', { count: more })}
          </span>
        ) : null}
      </dd>
    </>
  );
}

/**
 * The email as its recipients get it: sender, visible recipients, subject, and the two parts
 * of multipart/alternative as tabs (https://www.w3.org/WAI/ARIA/apg/patterns/tabs/, automatic
 * activation). Bcc addresses are not shown to anyone, so only their number appears.
 */
export function EmailPreview({
  request,
  channel,
  templateText,
}: {
  request: SendMessageRequest;
  channel: Channel;
  templateText?: string;
}) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<TabKey>('html');
  const tabRefs = useRef<Record<TabKey, HTMLButtonElement | null>>({ html: null, text: null });
  const id = useId();
  const to = useMemo(
    () => firstLabels(request.to, 10, (recipient) => recipientLabel(recipient, t)),
    [request.to, t],
  );
  const cc = useMemo(
    () => firstLabels(request.cc, 10, (recipient) => recipientLabel(recipient, t)),
    [request.cc, t],
  );
  const bccCount = request.bcc?.length ?? 0;
  const plain = outgoingText(request, templateText);

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const index = TABS.findIndex((option) => option.key === tab);
    const next =
      event.key === 'ArrowRight'
        ? (index + 1) % TABS.length
        : event.key === 'ArrowLeft'
          ? (index - 1 + TABS.length) % TABS.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? TABS.length - 1
              : undefined;
    if (next === undefined) return;
    event.preventDefault();
    const key = (TABS[next] as (typeof TABS)[number]).key;
    setTab(key);
    tabRefs.current[key]?.focus();
  };

  return (
    <div role="group" aria-label={t('preview.email.group')} className="space-y-3">
      <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm">
        <dt className="font-medium text-slate-600 dark:text-slate-400">
          {t('preview.email.from')}
        </dt>
        <dd className="min-w-0 break-words">{senderLabel(channel)}</dd>
        <RecipientRow term={t('preview.email.to')} {...to} />
        <RecipientRow term={t('preview.email.cc')} {...cc} />
        {bccCount > 0 ? (
          <>
            <dt className="font-medium text-slate-600 dark:text-slate-400">
              {t('preview.email.bcc')}
            </dt>
            <dd className="text-slate-600 dark:text-slate-400">
              {t('preview.email.bccHidden', { count: bccCount })}
            </dd>
          </>
        ) : null}
        <dt className="font-medium text-slate-600 dark:text-slate-400">
          {t('preview.email.subject')}
        </dt>
        <dd className="min-w-0 font-semibold break-words">
          {request.subject || (
            <span className="font-normal italic">{t('preview.email.noSubject')}</span>
          )}
        </dd>
      </dl>

      <AttachmentChips attachments={request.attachments} />

      <div>
        <div
          role="tablist"
          aria-label={t('preview.email.parts')}
          className="flex gap-1 border-b border-slate-200 dark:border-slate-700"
        >
          {TABS.map((option) => {
            const selected = option.key === tab;
            return (
              <button
                key={option.key}
                ref={(element) => {
                  tabRefs.current[option.key] = element;
                }}
                type="button"
                role="tab"
                id={`${id}-tab-${option.key}`}
                aria-selected={selected}
                aria-controls={selected ? `${id}-panel` : undefined}
                tabIndex={selected ? 0 : -1}
                onClick={() => setTab(option.key)}
                onKeyDown={onKeyDown}
                className={`-mb-px rounded-t-md border-b-2 px-3 py-1.5 text-sm font-medium focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600 ${
                  selected
                    ? 'border-teal-700 text-teal-800 dark:border-teal-400 dark:text-teal-300'
                    : 'border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-slate-100'
                }`}
              >
                {t(option.label)}
              </button>
            );
          })}
        </div>
        {/* Only the chosen part is rendered: the other would sit hidden and cost a parse. */}
        <div
          role="tabpanel"
          id={`${id}-panel`}
          aria-labelledby={`${id}-tab-${tab}`}
          // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- the tabs pattern focuses a panel whose content may hold nothing focusable; it also scrolls
          tabIndex={0}
          className="max-h-[32rem] overflow-auto pt-2 focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600"
        >
          {tab === 'html' ? (
            <EmailFrame
              html={request.html ?? ''}
              title={t('preview.email.group')}
              empty={
                <p className="text-sm text-slate-600 italic dark:text-slate-400">
                  {t('preview.email.noHtml')}
                </p>
              }
            />
          ) : (
            <>
              {plain.fromTemplate ? (
                <p className="mb-1 text-xs text-slate-600 dark:text-slate-400">
                  {t('preview.email.templateReplacesText')}
                </p>
              ) : null}
              {plain.text ? (
                <pre className="rounded-md border border-slate-200 bg-white p-3 font-mono text-sm whitespace-pre-wrap text-slate-900 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100">
                  {plain.text}
                </pre>
              ) : (
                <p className="text-sm text-slate-600 italic dark:text-slate-400">
                  {t('preview.email.noPlainText')}
                </p>
              )}
            </>
          )}
          {request.template_id && !plain.fromTemplate ? (
            <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
              {t('preview.email.templateFills', {
                id: request.template_id,
                count: request.placeholder_values?.length ?? 0,
              })}
            </p>
          ) : null}
        </div>
      </div>
    </div>
  );
}
