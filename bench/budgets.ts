/**
 * The budgets of issue #8 and the check `npm run bench -- --check` makes: what the results miss,
 * in words. Apart from bench/index.ts (which runs every benchmark when imported) so that the
 * check can be tested.
 */
import type { RecipientsResult, TypingResult } from './browser';
import { BUNDLE_BUDGETS, type buildAndMeasure } from './bundle-size';
import type { LighthouseResult } from './lighthouse';
import type { ValidationResult } from './validation';

export const BUDGETS = {
  bundle: BUNDLE_BUDGETS,
  typing: { p95At1xMs: 16, p95At4xMs: 40, inpAt4xMs: 100 },
  recipients: { firstRender10kAt4xMs: 1000, paste10kAt1xMs: 1000 },
  validation: { largestPayloadParseMs: 5 },
  lighthouse: {
    performanceMobile: 95,
    performanceDesktop: 100,
    accessibility: 100,
    bestPractices: 100,
  },
} as const;

export interface Results {
  generatedAt?: string;
  machine?: { cpus: number; loadAverage1m: number; node: string };
  bundle?:
    | Awaited<ReturnType<typeof buildAndMeasure>>
    | Omit<Awaited<ReturnType<typeof buildAndMeasure>>, 'warnings'>;
  typing?: TypingResult;
  recipients?: RecipientsResult;
  validation?: ValidationResult;
  proxy?: unknown;
  lighthouse?: LighthouseResult;
}

/** Every budget that the results miss, in words; empty when all are met. */
export function missedBudgets(results: Results): string[] {
  const missed: string[] = [];
  const atMost = (name: string, value: number | undefined, limit: number, unit: string) => {
    if (value === undefined || Number.isNaN(value)) missed.push(`${name}: not measured`);
    else if (value > limit) missed.push(`${name}: ${value} ${unit} > ${limit} ${unit}`);
  };
  const atLeast = (name: string, value: number | undefined, limit: number) => {
    if (value === undefined || Number.isNaN(value)) missed.push(`${name}: not measured`);
    else if (value < limit) missed.push(`${name}: ${value} < ${limit}`);
  };
  const { bundle, typing, recipients, validation, lighthouse } = results;
  if (bundle) {
    atMost('bundle first-load JS', bundle.initialGzipKiB, BUDGETS.bundle.initialGzipKiB, 'KiB');
    atMost('bundle all JS', bundle.totalGzipKiB, BUDGETS.bundle.totalGzipKiB, 'KiB');
    atMost('bundle CSS', bundle.cssGzipKiB, BUDGETS.bundle.cssGzipKiB, 'KiB');
    if (bundle.chunkSizeWarning) missed.push('bundle: Vite printed a chunk-size warning');
  }
  if (typing) {
    for (const [field, byCount] of Object.entries(typing.fields)) {
      for (const [count, byRate] of Object.entries(byCount)) {
        const at1 = byRate['1x'];
        const at4 = byRate['4x'];
        const name = `typing ${field} with ${count} recipients`;
        atMost(`${name} p95 at 1x`, at1?.p95Ms, BUDGETS.typing.p95At1xMs, 'ms');
        atMost(`${name} p95 at 4x`, at4?.p95Ms, BUDGETS.typing.p95At4xMs, 'ms');
        atMost(`${name} INP at 4x`, at4?.inpMs, BUDGETS.typing.inpAt4xMs, 'ms');
      }
    }
  }
  if (recipients) {
    atMost(
      'first render with 10,000 recipients at 4x',
      recipients.firstRender10kMs,
      BUDGETS.recipients.firstRender10kAt4xMs,
      'ms',
    );
    atMost(
      'paste of 10,000 addresses at 1x',
      recipients.paste10kMs,
      BUDGETS.recipients.paste10kAt1xMs,
      'ms',
    );
  }
  if (validation) {
    atMost(
      'largest payload parse',
      validation.largestPayloadParseMs,
      BUDGETS.validation.largestPayloadParseMs,
      'ms',
    );
  }
  if (lighthouse) {
    atLeast(
      'Lighthouse performance (mobile)',
      lighthouse.performanceMobile,
      BUDGETS.lighthouse.performanceMobile,
    );
    atLeast(
      'Lighthouse performance (desktop)',
      lighthouse.performanceDesktop,
      BUDGETS.lighthouse.performanceDesktop,
    );
    atLeast('Lighthouse accessibility', lighthouse.accessibility, BUDGETS.lighthouse.accessibility);
    atLeast(
      'Lighthouse best practices',
      lighthouse.bestPractices,
      BUDGETS.lighthouse.bestPractices,
    );
  }
  return missed;
}
