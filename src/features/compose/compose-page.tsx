import { useMutation, useQuery } from '@tanstack/react-query';
import {
  lazy,
  Suspense,
  useCallback,
  useDeferredValue,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type BaseSyntheticEvent,
} from 'react';
import {
  Controller,
  useForm,
  useWatch,
  type FieldErrors as RhfErrors,
  type Resolver,
} from 'react-hook-form';
import {
  useTranslation,
  DIGITS_DATE_TIME,
  formatDateTime,
  formatTime,
  i18n as texts,
} from '../../i18n';
import type { Channel } from '../../../schemas/rows';
import type { SendMessageRequest, SendMessageResponse } from '../../../schemas/send-message';
import { ApiError } from '../../api/client';
import { sendMessageSafely } from '../../api/send-message';
import { Button } from '../../components/button';
import { Field, fieldDescribedBy, inputClass, lineInputClass } from '../../components/field';
import {
  defaultCountryFromLocale,
  listCountries,
  type CountryCode,
} from '../../lib/phone-countries';
import { loadPhone, preloadPhone, preloadPhoneWhenIdle } from '../../lib/phone-loader';
import { lazyModule, useLazyModule } from '../../lib/lazy-module';
import { registerFocus, useFormValue } from './form-changes';
import type { RichEditorProps } from './rich-editor';
import { useSettledField, useSettledValues } from './use-settled-values';
import { whenIdle } from '../../lib/when-idle';
import { beforePageHides } from '../../lib/before-page-hides';
import {
  quietTimer,
  SLOW_MAX_WAIT_MS,
  SLOW_QUIET_MS,
  type QuietTimer,
} from '../../lib/quiet-timer';
import { zonedToInstant } from '../../lib/zoned-time';
import {
  channelsQueryOptions,
  conversationQueryOptions,
  replyMessageQueryOptions,
} from './api/queries';
import { retiredNote, ruleFor } from './channel-rules';
import { ChannelPicker } from './channel-picker';
import { describeError } from '../../api/describe-error';
import {
  emptyCompose,
  fieldForPath,
  fieldNeedingPhone,
  FIELD_ORDER,
  toSendMessageRequest,
  withPendingChecked,
  type ComposeValues,
} from './form-model';
import { RecipientInput } from './recipient-input';
import {
  asChip,
  makeChip,
  recheckChips,
  recipientCountries,
  type RecipientChip,
} from './recipients';
import { PhoneLoading } from './phone-loading';
import { usePhone } from './use-phone';
import { TextCounter } from './text-counter';
import type { LastAnswer } from './preview/request-inspector';
import { fillTemplate } from '../../lib/placeholders';
import { draftTitle, type StoredDraft } from './draft-store';
import { firstValues, useDrafts, useFirstDraftsRead, type DraftStorageError } from './use-drafts';
import { loadChannelFields } from './load-channel-fields';

/**
 * The plain text made from the HTML: needed only once there is HTML, so with the editor, which
 * waits for it. The text is then made without waiting for a module, and never lands later in a
 * plain-text field the user has meanwhile selected or started to type in.
 */
const loadHtmlToText = lazyModule(() => import('../../lib/html-to-text'));
const RichEditor = lazy(() =>
  Promise.all([import('./rich-editor'), loadHtmlToText().catch(() => undefined)]).then(([m]) => ({
    default: m.RichEditor,
  })),
);
const PreviewPanel = lazy(() =>
  import('./preview/preview-panel').then((m) => ({ default: m.PreviewPanel })),
);

export interface SentMessage {
  request: SendMessageRequest;
  response: SendMessageResponse;
  channel: Channel;
  /** Read back after a 409 on our id: an earlier try (or another tab) had sent it. */
  reconciled: boolean;
  /** Status and headers of the answer, for the request inspector. */
  answer: { status: number; headers: Record<string, string> };
  /** With undo send: until when the message can still be taken back. */
  undoUntil?: string;
  /** Puts the message back into the form after an undo. */
  restore?: () => void;
}

/** What the page says while a send is under way, worded when shown. */
type SendProgress =
  { kind: 'retry'; attempt: number; error: unknown; delayMs: number } | { kind: 'offline' } | null;

const UNDO_KEY = 'mateo-composer:undo-seconds';
const UNDO_CHOICES = [0, 5, 10, 30];

interface ResolverContext {
  channels: Channel[] | undefined;
}

/**
 * The form's check and the shared contract with it (zod): not needed to draw the page, so it
 * loads when the browser is idle after the first render, or when Send asks for it first.
 */
const loadFormCheck = lazyModule(() => import('./form-check'));

/**
 * The form's check: the shared contract and channel rules, each error at its field. Phone
 * numbers are checked by a module loaded on demand: the check waits for it, and checks the
 * recipients typed while it loaded.
 */
const composeResolver: Resolver<ComposeValues, ResolverContext> = async (formValues, context) => {
  const channel = context?.channels?.find((c) => c.id === formValues.channelId);
  let values = formValues;
  const phoneField = channel ? fieldNeedingPhone(values, channel) : undefined;
  if (channel && phoneField) {
    try {
      await loadPhone();
    } catch (error) {
      const message = texts.t('compose.phone.failed', { detail: (error as Error).message });
      return {
        values: {},
        errors: { [phoneField]: { type: 'validate', message } } as RhfErrors<ComposeValues>,
      };
    }
    values = withPendingChecked(values, channel);
  }
  let check: Awaited<ReturnType<typeof loadFormCheck>>;
  try {
    check = await loadFormCheck();
  } catch (error) {
    const message = texts.t('compose.checkFailed', { detail: (error as Error).message });
    return {
      values: {},
      errors: { channelId: { type: 'validate', message } } as RhfErrors<ComposeValues>,
    };
  }
  const errors = check.validateCompose(values, channel);
  const entries = Object.entries(errors);
  if (!entries.length) return { values, errors: {} };
  return {
    values: {},
    errors: Object.fromEntries(
      entries.map(([field, message]) => [field, { type: 'validate', message }]),
    ) as RhfErrors<ComposeValues>,
  };
};

/** Re-checks chips made for another kind of recipient when the channel changes. */
function rekind(
  chips: RecipientChip[],
  channel: Channel,
  country: CountryCode | undefined,
): RecipientChip[] {
  const kind = ruleFor(channel.type).recipient;
  return chips.map((chip) =>
    asChip(
      kind === 'contact' && chip.contactId && !chip.error
        ? { ...chip, handle: undefined }
        : {
            ...makeChip(chip.input, kind, country, chip.name),
            ...(chip.contactId ? { contactId: chip.contactId } : {}),
          },
    ),
  );
}

/**
 * The fields the page itself follows. One array for every render, and exact names: a new array
 * or a name that is the start of another ('text' of 'textEdited') would make react-hook-form
 * copy the whole form and render the whole page on keystrokes in other fields.
 */
const PAGE_FIELDS = [
  'id',
  'channelId',
  'defaultCountry',
  'textEdited',
  'schedule',
  'replyToMessageId',
  'template.id',
  'conversationStatus',
] as const;

export function ComposePage({ onSent }: { onSent: (sent: SentMessage) => void }) {
  const { t, i18n } = useTranslation();
  const channels = useQuery(channelsQueryOptions());
  // From the browser's languages and a list of countries kept beside the phone module, so that
  // the first render does not wait for it.
  const initialCountry = useMemo(() => defaultCountryFromLocale(navigator.languages), []);
  // The latest draft is there for the first render (see useFirstDraftsRead).
  const firstRead = useFirstDraftsRead();
  const [defaultValues] = useState(() => firstValues(firstRead, emptyCompose(initialCountry)));
  // Shown once a channel is picked: at once for a draft's channel, else after the first draw.
  const channelFields = useLazyModule(loadChannelFields, {
    afterPaint: !defaultValues.channelId,
  });
  const fields = channelFields.module;
  const channelsData = channels.data;
  const form = useForm<ComposeValues, ResolverContext>({
    defaultValues,
    resolver: composeResolver,
    mode: 'onSubmit',
    // RHF takes its options afresh on every render, so the resolver sees the loaded channels.
    context: { channels: channelsData },
    reValidateMode: 'onChange',
    // The invalid handler below focuses the first error in screen order; RHF's own focus would
    // follow registration order and come after it.
    shouldFocusError: false,
  });
  const {
    control,
    register,
    handleSubmit,
    setValue,
    getValues,
    formState,
    setError,
    setFocus,
    trigger,
  } = form;
  const [
    draftId,
    channelId,
    defaultCountry,
    textEdited,
    schedule,
    replyTo,
    templateId,
    conversationStatus,
  ] = useWatch({ control, name: PAGE_FIELDS, exact: true });
  // Not the recipients themselves: watching them would copy the whole list when the page opens
  // and render the page on every chip; the schedule needs only their countries.
  const countryList = useFormValue(control, (values) => recipientCountries(values.to));
  const scheduleCountries = useMemo(
    () => (countryList ? countryList.split(',') : []),
    [countryList],
  );
  const replyMessage = useQuery(replyMessageQueryOptions(replyTo.trim()));
  const replyConversation = useQuery(conversationQueryOptions(replyMessage.data?.conversation_id));
  const channel = channelsData?.find((c) => c.id === channelId);
  const rule = channel ? ruleFor(channel.type) : undefined;
  const country = (defaultCountry || undefined) as CountryCode | undefined;
  // Phone numbers are checked by a module loaded apart from the page: at idle after the first
  // render, and at once for a phone channel (picked, or restored with a draft).
  const phoneChannel = rule?.recipient === 'phone';
  // Send waits for the phone module when the form needs it (see fieldNeedingPhone).
  const [phoneWaitForSend, setPhoneWaitForSend] = useState<'loading' | 'failed' | null>(null);
  const phone = usePhone(phoneChannel || phoneWaitForSend !== null);
  useEffect(() => preloadPhoneWhenIdle(), []);
  useEffect(() => whenIdle(() => void loadFormCheck().catch(() => undefined)), []);
  const windowWarning = (() => {
    const inbound = replyConversation.data?.latest_inbound_message_created_at;
    if (channel?.type !== 'whatsapp' || !schedule.enabled || templateId || !inbound)
      return undefined;
    const when = zonedToInstant(schedule.date, schedule.time, schedule.zone);
    const closes = new Date(inbound).getTime() + 24 * 60 * 60_000;
    if (!when || when.instant.getTime() <= closes) return undefined;
    return t('compose.windowWarning', { time: formatDateTime(closes, DIGITS_DATE_TIME) });
  })();
  const [htmlChangedAfterEdit, setHtmlChangedAfterEdit] = useState(false);
  const resultRef = useRef<HTMLDivElement>(null);

  const freshDraft = useCallback(() => emptyCompose(initialCountry), [initialCountry]);
  const drafts = useDrafts(form, freshDraft, firstRead);
  const [progress, setProgress] = useState<SendProgress>(null);
  const [lastAnswer, setLastAnswer] = useState<LastAnswer | null>(null);
  const [undoSeconds, setUndoSeconds] = useState(
    () => Number(localStorage.getItem(UNDO_KEY) ?? 0) || 0,
  );
  const sending = useRef(false);

  const send = useMutation({
    // The send layer waits for the connection itself and says so; paused here, it could not.
    networkMode: 'always',
    mutationFn: ({ request }: { request: SendMessageRequest; values: ComposeValues }) =>
      sendMessageSafely(request, {
        onRetry: ({ attempt, error, delayMs }) =>
          setProgress({ kind: 'retry', attempt, error, delayMs }),
        onOffline: () => setProgress({ kind: 'offline' }),
      }),
    onMutate: () => setProgress(null),
    onSettled: () => {
      sending.current = false;
      setProgress(null);
    },
    onSuccess: (answer, { request, values }) => {
      setLastAnswer({ status: answer.status, headers: answer.headers, body: answer.data });
      const from = channelsData?.find((c) => c.id === values.channelId);
      if (!from) return;
      onSent({
        request,
        response: answer.data,
        channel: from,
        reconciled: answer.reconciled,
        answer: { status: answer.status, headers: answer.headers },
        ...(values.schedule.enabled || !undoSeconds
          ? {}
          : {
              undoUntil: request.send_after ?? undefined,
              // Undo puts the message back into the form, as a draft again.
              restore: () => {
                form.reset(values);
                void drafts.saveNow();
              },
            }),
      });
      // The draft goes only once Mateo confirmed the message.
      void drafts.remove(request.id as string);
      const keep = getValues();
      form.reset({ ...emptyCompose(keep.defaultCountry, keep.channelId) });
      setHtmlChangedAfterEdit(false);
    },
    onError: (error) => {
      if (error instanceof ApiError)
        setLastAnswer({ status: error.status, headers: {}, body: error.body });
      if (!(error instanceof ApiError)) return;
      // The proxy lists issues with paths; Mateo-style messages may start with the path.
      const named = /^([a-z_]+(?:\[\d+\])?(?:\.[a-z_]+(?:\[\d+\])?)*): (.+)$/s.exec(
        error.body.message,
      );
      const issues =
        error.body.issues ??
        (named
          ? [
              {
                path: (named[1] as string).replace(/\[(\d+)\]/g, '.$1'),
                message: named[2] as string,
              },
            ]
          : []);
      let focused = false;
      for (const issue of issues) {
        const field = fieldForPath(issue.path);
        if (!field) continue;
        setError(
          field,
          { type: 'server', message: t('validation.server', { message: issue.message }) },
          { shouldFocus: !focused },
        );
        focused = true;
      }
      if (!focused) resultRef.current?.focus();
    },
  });

  /** The plain text follows the HTML until edited by hand (from the latest HTML, once loaded). */
  const deriveText = () => {
    const derive = ({ htmlToText }: { htmlToText: (html: string) => string }) => {
      if (getValues('textEdited')) return;
      const text = htmlToText(getValues('html'));
      // Unchanged, the field is left alone: whatever the user has selected in it stays selected.
      if (text === getValues('text')) return;
      setValue('text', text, { shouldValidate: formState.isSubmitted });
    };
    const loaded = loadHtmlToText.loaded();
    if (loaded) derive(loaded);
    else void loadHtmlToText().then(derive, () => undefined);
  };

  // While the HTML is typed, the plain text follows it at the email frame's pace (a 0.4 s pause,
  // or every 2 s): written into its field more often, it is a frame of its own between two keys,
  // and the next key waits for the display's next refresh. It is made at once when the form is
  // about to be read or the plain text seen up close: the editor loses the focus, sends or is
  // hidden, a draft is switched.
  const textBehind = useRef(false);
  const textClock = useRef<QuietTimer | null>(null);
  const catchUpText = () => {
    textClock.current?.cancel();
    if (!textBehind.current) return;
    textBehind.current = false;
    deriveText();
  };
  const catchUpTextRef = useRef(catchUpText);
  useLayoutEffect(() => {
    catchUpTextRef.current = catchUpText;
  });
  useEffect(() => {
    const clock = quietTimer(() => catchUpTextRef.current(), SLOW_QUIET_MS, SLOW_MAX_WAIT_MS);
    textClock.current = clock;
    const stopFlushing = beforePageHides(() => catchUpTextRef.current());
    return () => {
      stopFlushing();
      clock.cancel();
      textClock.current = null;
    };
  }, []);

  const onHtmlChange = (value: string, now: boolean) => {
    setValue('html', value, { shouldValidate: formState.isSubmitted });
    if (getValues('textEdited')) {
      setHtmlChangedAfterEdit(true);
      return;
    }
    textBehind.current = true;
    if (now) catchUpText();
    else textClock.current?.poke();
  };

  const regenerate = () => {
    textBehind.current = false;
    setValue('textEdited', false);
    setHtmlChangedAfterEdit(false);
    deriveText();
  };

  // handleSubmit is called when the event comes, not during render.
  const submit = async (event?: BaseSyntheticEvent) => {
    // At once: after a wait it would be too late to keep the browser from submitting the form.
    event?.preventDefault();
    catchUpText();
    if (channel && fieldNeedingPhone(getValues(), channel)) {
      setPhoneWaitForSend('loading');
      try {
        await loadPhone();
      } catch {
        setPhoneWaitForSend('failed');
        return;
      }
      setPhoneWaitForSend(null);
      // Recipients typed while it loaded are checked (and shown so) before the form is.
      const values = getValues();
      const current = channelsData?.find((c) => c.id === values.channelId);
      const checked = current ? withPendingChecked(values, current) : values;
      for (const field of ['to', 'cc', 'bcc'] as const) {
        if (checked[field] !== values[field]) setValue(field, checked[field]);
      }
    }
    await handleSubmit(
      (values) => {
        // The channel of the values checked: another may have been picked during the wait.
        const from = channelsData?.find((c) => c.id === values.channelId);
        // A double click or a second Ctrl+Enter sends nothing more (and the id would make it harmless).
        if (!from || sending.current) return;
        sending.current = true;
        const request = toSendMessageRequest(values, from);
        // Undo send: the message waits upstream as a scheduled one until the window closes.
        if (!values.schedule.enabled && undoSeconds > 0) {
          request.send_after = new Date(Date.now() + undoSeconds * 1000).toISOString();
        }
        send.mutate({ request, values });
      },
      (errors) => {
        // Screen order, not registration order (the lazy editor registers last).
        const first = FIELD_ORDER.find((field) => errors[field]);
        if (first) setFocus(first);
      },
    )(event);
  };

  // Ctrl/Cmd+Enter sends from anywhere in the form (the rich editor handles its own).
  const formRef = useRef<HTMLFormElement>(null);
  const submitRef = useRef(submit);
  useEffect(() => {
    submitRef.current = submit;
  });
  useEffect(() => {
    const element = formRef.current;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        void submitRef.current();
      }
    };
    element?.addEventListener('keydown', onKeyDown);
    return () => element?.removeEventListener('keydown', onKeyDown);
  }, []);

  const changeChannel = (id: string) => {
    const next = channels.data?.find((c) => c.id === id);
    const previous = channel;
    if (next && ruleFor(next.type).recipient === 'phone') preloadPhone();
    setValue('channelId', id, { shouldValidate: formState.isSubmitted });
    if (next && previous && ruleFor(next.type).recipient !== ruleFor(previous.type).recipient) {
      for (const field of ['to', 'cc', 'bcc'] as const)
        setValue(field, rekind(getValues(field), next, country));
    }
  };

  // Reasons are worded when a recipient or the form is checked: check again in a new language,
  // and when a draft made in another one comes back. Phone numbers typed before the phone
  // module arrived are checked as soon as it is there.
  const language = i18n.language;
  const channelType = channel?.type;
  const phoneMissing = phoneChannel && phone !== 'ready';
  useEffect(() => {
    if (!channelType || phoneMissing) return;
    for (const field of ['to', 'cc', 'bcc'] as const) {
      const chips = getValues(field);
      const checked = recheckChips(chips, channelType, country);
      if (checked !== chips) setValue(field, checked);
    }
    // What the server said stays as it came; the form's own checks speak the new language.
    const shown = Object.entries(formState.errors)
      .filter(([, error]) => error && error.type !== 'server')
      .map(([field]) => field as keyof ComposeValues);
    if (shown.length) void trigger(shown);
    // Only a new language, another draft or the phone module's arrival; the country and errors
    // are read as they are then.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [language, draftId, channelType, phoneMissing]);

  const errors = formState.errors;
  const failure = send.error ? describeError(send.error) : undefined;
  const progressText =
    progress?.kind === 'retry'
      ? t('compose.retrying', {
          attempt: progress.attempt,
          reason: describeError(progress.error).title,
          seconds: Math.ceil(progress.delayMs / 1000),
        })
      : progress?.kind === 'offline'
        ? t('compose.offline')
        : '';

  return (
    <div className="grid gap-6 xl:grid-cols-2">
      <section aria-labelledby="compose-heading" className="space-y-4">
        <h2 id="compose-heading" className="text-base font-semibold">
          {t('compose.heading')}
        </h2>
        <form
          ref={formRef}
          noValidate
          onSubmit={(event) => void submit(event)}
          className="space-y-4"
          aria-busy={send.isPending}
        >
          <DraftBar
            drafts={drafts.drafts}
            currentId={draftId}
            savedAt={drafts.savedAt}
            storageError={drafts.storageError}
            onSwitch={(id) => {
              catchUpText();
              void drafts.switchTo(id);
            }}
            onNew={() => {
              catchUpText();
              void drafts.newDraft();
            }}
            onDelete={() => void drafts.deleteCurrent()}
          />
          <Controller
            control={control}
            name="channelId"
            render={({ field }) => (
              <ChannelPicker
                id="from"
                channels={channels.data}
                loading={channels.isPending}
                loadError={channels.error ? describeError(channels.error).detail : undefined}
                value={field.value}
                onChange={changeChannel}
                onIntent={preloadPhone}
                error={errors.channelId?.message}
                selectRef={field.ref}
              />
            )}
          />

          {channel && rule ? (
            <>
              {rule.retired ? (
                <p
                  role="note"
                  className="rounded-md border border-amber-300 bg-amber-50 p-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200"
                >
                  {retiredNote(channel.type)}
                </p>
              ) : null}

              {rule.recipient === 'phone' ? (
                <Field id="default-country" label={t('compose.defaultCountry')}>
                  <select
                    id="default-country"
                    className={`${inputClass} w-auto`}
                    {...register('defaultCountry')}
                  >
                    {listCountries().map(({ code, callingCode }) => (
                      <option key={code} value={code}>
                        {code} (+{callingCode})
                      </option>
                    ))}
                  </select>
                </Field>
              ) : null}

              {(['to', 'cc', 'bcc'] as const)
                .filter((name) => name === 'to' || rule.ccBcc)
                .map((name) => (
                  <Controller
                    key={`${name}-${channel.id}-${draftId}`}
                    control={control}
                    name={name}
                    render={({ field }) => (
                      <RecipientInput
                        id={`recipients-${name}`}
                        label={t(`compose.${name}`)}
                        channel={channel}
                        defaultCountry={country}
                        chips={field.value}
                        onChange={field.onChange}
                        error={errors[name]?.message}
                        inputRef={field.ref}
                      />
                    )}
                  />
                ))}

              {rule.subject ? (
                <Field id="subject" label={t('compose.subject')} error={errors.subject?.message}>
                  <input
                    id="subject"
                    className={lineInputClass}
                    autoComplete="off"
                    aria-invalid={errors.subject ? true : undefined}
                    aria-describedby={fieldDescribedBy('subject', {
                      error: errors.subject?.message,
                    })}
                    {...register('subject')}
                  />
                </Field>
              ) : null}

              {fields ? (
                <Controller
                  control={control}
                  name="template"
                  render={({ field }) => (
                    <fields.TemplatePicker
                      channelType={channel.type}
                      value={field.value}
                      onChange={field.onChange}
                      error={errors.template?.message}
                    />
                  )}
                />
              ) : null}

              {rule.body === 'html' ? (
                <div className="space-y-1" data-paint-layer>
                  <span id="message-label" className="text-sm font-medium">
                    {t('compose.message')}
                  </span>
                  <Suspense fallback={<EditorLoading />}>
                    <HtmlEditorField
                      key={draftId}
                      control={control}
                      id="message"
                      label={t('compose.message')}
                      onChange={onHtmlChange}
                      invalid={Boolean(errors.html)}
                      describedBy={fieldDescribedBy('message', { error: errors.html?.message })}
                      onSubmitShortcut={() => void submit()}
                    />
                  </Suspense>
                  {errors.html ? (
                    <p
                      id="message-error"
                      role="alert"
                      className="text-sm text-red-700 dark:text-red-400"
                    >
                      {errors.html.message}
                    </p>
                  ) : null}
                  <Field
                    id="plain-text"
                    label={t('compose.plainText.label')}
                    error={errors.text?.message}
                    description={
                      textEdited ? (
                        <span className="flex flex-wrap items-center gap-2">
                          {htmlChangedAfterEdit
                            ? t('compose.plainText.htmlChanged')
                            : t('compose.plainText.edited')}
                          <Button
                            variant="ghost"
                            className="!px-1 !py-0 underline"
                            onClick={regenerate}
                          >
                            {t('compose.plainText.regenerate')}
                          </Button>
                        </span>
                      ) : (
                        t('compose.plainText.derived')
                      )
                    }
                  >
                    <textarea
                      id="plain-text"
                      rows={5}
                      className={`${inputClass} font-mono`}
                      aria-describedby={fieldDescribedBy('plain-text', {
                        error: errors.text?.message,
                        description: true,
                      })}
                      {...register('text', {
                        onChange: () => {
                          setValue('textEdited', true);
                          setHtmlChangedAfterEdit(false);
                        },
                      })}
                    />
                  </Field>
                </div>
              ) : (
                <Field
                  id="message"
                  label={t('compose.message')}
                  error={errors.text?.message}
                  aside={<TextBodyCounter control={control} type={channel.type} />}
                >
                  <textarea
                    id="message"
                    rows={7}
                    className={`${inputClass} [contain:strict]`}
                    aria-invalid={errors.text ? true : undefined}
                    aria-describedby={[
                      fieldDescribedBy('message', { error: errors.text?.message }),
                      'message-counter',
                    ]
                      .filter(Boolean)
                      .join(' ')}
                    {...register('text')}
                  />
                </Field>
              )}

              {rule.actions && fields ? (
                <Controller
                  control={control}
                  name="actions"
                  render={({ field }) => (
                    <fields.ActionsBuilder
                      rule={rule}
                      value={field.value}
                      onChange={field.onChange}
                      country={country}
                      error={errors.actions?.message}
                    />
                  )}
                />
              ) : null}
              {rule.footerMax !== null ? (
                <Field
                  id="footer"
                  label={t('compose.footer')}
                  error={errors.footer?.message}
                  aside={<FooterCounter control={control} max={rule.footerMax} />}
                >
                  <input
                    id="footer"
                    className={lineInputClass}
                    aria-invalid={errors.footer ? true : undefined}
                    aria-describedby={fieldDescribedBy('footer', { error: errors.footer?.message })}
                    {...register('footer')}
                  />
                </Field>
              ) : null}

              {fields ? (
                <>
                  <Controller
                    control={control}
                    name="attachments"
                    render={({ field }) => (
                      <fields.AttachmentsField
                        rule={rule}
                        value={field.value}
                        onChange={field.onChange}
                        error={errors.attachments?.message}
                      />
                    )}
                  />
                  <Controller
                    control={control}
                    name="schedule"
                    render={({ field }) => (
                      <fields.SchedulePicker
                        value={field.value}
                        onChange={field.onChange}
                        countries={scheduleCountries}
                        windowWarning={windowWarning}
                        error={errors.schedule?.message}
                      />
                    )}
                  />
                  <Controller
                    control={control}
                    name="replyToMessageId"
                    render={({ field }) => (
                      <fields.ReplyOptions
                        replyTo={field.value}
                        onReplyTo={field.onChange}
                        inputRef={field.ref}
                        status={conversationStatus}
                        onStatus={(value) =>
                          setValue('conversationStatus', value, { shouldDirty: true })
                        }
                        error={errors.replyToMessageId?.message}
                      />
                    )}
                  />
                  <Controller
                    control={control}
                    name="advanced"
                    render={({ field }) => (
                      <fields.AdvancedOptions
                        value={field.value}
                        onChange={field.onChange}
                        channels={channels.data ?? []}
                        error={errors.advanced?.message}
                      />
                    )}
                  />
                </>
              ) : (
                <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
                  {channelFields.error
                    ? t('compose.fieldsFailed', { detail: channelFields.error.message })
                    : t('compose.loadingFields')}
                </p>
              )}
            </>
          ) : null}

          <div className="flex items-center gap-3">
            <Button
              type="submit"
              variant="primary"
              disabled={send.isPending || phoneWaitForSend === 'loading' || !channel}
            >
              {send.isPending ? t('compose.sending') : t('compose.send')}
            </Button>
            <span className="text-xs text-slate-600 dark:text-slate-400">
              {t('compose.shortcut')}
            </span>
            <label htmlFor="undo-window" className="ml-auto text-xs">
              {t('compose.undoWindow')}
            </label>
            <select
              id="undo-window"
              className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900"
              value={undoSeconds}
              onChange={(event) => {
                const seconds = Number(event.target.value);
                setUndoSeconds(seconds);
                localStorage.setItem(UNDO_KEY, String(seconds));
              }}
            >
              {UNDO_CHOICES.map((seconds) => (
                <option key={seconds} value={seconds}>
                  {seconds ? t('compose.seconds', { seconds }) : t('compose.undoOff')}
                </option>
              ))}
            </select>
          </div>
          <div
            ref={resultRef}
            tabIndex={-1}
            role="status"
            aria-live="polite"
            className="outline-none"
          >
            {send.isPending ? (
              <p className="text-sm">{progressText || t('compose.sending')}</p>
            ) : phoneWaitForSend === 'loading' ? (
              <p className="text-sm">{t('compose.phone.loading')}</p>
            ) : null}
          </div>
          {phoneWaitForSend === 'failed' && phone === 'failed' ? (
            <PhoneLoading status="failed" />
          ) : null}
          {failure ? (
            <div
              role="alert"
              className="rounded-md border border-red-300 bg-red-50 p-3 text-sm dark:border-red-800 dark:bg-red-950"
            >
              <p className="font-semibold text-red-900 dark:text-red-200">{failure.title}</p>
              <p>{failure.detail}</p>
              {failure.hint ? (
                <p className="text-slate-700 dark:text-slate-300">
                  {t('compose.hint', { hint: failure.hint })}
                </p>
              ) : null}
              {failure.code ? (
                <p className="text-xs text-slate-600 dark:text-slate-400">
                  {t('compose.code', { code: failure.code })}
                </p>
              ) : null}
            </div>
          ) : null}
        </form>
      </section>
      <ComposePreview control={control} channel={channel} lastAnswer={lastAnswer} />
    </div>
  );
}

/**
 * The rich editor as the form's `html` field. Not a Controller: a Controller watches its value
 * the way that makes react-hook-form copy the whole form on every keystroke (see
 * onValuesChange), 10,000 recipients included.
 */
function HtmlEditorField({
  control,
  ...props
}: Omit<RichEditorProps, 'value' | 'editorRef'> & { control: ComposeControl }) {
  const value = useFormValue(control, (values) => values.html);
  const editorRef = useCallback(
    (focus: () => void) => registerFocus(control, 'html', focus),
    [control],
  );
  // On the page's first render the editor (whose view is made while it renders) comes in a
  // render of its own right after, so that a restored draft's recipients are not held back.
  const ready = useDeferredValue(true, editorShown);
  useEffect(() => {
    if (ready) editorShown = true;
  }, [ready]);
  if (!ready) return <EditorLoading />;
  return <RichEditor {...props} value={value} editorRef={editorRef} />;
}

let editorShown = false;

function EditorLoading() {
  const { t } = useTranslation();
  return <p className="text-sm text-slate-600">{t('compose.loadingEditor')}</p>;
}

/** Only the counter re-renders while typing, not the whole form. */
type ComposeControl = ReturnType<typeof useForm<ComposeValues, ResolverContext>>['control'];

function TextBodyCounter({ control, type }: { control: ComposeControl; type: Channel['type'] }) {
  const text = useSettledField(control, 'text');
  const hasActions = useFormValue(control, (values) => values.actions.length > 0);
  return <TextCounter id="message-counter" text={text} type={type} hasActions={hasActions} />;
}

function FooterCounter({ control, max }: { control: ComposeControl; max: number }) {
  const footer = useSettledField(control, 'footer');
  const length = [...footer.trim()].length;
  return (
    <span
      className={`text-xs ${length > max ? 'text-red-700 dark:text-red-400' : 'text-slate-600 dark:text-slate-400'}`}
    >
      {length} / {max}
    </span>
  );
}

function DraftBar({
  drafts,
  currentId,
  savedAt,
  storageError,
  onSwitch,
  onNew,
  onDelete,
}: {
  drafts: StoredDraft[];
  currentId: string;
  savedAt: string | null;
  storageError: DraftStorageError | null;
  onSwitch: (id: string) => void;
  onNew: () => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  const known = drafts.some((d) => d.id === currentId);
  return (
    <div className="space-y-1" data-paint-layer>
      <div className="flex flex-wrap items-end gap-2">
        <div className="min-w-[16rem] flex-1">
          <label htmlFor="draft-select" className="text-xs">
            {t('compose.drafts.label')}
          </label>
          <select
            id="draft-select"
            className={inputClass}
            value={currentId}
            onChange={(event) => onSwitch(event.target.value)}
          >
            {known ? null : <option value={currentId}>{t('compose.drafts.new')}</option>}
            {drafts.map((draft) => (
              <option key={draft.id} value={draft.id}>
                {draftTitle(draft.values)} · {formatTime(draft.updatedAt)}
              </option>
            ))}
          </select>
        </div>
        <Button onClick={onNew}>{t('compose.drafts.new')}</Button>
        <Button variant="ghost" onClick={onDelete}>
          {t('compose.drafts.delete')}
        </Button>
      </div>
      <p role="status" className="text-xs text-slate-600 dark:text-slate-400">
        {storageError ? (
          <span className="text-red-700 dark:text-red-400">
            {storageError.action === 'save'
              ? t('compose.drafts.cannotSave', {
                  detail: storageError.detail || t('compose.drafts.storageUnavailable'),
                })
              : t('compose.drafts.cannotRead', { detail: storageError.detail })}
          </span>
        ) : savedAt && known ? (
          t('compose.drafts.saved', { time: formatTime(savedAt) })
        ) : (
          t('compose.drafts.hint')
        )}
      </p>
    </div>
  );
}

/** The live preview and the request inspector; only this part re-renders on each keystroke. */
function ComposePreview({
  control,
  channel,
  lastAnswer,
}: {
  control: ComposeControl;
  channel: Channel | undefined;
  lastAnswer: LastAnswer | null;
}) {
  const { t } = useTranslation();
  // The request (10,000 recipients mapped, say), the preview and the inspector are made from
  // values handed on once typing settles (see useSettledValues), never on each keystroke; they
  // come in a transition, so the render they cause may be interrupted by the next key.
  const values = useSettledValues(control);
  // Recipients typed or buttons made before the phone module arrived show once it is there.
  const phoneNeeded = channel ? fieldNeedingPhone(values, channel) !== undefined : false;
  const phone = usePhone(phoneNeeded);
  const phoneMissing = phoneNeeded && phone !== 'ready';
  const request = useMemo(
    () =>
      channel && !phoneMissing
        ? toSendMessageRequest(withPendingChecked(values, channel), channel)
        : undefined,
    [values, channel, phoneMissing],
  );
  const template = values.template;
  const templateText = useMemo(
    () =>
      template && !template.manual && template.body
        ? fillTemplate(
            template.body,
            Object.fromEntries(template.slots.map((slot) => [slot.name, slot.value])),
          )
        : undefined,
    [template],
  );
  return (
    <section
      aria-labelledby="preview-heading"
      className="space-y-4 xl:sticky xl:top-4 xl:max-h-[calc(100vh-2rem)] xl:self-start xl:overflow-auto"
    >
      <h2 id="preview-heading" className="text-base font-semibold">
        {t('compose.preview.heading')}
      </h2>
      {phoneMissing ? (
        <PhoneLoading status={phone} />
      ) : request && channel ? (
        <Suspense
          fallback={
            <p role="status" className="text-sm text-slate-600 dark:text-slate-400">
              {t('compose.preview.loading')}
            </p>
          }
        >
          <PreviewPanel
            request={request}
            channel={channel}
            templateText={templateText}
            lastAnswer={lastAnswer}
          />
        </Suspense>
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {t('compose.preview.pickChannel')}
        </p>
      )}
    </section>
  );
}
