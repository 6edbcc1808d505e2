import { useId, useState } from 'react';
import { useTranslation } from '../../../i18n';
import type { ChannelType } from '../../../../schemas/rows';
import type { Action, SendMessageRequest } from '../../../../schemas/send-message';
import { channelLabel } from '../channel-rules';
import { AttachmentChips } from './attachment-chips';
import { LinkIcon, ListIcon, PhoneIcon, ReplyIcon } from './icons';
import { groupActions, outgoingText } from './preview-model';
import { WhatsAppText } from './whatsapp-text';

type ChatType = Exclude<ChannelType, 'email' | 'sms' | 'postal'>;

const BUBBLE: Record<ChatType, string> = {
  whatsapp: 'bg-[#d9fdd3] text-slate-900 dark:bg-[#005c4b] dark:text-slate-50',
  facebook: 'bg-blue-100 text-slate-900 dark:bg-blue-900 dark:text-slate-50',
  instagram: 'bg-fuchsia-100 text-slate-900 dark:bg-fuchsia-950 dark:text-slate-50',
  google_business_messaging: 'bg-slate-200 text-slate-900 dark:bg-slate-700 dark:text-slate-50',
};

const chipButton =
  'inline-flex w-full items-center justify-center gap-1.5 rounded-lg border border-slate-200 bg-white px-3 py-1.5 text-sm font-medium text-teal-800 shadow-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-teal-600 dark:border-slate-600 dark:bg-slate-800 dark:text-teal-300';

/** A button title exactly as sent; an empty one still needs a name for assistive technology. */
function Title({ text }: { text: string }) {
  const { t } = useTranslation();
  return text ? <>{text}</> : <span className="italic">{t('preview.chat.noTitle')}</span>;
}

function QuickReplies({ actions }: { actions: Action[] }) {
  const { t } = useTranslation();
  return (
    <div className="space-y-1">
      <p className="text-xs text-slate-600 dark:text-slate-400">
        {t('preview.chat.quickReplies', { count: actions.length })}
      </p>
      <ul aria-label={t('preview.chat.quickRepliesList')} className="grid gap-1 sm:grid-cols-2">
        {actions.map((action, index) => (
          <li key={index}>
            <button type="button" className={chipButton}>
              <ReplyIcon />
              <Title text={action.text} />
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

function CallsToAction({ actions }: { actions: Action[] }) {
  const { t } = useTranslation();
  return (
    <div className="space-y-1">
      <p className="text-xs text-slate-600 dark:text-slate-400">
        {t('preview.chat.callsToAction', { count: actions.length })}
      </p>
      <ul aria-label={t('preview.chat.callsToActionList')} className="space-y-1">
        {actions.map((action, index) => {
          const phone = action.subtype === 'phone_number';
          return (
            <li key={index} className="space-y-0.5">
              <button type="button" className={chipButton}>
                {phone ? <PhoneIcon /> : <LinkIcon />}
                <Title text={action.text} />
              </button>
              {action.data ? (
                <p className="text-center text-xs break-all text-slate-600 dark:text-slate-400">
                  {phone
                    ? t('preview.chat.calls', { number: action.data })
                    : t('preview.chat.opens', { url: action.data })}
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** WhatsApp's list message: one button opens a sheet of rows (a disclosure here). */
function ListMessage({ rows }: { rows: Action[] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const sheetId = useId();
  return (
    <div className="space-y-1">
      <p className="text-xs text-slate-600 dark:text-slate-400">
        {t('preview.chat.listWith', { count: rows.length })}
      </p>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={sheetId}
        onClick={() => setOpen((value) => !value)}
        className={chipButton}
      >
        <ListIcon />
        {t('preview.chat.choose')}
      </button>
      <div
        id={sheetId}
        hidden={!open}
        className="rounded-lg border border-slate-200 bg-white p-2 shadow-sm dark:border-slate-600 dark:bg-slate-800"
      >
        <ul
          aria-label={t('preview.chat.listRows')}
          className="divide-y divide-slate-200 dark:divide-slate-700"
        >
          {rows.map((row, index) => (
            <li key={index} className="py-1.5">
              <span className="block text-sm font-medium">
                <Title text={row.text} />
              </span>
              {row.data ? (
                <span className="block text-xs text-slate-600 dark:text-slate-400">{row.data}</span>
              ) : null}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/**
 * A chat message as the recipient's app shows it: the bubble with the text (WhatsApp's
 * formatting on WhatsApp), attachments and footer, and the buttons under it, each exactly as
 * in `request.actions`.
 */
export function ChatPreview({
  request,
  type,
  templateText,
}: {
  request: SendMessageRequest;
  type: ChatType;
  templateText?: string;
}) {
  const { t } = useTranslation();
  const { text, fromTemplate } = outgoingText(request, templateText);
  const { quickReplies, callsToAction, listRows } = groupActions(request.actions);

  return (
    <div
      role="group"
      aria-label={t('preview.chat.group', { channel: channelLabel(type) })}
      className="flex flex-col items-end gap-2"
    >
      <div
        className={`w-full max-w-sm space-y-2 rounded-2xl rounded-tr-sm px-3 py-2 text-sm shadow-sm ${BUBBLE[type]}`}
      >
        {fromTemplate ? (
          <p className="text-xs font-medium opacity-80">{t('preview.chat.template')}</p>
        ) : null}
        {text ? (
          type === 'whatsapp' ? (
            <WhatsAppText text={text} />
          ) : (
            <p className="whitespace-pre-wrap">{text}</p>
          )
        ) : (
          <p className="italic opacity-80">
            {request.template_id
              ? t('preview.templateByMateo', { id: request.template_id })
              : t('preview.noTextYet')}
          </p>
        )}
        <AttachmentChips attachments={request.attachments} />
        {request.footer ? (
          <p className="text-xs text-slate-600 dark:text-slate-300">{request.footer}</p>
        ) : null}
      </div>
      {quickReplies.length || callsToAction.length || listRows.length ? (
        <div className="w-full max-w-sm space-y-2">
          {quickReplies.length ? <QuickReplies actions={quickReplies} /> : null}
          {callsToAction.length ? <CallsToAction actions={callsToAction} /> : null}
          {listRows.length ? <ListMessage rows={listRows} /> : null}
        </div>
      ) : null}
    </div>
  );
}
