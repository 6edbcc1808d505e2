import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation, formatNumber, type TFunction } from '../../i18n';
import type { ChannelRule } from '../../../schemas/channel-rules';
import { ApiError } from '../../api/client';
import { uploadToMediaLibrary } from '../../api/media';
import { Button } from '../../components/button';
import { lineInputClass, FieldError } from '../../components/field';
import { ruleLabel } from './channel-rules';
import { attachmentUrlProblem, type Attachment } from './form-model';

const ONE_DECIMAL = { minimumFractionDigits: 1, maximumFractionDigits: 1 };

function formatBytes(bytes: number, t: TFunction): string {
  if (bytes < 1024) return t('builders.attachments.bytes', { value: formatNumber(bytes) });
  if (bytes < 1024 * 1024)
    return t('builders.attachments.kilobytes', { value: formatNumber(bytes / 1024, ONE_DECIMAL) });
  return t('builders.attachments.megabytes', {
    value: formatNumber(bytes / 1024 / 1024, ONE_DECIMAL),
  });
}

/** Why the last link or file was not added; worded when shown, so in the current language. */
type Problem =
  | { kind: 'url'; url: string }
  | { kind: 'tooBig'; name: string; size: number }
  | { kind: 'type'; name: string; type: string }
  | { kind: 'upload'; message?: string };

function typeAllowed(type: string, allowed: readonly string[]): boolean {
  return allowed.some((pattern) =>
    pattern === '*/*'
      ? true
      : pattern.endsWith('/*')
        ? type.startsWith(pattern.slice(0, -1))
        : type === pattern,
  );
}

/** A media-library path that is unique per upload and safe for the proxy's path check. */
function mediaPath(file: File): string {
  const safe =
    file.name
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^[-.]+/, '')
      .slice(0, 80) || 'file';
  return `composer/${crypto.randomUUID()}/${safe}`;
}

export function AttachmentsField({
  rule,
  value,
  onChange,
  error,
}: {
  rule: ChannelRule;
  value: Attachment[];
  onChange: (attachments: Attachment[]) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [url, setUrl] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const limits = rule.attachments;

  const upload = useMutation({
    mutationFn: (file: File) => uploadToMediaLibrary(mediaPath(file), file),
  });

  if (!limits) return null;

  const addUrl = () => {
    if (attachmentUrlProblem(url)) {
      setProblem({ kind: 'url', url });
      return;
    }
    const address = url.trim();
    const name = decodeURIComponent(new URL(address).pathname.split('/').pop() || address);
    onChange([...value, { url: address, name }]);
    setUrl('');
    setProblem(null);
  };

  const addFiles = async (files: FileList | null) => {
    for (const file of Array.from(files ?? [])) {
      if (file.size > limits.maxBytes) {
        setProblem({ kind: 'tooBig', name: file.name, size: file.size });
        continue;
      }
      if (!typeAllowed(file.type || 'application/octet-stream', limits.types)) {
        setProblem({ kind: 'type', name: file.name, type: file.type });
        continue;
      }
      try {
        const attachmentUrl = await upload.mutateAsync(file);
        onChange([
          ...value,
          { url: attachmentUrl, name: file.name, type: file.type, size: file.size },
        ]);
        setProblem(null);
      } catch (caught) {
        setProblem({
          kind: 'upload',
          message: caught instanceof ApiError ? caught.message : undefined,
        });
      }
    }
  };

  const problemText = (() => {
    switch (problem?.kind) {
      case undefined:
        return '';
      case 'url':
        return attachmentUrlProblem(problem.url) ?? t('validation.notAnAddress');
      case 'tooBig':
        return t('builders.attachments.tooBig', {
          name: problem.name,
          size: formatBytes(problem.size, t),
          channel: ruleLabel(rule),
          max: formatBytes(limits.maxBytes, t),
        });
      case 'type':
        return t('builders.attachments.wrongType', {
          name: problem.name,
          type: problem.type || t('builders.attachments.unknownType'),
          channel: ruleLabel(rule),
          types: limits.types.join(', '),
        });
      case 'upload':
        return problem.message ?? t('builders.attachments.uploadFailed');
    }
  })();
  const message = problemText || error;
  return (
    <fieldset className="space-y-2" aria-describedby={message ? `${id}-problem` : undefined}>
      <legend className="text-sm font-medium">{t('builders.attachments.legend')}</legend>
      {value.length ? (
        <ul
          aria-label={t('builders.attachments.legend')}
          className="divide-y divide-slate-200 rounded-md border border-slate-200 dark:divide-slate-700 dark:border-slate-700"
        >
          {value.map((attachment, index) => (
            <li
              key={`${attachment.url}-${index}`}
              className="flex items-center justify-between gap-2 px-3 py-1.5 text-sm"
            >
              <span className="truncate">
                <span className="font-medium">{attachment.name}</span>{' '}
                <span className="text-slate-600 dark:text-slate-400">
                  {[
                    attachment.type,
                    attachment.size !== undefined ? formatBytes(attachment.size, t) : '',
                    attachment.url.startsWith('media_library://')
                      ? t('builders.attachments.mediaLibrary')
                      : t('builders.attachments.link'),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
              </span>
              <Button
                variant="ghost"
                aria-label={t('builders.attachments.remove', { name: attachment.name })}
                onClick={() => onChange(value.filter((_, i) => i !== index))}
              >
                {t('builders.attachments.removeText')}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="flex flex-wrap items-end gap-2">
        <div className="min-w-[16rem] flex-1">
          <label htmlFor={`${id}-url`} className="text-xs text-slate-700 dark:text-slate-300">
            {t('builders.attachments.url')}
          </label>
          <input
            id={`${id}-url`}
            type="url"
            className={lineInputClass}
            placeholder="https://example.de/preisliste.pdf"
            value={url}
            aria-invalid={problem ? true : undefined}
            onChange={(event) => setUrl(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey) {
                event.preventDefault();
                addUrl();
              }
            }}
          />
        </div>
        <Button onClick={addUrl}>{t('builders.attachments.addLink')}</Button>
        <label className="inline-flex cursor-pointer items-center rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100 focus-within:ring-2 focus-within:ring-teal-600 dark:border-slate-600 dark:bg-slate-800">
          {upload.isPending
            ? t('builders.attachments.uploading')
            : t('builders.attachments.upload')}
          <input
            type="file"
            className="sr-only"
            multiple
            onChange={(event) => {
              void addFiles(event.target.files);
              event.target.value = '';
            }}
          />
        </label>
      </div>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        {limits.types.includes('*/*')
          ? t('builders.attachments.limit', { size: formatBytes(limits.maxBytes, t) })
          : t('builders.attachments.limitTypes', {
              size: formatBytes(limits.maxBytes, t),
              types: limits.types.join(', '),
            })}
      </p>
      <FieldError id={`${id}-problem`} message={message} />
    </fieldset>
  );
}
