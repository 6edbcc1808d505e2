import { describe, expect, it } from 'vitest';
import { typingStats, type TypingStats } from '../bench/browser';
import { BUDGETS, missedBudgets, type Results } from '../bench/budgets';

/**
 * What `npm run bench -- --check` decides from the figures (the timings themselves stay out of
 * tests: see README, Performance), and how a run's keystrokes become its p95 and lab INP.
 */

const stats = (p95Ms: number, inpMs = p95Ms): TypingStats => ({
  keystrokes: 60,
  p50Ms: p95Ms / 2,
  p95Ms,
  maxMs: p95Ms,
  queuedP50Ms: p95Ms / 2,
  queuedP95Ms: p95Ms,
  inpMs,
  eventTimingEntries: 0,
});

/** Every figure exactly at its budget: the check lets a figure equal to its budget pass. */
function atBudget(): Results {
  const byCount = () =>
    Object.fromEntries(
      ['0', '1000', '10000'].map((count) => [
        count,
        {
          '1x': stats(BUDGETS.typing.p95At1xMs),
          '4x': stats(BUDGETS.typing.p95At4xMs, BUDGETS.typing.inpAt4xMs),
        },
      ]),
    );
  return {
    bundle: {
      ...BUDGETS.bundle,
      files: [],
      chunkSizeWarning: false,
    } as unknown as Results['bundle'],
    typing: {
      floor: { '1x': stats(8), '4x': stats(22) },
      fields: { subject: byCount(), html: byCount(), recipient: byCount(), text: byCount() },
    },
    recipients: {
      paste10kMs: BUDGETS.recipients.paste10kAt1xMs,
      pasteCpuRate: 1,
      firstRender10kMs: BUDGETS.recipients.firstRender10kAt4xMs,
      firstRenderCpuRate: 4,
    },
    validation: {
      recipients: 10_000,
      htmlBytes: 100_000,
      largestPayloadParseMs: BUDGETS.validation.largestPayloadParseMs,
      formValidationMs: 3,
      runs: 15,
    },
    lighthouse: {
      performanceMobile: BUDGETS.lighthouse.performanceMobile,
      performanceDesktop: BUDGETS.lighthouse.performanceDesktop,
      accessibility: BUDGETS.lighthouse.accessibility,
      bestPractices: BUDGETS.lighthouse.bestPractices,
    } as Results['lighthouse'],
  };
}

describe('npm run bench -- --check', () => {
  it('passes figures that meet every budget, including figures equal to it', () => {
    expect(missedBudgets(atBudget())).toEqual([]);
  });

  it('names each missed budget with the field, the recipient count, the figure and the budget', () => {
    const results = atBudget();
    const html = results.typing?.fields.html?.['1000'];
    if (!html) throw new Error('no html figures');
    html['1x'] = stats(16.1);
    if (results.recipients) results.recipients.firstRender10kMs = 1088;
    if (results.lighthouse) results.lighthouse.performanceMobile = 94;
    expect(missedBudgets(results)).toEqual([
      'typing html with 1000 recipients p95 at 1x: 16.1 ms > 16 ms',
      'first render with 10,000 recipients at 4x: 1088 ms > 1000 ms',
      'Lighthouse performance (mobile): 94 < 95',
    ]);
  });

  it('counts a figure that was not measured as missed, not as met', () => {
    const results = atBudget();
    const subject = results.typing?.fields.subject?.['0'];
    if (!subject) throw new Error('no subject figures');
    delete subject['4x'];
    expect(missedBudgets(results)).toEqual([
      'typing subject with 0 recipients p95 at 4x: not measured',
      'typing subject with 0 recipients INP at 4x: not measured',
    ]);
  });
});

describe('typingStats', () => {
  const probes = Array.from({ length: 60 }, (_, i) => 60 - i);
  const queued = probes.map((ms) => ms + 10);

  it('gives the p50 and p95 of the frame probe and of the normal task beside it', () => {
    const result = typingStats(probes, queued, []);
    expect(result).toMatchObject({
      keystrokes: 60,
      p50Ms: 30,
      p95Ms: 57,
      queuedP50Ms: 40,
      queuedP95Ms: 67,
      maxMs: 60,
    });
  });

  it('takes lab INP by the INP rule (one highest ignored per 50) over the probe and Event Timing', () => {
    // The probe alone: 60 keys, so the worst (60) is ignored and 59 counts.
    expect(typingStats(probes, queued, []).inpMs).toBe(59);
    // Event Timing saw a slower interaction than any probe: with two entries none is ignored.
    expect(typingStats(probes, queued, [80, 90]).inpMs).toBe(90);
  });
});
