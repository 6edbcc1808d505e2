/**
 * Browser benchmarks in Chromium through Playwright: keystroke latency per field and recipient
 * count at 1x and 4x CPU (Chrome DevTools Protocol `Emulation.setCPUThrottlingRate`), a bare
 * textarea page as the floor in the same run, and the time to paste 10,000 addresses and to
 * render a draft with 10,000 recipients.
 *
 * Keystroke latency: a capture `keydown` listener takes the event's timestamp (when the browser
 * received the key) and measures to the next frame: a requestAnimationFrame callback, then a
 * user-blocking task posted from it (`scheduler.postTask`), the first to run once that frame's
 * rendering update is done. A normal task posted beside it is recorded too (`queued*`): it
 * runs after whatever normal tasks were queued before it, such as Chromium's autofill reading
 * the whole form after each change, which run after the frame and do not delay it. Event Timing entries
 * (PerformanceObserver type "event", durationThreshold 16) are collected as well; they do not
 * see interactions under 16 ms, which is why the probe is there. Lab INP is the INP rule
 * (the worst interaction, ignoring one per 50) over the larger of the two per run.
 */
import {
  chromium,
  type Browser,
  type BrowserContext,
  type CDPSession,
  type Page,
} from 'playwright-core';
import { SEED } from '../server/sandbox/seed';
import { CHROMIUM_ARGS, CHROMIUM_PATH as CHROMIUM } from '../tooling/chromium';

export const RECIPIENT_COUNTS = [0, 1000, 10000] as const;
export const CPU_RATES = [1, 4] as const;
export type Field = 'subject' | 'text' | 'html' | 'recipient';
export const FIELDS: Field[] = ['subject', 'text', 'html', 'recipient'];
const KEYSTROKES = Number(process.env.BENCH_KEYSTROKES ?? 60);
/** Pause between keys after the frame: a fast typist, ~12 keys a second at 1x. */
const GAP_MS = 40;

export interface TypingStats {
  keystrokes: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /**
   * The same keys to a normal task posted from the frame's requestAnimationFrame callback, which
   * also waits for the tasks queued ahead of it after the frame was produced (the measure up to
   * and including ab7ee2f).
   */
  queuedP50Ms: number;
  queuedP95Ms: number;
  /** Lab INP: the INP rule over max(probe, Event Timing) per interaction. */
  inpMs: number;
  /** Interactions that Event Timing reported (only those of 16 ms or more). */
  eventTimingEntries: number;
  /** p95 divided by the floor's p95 at the same CPU rate. */
  ratioToFloor?: number;
}

export interface TypingResult {
  floor: Record<string, TypingStats>;
  /** fields[field][recipients][`${rate}x`] */
  fields: Record<string, Record<string, Record<string, TypingStats>>>;
}

export interface RecipientsResult {
  /** Paste of 10,000 addresses into To, from the paste event to the chips and "+N more" shown. */
  paste10kMs: number;
  pasteCpuRate: 1;
  /** Reload with a saved draft of 10,000 recipients at 4x CPU: navigation start to chips shown. */
  firstRender10kMs: number;
  firstRenderCpuRate: 4;
}

const PROBE = () => {
  const bench = {
    probes: [] as number[],
    queued: [] as number[],
    events: new Map<number, number>(),
    /** Resolved once both measures of `count` keys are in; the harness waits without polling. */
    whenProbes(count: number): Promise<void> {
      if (Math.min(bench.probes.length, bench.queued.length) >= count) return Promise.resolve();
      return new Promise<void>((done) => bench.waiting.push({ count, done }));
    },
    waiting: [] as { count: number; done: () => void }[],
    settle() {
      const have = Math.min(bench.probes.length, bench.queued.length);
      bench.waiting = bench.waiting.filter((w) => (w.count <= have ? (w.done(), false) : true));
    },
  };
  (window as unknown as { __bench: typeof bench }).__bench = bench;
  const { scheduler } = globalThis as unknown as {
    scheduler?: { postTask(task: () => void, options: { priority: string }): Promise<void> };
  };
  addEventListener(
    'keydown',
    (event) => {
      const start = event.timeStamp;
      requestAnimationFrame(() => {
        const frameDone = () => {
          bench.probes.push(performance.now() - start);
          bench.settle();
        };
        // The first task after this frame's rendering update: a user-blocking task goes ahead
        // of the normal tasks already queued, which do not hold the frame back.
        if (scheduler) void scheduler.postTask(frameDone, { priority: 'user-blocking' });
        // A normal task also waits for the tasks queued before it (for one, the browser's
        // autofill reading the form after each change), run after the frame was produced.
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          if (!scheduler) frameDone();
          bench.queued.push(performance.now() - start);
          bench.settle();
        };
        channel.port2.postMessage(0);
      });
    },
    true,
  );
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as PerformanceEventTiming[]) {
        // Keys only: the click that focused the field is not a keystroke.
        if (!entry.interactionId || !entry.name.startsWith('key')) continue;
        bench.events.set(
          entry.interactionId,
          Math.max(bench.events.get(entry.interactionId) ?? 0, entry.duration),
        );
      }
    }).observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit);
  } catch {
    // No Event Timing: the probe alone.
  }
  return bench;
};

type BenchProbe = ReturnType<typeof PROBE>;

const round = (n: number) => Math.round(n * 10) / 10;

function quantile(sorted: number[], q: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] as number;
}

/** INP: the worst interaction, ignoring the highest one per 50 interactions. */
export function inp(values: number[]): number {
  const sorted = values.slice().sort((a, b) => b - a);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length / 50))] ?? 0;
}

export function typingStats(probes: number[], queued: number[], events: number[]): TypingStats {
  const sorted = probes.slice().sort((a, b) => a - b);
  const queuedSorted = queued.slice().sort((a, b) => a - b);
  // Event Timing groups keydown, keypress and input of one key into one interaction.
  const worst = Math.max(inp(probes), inp(events));
  return {
    keystrokes: probes.length,
    p50Ms: round(quantile(sorted, 0.5)),
    p95Ms: round(quantile(sorted, 0.95)),
    queuedP50Ms: round(quantile(queuedSorted, 0.5)),
    queuedP95Ms: round(quantile(queuedSorted, 0.95)),
    maxMs: round(sorted[sorted.length - 1] ?? NaN),
    inpMs: round(worst),
    eventTimingEntries: events.length,
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

const VIEWPORT = { width: 1280, height: 900 };
/**
 * Headless Chromium's window holds a bar of its own above the page, and the window is as tall
 * as the emulated viewport: the bottom of the viewport (some 90 px) lies outside the window.
 * What a key changes there is drawn but never shown until something else on screen changes,
 * and Event Timing counts that wait as the key's duration (hundreds of ms for a field near
 * the bottom). The window is made taller than the viewport, so all of it is on screen, as in
 * a browser on a desk.
 */
const WINDOW_EXTRA_HEIGHT = 200;

async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'en-US', viewport: VIEWPORT });
  // tsx compiles with keepNames, whose `__name` helper must exist in the page too.
  await context.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
  await context.addInitScript(PROBE);
  const page = await context.newPage();
  const cdp = await session(page);
  const { windowId } = await cdp.send('Browser.getWindowForTarget');
  await cdp.send('Browser.setWindowBounds', {
    windowId,
    bounds: { height: VIEWPORT.height + WINDOW_EXTRA_HEIGHT },
  });
  const inner = await page.evaluate(() => [innerWidth, innerHeight]);
  if (inner[0] !== VIEWPORT.width || inner[1] !== VIEWPORT.height)
    throw new Error(`the page's viewport is ${inner.join('x')}, not the emulated one`);
  return { context, page };
}

// One CDP session per page, kept open: emulation ends when its session detaches.
const sessions = new WeakMap<Page, CDPSession>();

async function session(page: Page): Promise<CDPSession> {
  let cdp = sessions.get(page);
  if (!cdp) {
    cdp = await page.context().newCDPSession(page);
    sessions.set(page, cdp);
  }
  return cdp;
}

async function setCpuRate(page: Page, rate: number) {
  await (await session(page)).send('Emulation.setCPUThrottlingRate', { rate });
}

const TEXT = 'Guten Tag, hier ist das Angebot fuer Ihr neues Auto und die Wartung ';
const ADDRESS_TEXT = 'neuerkontaktfuerdasangebotautohausmuellerwartungsvertrag';

/** Types `count` keys one at a time, each after the previous one's frame, and measures. */
async function typeAndMeasure(page: Page, text: string, count = KEYSTROKES) {
  await page.evaluate(() => {
    const bench = (window as unknown as { __bench: BenchProbe }).__bench;
    bench.probes.length = 0;
    bench.queued.length = 0;
    bench.events.clear();
  });
  for (let i = 0; i < count; i++) {
    await page.keyboard.type(text[i % text.length] as string);
    // The page resolves the wait itself: no polling on the main thread being measured.
    await page.evaluate(
      async ([target, gap]) => {
        const bench = (window as unknown as { __bench: BenchProbe }).__bench;
        await bench.whenProbes(target);
        await new Promise((done) => setTimeout(done, gap));
      },
      [i + 1, GAP_MS] as const,
    );
  }
  // Event Timing entries arrive after the frame; give the last ones a moment.
  await page.waitForTimeout(300);
  const { probes, queued, events } = await page.evaluate(() => {
    const bench = (window as unknown as { __bench: BenchProbe }).__bench;
    return {
      probes: bench.probes.slice(),
      queued: bench.queued.slice(),
      events: [...bench.events.values()],
    };
  });
  return typingStats(probes, queued, events);
}

function addresses(kind: 'email' | 'phone', count: number): string {
  return Array.from({ length: count }, (_, i) =>
    kind === 'email' ? `kunde${i}@example.de` : `+49151${10_000_000 + i}`,
  ).join('\n');
}

/** Pastes into the To box as a clipboard event, like a user's Ctrl+V; ms until chips show. */
async function pasteRecipients(page: Page, text: string, count: number): Promise<number> {
  const input = page.getByRole('combobox', { name: 'To', exact: true });
  await input.focus();
  return page.evaluate(
    async ([pasted, expected]) => {
      // The app groups digits for the page's language (English here): "+9,960 more".
      const more = expected > 40 ? `+${(expected - 40).toLocaleString('en-US')} more` : null;
      const shown = () => {
        const status = document.getElementById('recipients-to-status')?.textContent ?? '';
        if (!status.startsWith(`${expected.toLocaleString('en-US')} recipient`)) return false;
        if (!more) return true;
        return [...document.querySelectorAll('button')].some((b) => b.textContent === more);
      };
      const start = performance.now();
      const data = new DataTransfer();
      data.setData('text/plain', pasted);
      document.activeElement?.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
      await new Promise<void>((done) => {
        const check = () => (shown() ? done() : requestAnimationFrame(check));
        check();
      });
      // Until the frame with the chips has been produced.
      await new Promise<void>((done) =>
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => done();
          channel.port2.postMessage(0);
        }),
      );
      return performance.now() - start;
    },
    [text, count] as const,
  );
}

async function pickChannel(page: Page, channelId: string) {
  await page.getByLabel('From').selectOption(channelId);
  await page.getByRole('combobox', { name: 'To', exact: true }).waitFor();
}

async function focusField(page: Page, field: Field) {
  switch (field) {
    case 'subject':
      return page.getByLabel('Subject').click();
    case 'text':
      return page.getByRole('textbox', { name: 'Message', exact: true }).click();
    case 'html':
      return page.getByRole('textbox', { name: 'Message', exact: true }).click();
    case 'recipient':
      return page.getByRole('combobox', { name: 'To', exact: true }).click();
  }
}

export async function runFloor(browser: Browser, floorUrl: string, rate: number) {
  const { context, page } = await newPage(browser);
  await page.goto(floorUrl);
  await setCpuRate(page, rate);
  await page.locator('#floor').click();
  await typeAndMeasure(page, TEXT, 5); // warm-up
  const stats = await typeAndMeasure(page, TEXT);
  await context.close();
  return stats;
}

/**
 * One page per channel and recipient count: email for subject, the HTML editor and the To box;
 * SMS for the text body (its counter and segment preview run on every key).
 */
export async function runTyping(
  browser: Browser,
  appUrl: string,
  floorUrl: string,
  log: (line: string) => void,
  fields: Field[] = FIELDS,
): Promise<TypingResult> {
  const result: TypingResult = { floor: {}, fields: {} };
  for (const rate of CPU_RATES) result.floor[`${rate}x`] = await runFloor(browser, floorUrl, rate);
  log(`floor: ${CPU_RATES.map((r) => `${r}x p95 ${result.floor[`${r}x`]?.p95Ms} ms`).join(', ')}`);
  const groups: { channel: string; kind: 'email' | 'phone'; fields: Field[] }[] = [
    { channel: SEED.channels.email, kind: 'email', fields: ['subject', 'html', 'recipient'] },
    { channel: SEED.channels.sms, kind: 'phone', fields: ['text'] },
  ];
  for (const group of groups) {
    const wanted = group.fields.filter((f) => fields.includes(f));
    if (!wanted.length) continue;
    for (const count of RECIPIENT_COUNTS) {
      const { context, page } = await newPage(browser);
      await page.goto(appUrl);
      await pickChannel(page, group.channel);
      if (count) await pasteRecipients(page, addresses(group.kind, count), count);
      for (const rate of CPU_RATES) {
        await setCpuRate(page, rate);
        for (const field of wanted) {
          await focusField(page, field);
          await typeAndMeasure(page, field === 'recipient' ? ADDRESS_TEXT : TEXT, 5); // warm-up
          const stats = typeAndMeasure(page, field === 'recipient' ? ADDRESS_TEXT : TEXT);
          const measured = await stats;
          const floor = result.floor[`${rate}x`];
          if (floor?.p95Ms) measured.ratioToFloor = round(measured.p95Ms / floor.p95Ms);
          ((result.fields[field] ??= {})[String(count)] ??= {})[`${rate}x`] = measured;
          log(
            `${field} with ${count} recipients at ${rate}x: p50 ${measured.p50Ms} ms, p95 ${measured.p95Ms} ms, INP ${measured.inpMs} ms`,
          );
          if (field === 'recipient') {
            // Leave no half-typed address behind for the next run.
            await page.keyboard.press('Control+A');
            await page.keyboard.press('Delete');
          }
        }
      }
      await context.close();
    }
  }
  return result;
}

export async function runRecipients(
  browser: Browser,
  appUrl: string,
  log: (line: string) => void,
): Promise<RecipientsResult> {
  const { context, page } = await newPage(browser);
  await page.goto(appUrl);
  await pickChannel(page, SEED.channels.email);
  const paste10kMs = round(await pasteRecipients(page, addresses('email', 10_000), 10_000));
  log(`paste of 10,000 addresses at 1x: ${paste10kMs} ms`);
  // The draft is saved half a second after the last change.
  await page.getByText(/^Draft saved/).waitFor({ timeout: 30_000 });
  await setCpuRate(page, 4);
  await page.addInitScript(() => {
    const seen = () =>
      [...document.querySelectorAll('button')].some((b) => b.textContent === '+9,960 more');
    const observer = new MutationObserver(() => {
      if (!seen()) return;
      observer.disconnect();
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () =>
          ((window as unknown as { __firstChips: number }).__firstChips = performance.now());
        channel.port2.postMessage(0);
      });
    });
    observer.observe(document, { childList: true, subtree: true, characterData: true });
  });
  await page.reload();
  await page.waitForFunction(() => (window as unknown as { __firstChips?: number }).__firstChips, {
    timeout: 60_000,
  });
  const firstRender10kMs = round(
    await page.evaluate(() => (window as unknown as { __firstChips: number }).__firstChips),
  );
  log(`first render with 10,000 recipients at 4x (from navigation start): ${firstRender10kMs} ms`);
  await context.close();
  return { paste10kMs, pasteCpuRate: 1, firstRender10kMs, firstRenderCpuRate: 4 };
}
