/**
 * Parsing the largest payload with the shared contract: 10,000 recipients and 100 KB of HTML,
 * through `SendMessageRequestSchema` (what the proxy and the sandbox check) and through the
 * form's whole check (`validateCompose`: the contract plus the channel rules and each field).
 * Median of several runs after a warm-up, in milliseconds.
 */
import { performance } from 'node:perf_hooks';
import { SendMessageRequestSchema } from '../schemas/send-message';
import { SEED } from '../server/sandbox/seed';
import { validateCompose } from '../src/features/compose/form-check';
import { emptyCompose, toSendMessageRequest } from '../src/features/compose/form-model';
import { makeChip } from '../src/features/compose/recipients';

export interface ValidationResult {
  recipients: number;
  htmlBytes: number;
  /** SendMessageRequestSchema.safeParse of the request, median ms. */
  largestPayloadParseMs: number;
  /** The form's check of the same message (contract included), median ms. */
  formValidationMs: number;
  runs: number;
}

const median = (values: number[]) =>
  values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

function time(run: () => void, warmup = 5, runs = 15): number {
  for (let i = 0; i < warmup; i++) run();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  return Math.round(median(samples) * 100) / 100;
}

export function largestCompose() {
  const channel = {
    id: SEED.channels.email,
    type: 'email' as const,
    name: 'Bench',
    handle: 'bench@example.de',
    status: 'active' as const,
    active: true,
  };
  const paragraph =
    '<p>Guten Tag, <strong>hier</strong> ist das <a href="https://example.de">Angebot</a>.</p>';
  const html = paragraph.repeat(Math.ceil(100_000 / paragraph.length)).slice(0, 100_000 - 4);
  const values = {
    ...emptyCompose('DE', channel.id),
    to: Array.from({ length: 10_000 }, (_, i) => makeChip(`kunde${i}@example.de`, 'email', 'DE')),
    subject: 'Ihr Angebot',
    html: `${html.slice(0, html.lastIndexOf('</p>') + 4)}`,
    text: 'Guten Tag, hier ist das Angebot.',
  };
  return { channel, values, request: toSendMessageRequest(values, channel) };
}

export function runValidation(): ValidationResult {
  const { channel, values, request } = largestCompose();
  const parsed = SendMessageRequestSchema.safeParse(request);
  if (!parsed.success) throw new Error(`the bench payload does not pass: ${parsed.error.message}`);
  return {
    recipients: request.to?.length ?? 0,
    htmlBytes: Buffer.byteLength(request.html ?? ''),
    largestPayloadParseMs: time(() => SendMessageRequestSchema.safeParse(request)),
    formValidationMs: time(() => validateCompose(values, channel)),
    runs: 15,
  };
}
