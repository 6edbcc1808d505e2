import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { ChannelRule } from '../../../schemas/channel-rules';
import { ApiError } from '../../api/client';
import { uploadToMediaLibrary } from '../../api/media';
import { Button } from '../../components/button';
import { inputClass, FieldError } from '../../components/field';
import { AttachmentUrlSchema, type Attachment } from './form-model';

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

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
  const id = useId();
  const [url, setUrl] = useState('');
  const [problem, setProblem] = useState('');
  const limits = rule.attachments;

  const upload = useMutation({
    mutationFn: (file: File) => uploadToMediaLibrary(mediaPath(file), file),
  });

  if (!limits) return null;

  const addUrl = () => {
    const parsed = AttachmentUrlSchema.safeParse(url);
    if (!parsed.success) {
      setProblem(parsed.error.issues[0]?.message ?? 'Not a valid address');
      return;
    }
    const name = decodeURIComponent(new URL(parsed.data).pathname.split('/').pop() || parsed.data);
    onChange([...value, { url: parsed.data, name }]);
    setUrl('');
    setProblem('');
  };

  const addFiles = async (files: FileList | null) => {
    for (const file of Array.from(files ?? [])) {
      if (file.size > limits.maxBytes) {
        setProblem(
          `${file.name} is ${formatBytes(file.size)}; ${rule.label} allows ${formatBytes(limits.maxBytes)}`,
        );
        continue;
      }
      if (!typeAllowed(file.type || 'application/octet-stream', limits.types)) {
        setProblem(
          `${file.name} (${file.type || 'unknown type'}) cannot be sent on ${rule.label}: ${limits.types.join(', ')}`,
        );
        continue;
      }
      try {
        const attachmentUrl = await upload.mutateAsync(file);
        onChange([
          ...value,
          { url: attachmentUrl, name: file.name, type: file.type, size: file.size },
        ]);
        setProblem('');
      } catch (caught) {
        setProblem(caught instanceof ApiError ? caught.message : 'The upload failed.');
      }
    }
  };

  const message = problem || error;
  return (
    <fieldset className="space-y-2" aria-describedby={message ? `${id}-problem` : undefined}>
      <legend className="text-sm font-medium">Attachments</legend>
      {value.length ? (
        <ul
          aria-label="Attachments"
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
                    attachment.size !== undefined ? formatBytes(attachment.size) : '',
                    attachment.url.startsWith('media_library://') ? 'media library' : 'link',
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
              </span>
              <Button
                variant="ghost"
                aria-label={`Remove attachment ${attachment.name}`}
                onClick={() => onChange(value.filter((_, i) => i !== index))}
              >
                Remove
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="flex flex-wrap items-end gap-2">
        <div className="min-w-[16rem] flex-1">
          <label htmlFor={`${id}-url`} className="text-xs text-slate-700 dark:text-slate-300">
            Attachment URL
          </label>
          <input
            id={`${id}-url`}
            type="url"
            className={inputClass}
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
        <Button onClick={addUrl}>Add link</Button>
        <label className="inline-flex cursor-pointer items-center rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-100 focus-within:ring-2 focus-within:ring-teal-600 dark:border-slate-600 dark:bg-slate-800">
          {upload.isPending ? 'Uploading…' : 'Upload file'}
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
        Up to {formatBytes(limits.maxBytes)} per file
        {limits.types.includes('*/*') ? '' : `; ${limits.types.join(', ')}`}.
      </p>
      <FieldError id={`${id}-problem`} message={message} />
    </fieldset>
  );
}
