/**
 * Lighthouse 12 against the running server, mobile (its default: simulated slow 4G and 4x CPU)
 * and desktop presets; the four scores of each, 0 to 100. Chromium comes from CHROME_PATH
 * (default /usr/bin/chromium), launched headless by chrome-launcher.
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tooling/chromium';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';

export interface LighthouseScores {
  performance: number;
  accessibility: number;
  bestPractices: number;
  /** Lab metrics of the run, for context. */
  metrics: Record<string, number>;
  /** Audits that did not score 1 in the categories above, by id. */
  failing: string[];
}

export interface LighthouseResult {
  mobile: LighthouseScores;
  desktop: LighthouseScores;
  performanceMobile: number;
  performanceDesktop: number;
  accessibility: number;
  bestPractices: number;
}

const CATEGORIES = ['performance', 'accessibility', 'best-practices'];

async function audit(url: string, preset: 'mobile' | 'desktop'): Promise<LighthouseScores> {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH ?? CHROMIUM_PATH,
    chromeFlags: CHROMIUM_ARGS,
  });
  try {
    const result = await lighthouse(
      url,
      { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES },
      preset === 'desktop' ? desktopConfig : undefined,
    );
    if (!result) throw new Error('Lighthouse returned no result');
    const { lhr } = result;
    const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
    const failing = CATEGORIES.flatMap((id) =>
      (lhr.categories[id]?.auditRefs ?? [])
        .filter((ref) => ref.weight > 0 || id !== 'performance')
        .map((ref) => lhr.audits[ref.id])
        .filter((a) => a && a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative')
        .map((a) => `${id}:${a?.id}`),
    );
    const metric = (id: string) => Math.round(lhr.audits[id]?.numericValue ?? NaN);
    return {
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      metrics: {
        firstContentfulPaintMs: metric('first-contentful-paint'),
        largestContentfulPaintMs: metric('largest-contentful-paint'),
        totalBlockingTimeMs: metric('total-blocking-time'),
        cumulativeLayoutShift: lhr.audits['cumulative-layout-shift']?.numericValue ?? NaN,
        speedIndexMs: metric('speed-index'),
      },
      failing,
    };
  } finally {
    chrome.kill();
  }
}

export async function runLighthouse(url: string): Promise<LighthouseResult> {
  const mobile = await audit(url, 'mobile');
  const desktop = await audit(url, 'desktop');
  return {
    mobile,
    desktop,
    performanceMobile: mobile.performance,
    performanceDesktop: desktop.performance,
    accessibility: Math.min(mobile.accessibility, desktop.accessibility),
    bestPractices: Math.min(mobile.bestPractices, desktop.bestPractices),
  };
}
