import type { Channel } from '../../../schemas/rows';
import { SendMessageRequestSchema } from '../../../schemas/send-message';
import { UUID_PATTERN } from '../../../schemas/patterns';
import type { CountryCode } from '../../lib/phone-countries';
import { analyzeSms } from '../../lib/sms-segments';
import { zonedToInstant } from '../../lib/zoned-time';
import { i18n } from '../../i18n';
import { actionErrors, actionSetError } from './actions';
import { channelLabel, checkChannelRules, ruleFor } from './channel-rules';
import {
  fieldForPath,
  htmlHasContent,
  parseContent,
  toSendMessageRequest,
  type ComposeValues,
  type FieldErrors,
  type FieldName,
} from './form-model';
import type { RecipientChip } from './recipients';

/*
 * The form's check before sending. It holds the request against the shared contract, which
 * brings zod, so the form loads this module when it first checks (see the resolver), not with
 * the page.
 */

/**
 * Checks the form for the chosen channel: the friendlier form rules first, then the request
 * against the shared contract and the channel rules, each error at its field and in the
 * reader's language (the contract's own messages inside a sentence of it). Needs what
 * `toSendMessageRequest` needs.
 */
export function validateCompose(
  values: ComposeValues,
  channel: Channel | undefined,
  now = new Date(),
): FieldErrors {
  const errors: FieldErrors = {};
  if (!channel) return { channelId: i18n.t('validation.pickChannel') };
  const rule = ruleFor(channel.type);

  if (!values.to.length) errors.to = i18n.t('validation.addRecipient');
  else errors.to = chipErrors(values.to);
  if (rule.ccBcc) {
    errors.cc = chipErrors(values.cc);
    errors.bcc = chipErrors(values.bcc);
  }
  if (rule.subject && !values.subject.trim()) errors.subject = i18n.t('validation.addSubject');

  const template = values.template;
  // A template brings its own text; the body is then optional.
  const hasTemplate = Boolean(template?.id.trim());
  const hasActions = Boolean(rule.actions && values.actions.length);
  const maxText =
    hasActions && rule.maxTextWithActions !== null ? rule.maxTextWithActions : rule.maxText;
  if (rule.body === 'html') {
    if (!hasTemplate && !htmlHasContent(values.html))
      errors.html = i18n.t('validation.writeMessage');
  } else if (!values.text.trim()) {
    if (!hasTemplate) errors.text = i18n.t('validation.writeMessage');
  } else if (maxText !== null && [...values.text].length > maxText) {
    const limit = { count: [...values.text].length - maxText, max: maxText };
    const over =
      hasActions && maxText !== rule.maxText
        ? i18n.t('validation.overLimitWithButtons', limit)
        : i18n.t('validation.overLimit', limit);
    errors.text =
      channel.type === 'sms'
        ? i18n.t('validation.tooLongSms', { segments: analyzeSms(values.text).segments, over })
        : i18n.t('validation.tooLong', { channel: channelLabel(channel.type), over });
  }

  if (template) {
    if (template.manual && !UUID_PATTERN.test(template.id.trim()))
      errors.template = i18n.t('validation.templateIdUuid');
    const missing = template.slots
      .filter((slot) => !slot.value.trim())
      .map((slot) => `{{${slot.name}}}`);
    if (!errors.template && missing.length)
      errors.template = i18n.t('validation.placeholdersMissing', { missing: missing.join(', ') });
  }

  if (rule.actions && values.actions.length) {
    const setError = actionSetError(values.actions, rule);
    const country = (values.defaultCountry || undefined) as CountryCode | undefined;
    const perButton = actionErrors(values.actions, rule, country);
    const index = perButton.findIndex(Boolean);
    errors.actions =
      setError ??
      (index >= 0
        ? i18n.t('validation.button', { n: index + 1, problem: perButton[index] })
        : undefined);
  }
  if (rule.footerMax !== null && [...values.footer.trim()].length > rule.footerMax) {
    errors.footer = i18n.t('validation.footerTooLong', {
      max: rule.footerMax,
      length: [...values.footer.trim()].length,
    });
  }

  if (values.schedule.enabled) {
    const when = zonedToInstant(values.schedule.date, values.schedule.time, values.schedule.zone);
    if (!when) errors.schedule = i18n.t('validation.pickDateAndTime');
    else if (when.instant.getTime() <= now.getTime())
      errors.schedule = i18n.t('validation.timeInPast');
  }
  if (values.replyToMessageId.trim() && !UUID_PATTERN.test(values.replyToMessageId.trim())) {
    errors.replyToMessageId = i18n.t('validation.replyToUuid');
  }
  const content = parseContent(values.advanced.content);
  if (content.error) errors.advanced = content.error;

  const badAttachment = values.attachments.find(
    (a) => !/^(https:\/\/|media_library:\/\/)/.test(a.url),
  );
  if (badAttachment)
    errors.attachments = i18n.t('validation.attachmentHttps', { url: badAttachment.url });

  const request = toSendMessageRequest(values, channel);
  const contract = SendMessageRequestSchema.safeParse(request);
  const issues = [
    ...(contract.success
      ? []
      : contract.error.issues.map((i) => ({ path: i.path.map(String), message: i.message }))),
    ...checkChannelRules(request, channel.type).map((i) => ({
      path: i.path.map(String),
      message: i.message,
    })),
  ];
  for (const issue of issues) {
    const field = fieldForPath(issue.path.join('.'));
    if (field && !errors[field])
      errors[field] = i18n.t('validation.contract', { message: issue.message });
  }
  for (const key of Object.keys(errors) as FieldName[]) if (!errors[key]) delete errors[key];
  return errors;
}

function chipErrors(chips: RecipientChip[]): string | undefined {
  const invalid = chips.filter((chip) => chip.error);
  if (!invalid.length) return undefined;
  const first = invalid[0] as RecipientChip;
  return i18n.t('validation.invalidRecipients', {
    count: invalid.length,
    input: first.input,
    reason: first.error,
  });
}
