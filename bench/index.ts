/**
 * `npm run bench`: every benchmark of the app, a readable summary, and
 * bench/results/latest.json. `npm run bench -- --check` exits 1 listing each missed budget.
 * `--only bundle,typing,recipients,validation,lighthouse,proxy` runs a subset (the other keys
 * are kept from the previous latest.json); `--fields subject,text` narrows the typing runs.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  CPU_RATES,
  FIELDS,
  launchBrowser,
  RECIPIENT_COUNTS,
  runRecipients,
  runTyping,
  type Field,
} from './browser';
import { missedBudgets, type Results } from './budgets';
import { buildAndMeasure, ROOT } from './bundle-size';
import { runLighthouse } from './lighthouse';
import { startAppServer, startFloorServer } from './servers';
import { runValidation } from './validation';

const SUITES = ['bundle', 'typing', 'recipients', 'validation', 'lighthouse', 'proxy'] as const;
type Suite = (typeof SUITES)[number];

const RESULTS_DIR = resolve(ROOT, 'bench/results');
const LATEST = resolve(RESULTS_DIR, 'latest.json');

function summary(results: Results): string {
  const lines: string[] = [];
  const { bundle, typing, recipients, validation, lighthouse } = results;
  if (bundle) {
    lines.push(
      `Bundle: first load ${bundle.initialGzipKiB} KiB, all JS ${bundle.totalGzipKiB} KiB, CSS ${bundle.cssGzipKiB} KiB (gzip), chunk-size warning: ${bundle.chunkSizeWarning ? 'yes' : 'no'}`,
    );
  }
  if (typing) {
    lines.push(
      `Typing, keystroke to next frame (p50 / p95 / INP, ms; [p95 to a normal task after the frame]); floor (bare textarea): ${CPU_RATES.map((r) => `${r}x ${typing.floor[`${r}x`]?.p50Ms} / ${typing.floor[`${r}x`]?.p95Ms} / ${typing.floor[`${r}x`]?.inpMs} [${typing.floor[`${r}x`]?.queuedP95Ms}]`).join(', ')}`,
    );
    for (const [field, byCount] of Object.entries(typing.fields)) {
      for (const [count, byRate] of Object.entries(byCount)) {
        lines.push(
          `  ${field.padEnd(9)} ${count.padStart(5)} recipients: ${CPU_RATES.map((r) => {
            const s = byRate[`${r}x`];
            return s
              ? `${r}x ${s.p50Ms} / ${s.p95Ms} / ${s.inpMs} [${s.queuedP95Ms}] (x${s.ratioToFloor ?? '?'} floor)`
              : `${r}x -`;
          }).join('   ')}`,
        );
      }
    }
  }
  if (recipients) {
    lines.push(
      `Recipients: paste 10,000 at 1x ${recipients.paste10kMs} ms; first render with 10,000 at 4x ${recipients.firstRender10kMs} ms`,
    );
  }
  if (validation) {
    lines.push(
      `Validation (${validation.recipients} recipients, ${Math.round(validation.htmlBytes / 1000)} KB HTML): contract parse ${validation.largestPayloadParseMs} ms, form check ${validation.formValidationMs} ms`,
    );
  }
  if (lighthouse) {
    lines.push(
      `Lighthouse: performance mobile ${lighthouse.performanceMobile}, desktop ${lighthouse.performanceDesktop}; accessibility ${lighthouse.accessibility}; best practices ${lighthouse.bestPractices}`,
    );
  }
  if (results.proxy) {
    const proxy = results.proxy as {
      proxyVsBareThroughputPaired?: number;
      proxyVsBareThroughput?: number;
      proxyAddedP50Ms?: number;
    };
    lines.push(
      `Proxy: throughput vs a bare node:http proxy ${proxy.proxyVsBareThroughputPaired} (median of paired turns; ${proxy.proxyVsBareThroughput} from the rounds' medians), added p50 (one request at a time) ${proxy.proxyAddedP50Ms} ms`,
    );
  }
  return lines.join('\n');
}

function runProxyBench(): unknown {
  const run = spawnSync(
    process.execPath,
    [resolve(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'bench/proxy.ts'],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  if (run.status !== 0) throw new Error('bench/proxy.ts failed');
  return JSON.parse(readFileSync(resolve(RESULTS_DIR, 'proxy.json'), 'utf8'));
}

async function main() {
  const { values } = parseArgs({
    options: {
      check: { type: 'boolean', default: false },
      only: { type: 'string' },
      fields: { type: 'string' },
    },
  });
  const only = values.only ? (values.only.split(',') as Suite[]) : [...SUITES];
  for (const suite of only) {
    if (!SUITES.includes(suite))
      throw new Error(`--only: unknown ${suite}; one of ${SUITES.join(', ')}`);
  }
  const fields = values.fields ? (values.fields.split(',') as Field[]) : FIELDS;
  const log = (line: string) => console.error(`[bench] ${line}`);
  const previous: Results =
    existsSync(LATEST) && only.length < SUITES.length
      ? (JSON.parse(readFileSync(LATEST, 'utf8')) as Results)
      : {};
  const results: Results = {
    ...previous,
    generatedAt: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      loadAverage1m: Math.round(loadavg()[0]! * 100) / 100,
      node: process.version,
    },
  };

  if (only.includes('bundle')) {
    log('building into dist/ ...');
    const { warnings: _warnings, ...bundle } = await buildAndMeasure(resolve(ROOT, 'dist'));
    results.bundle = bundle;
  } else if (!existsSync(resolve(ROOT, 'dist/index.html'))) {
    await buildAndMeasure(resolve(ROOT, 'dist'));
  }
  if (only.includes('validation')) {
    log('validation ...');
    results.validation = runValidation();
  }
  const browserSuites = only.filter(
    (s) => s === 'typing' || s === 'recipients' || s === 'lighthouse',
  );
  if (browserSuites.length) {
    const app = await startAppServer();
    const floor = await startFloorServer();
    try {
      if (only.includes('typing') || only.includes('recipients')) {
        const browser = await launchBrowser();
        try {
          if (only.includes('recipients')) {
            log('recipients ...');
            results.recipients = await runRecipients(browser, app.url, log);
          }
          if (only.includes('typing')) {
            log(
              `typing: ${fields.join(', ')} x ${RECIPIENT_COUNTS.join('/')} recipients x ${CPU_RATES.join('/')}x CPU ...`,
            );
            results.typing = await runTyping(browser, app.url, floor.url, log, fields);
          }
        } finally {
          await browser.close();
        }
      }
      if (only.includes('lighthouse')) {
        log('lighthouse (mobile, desktop) ...');
        results.lighthouse = await runLighthouse(`${app.url}/`);
      }
    } finally {
      await app.stop();
      await floor.stop();
    }
  }
  if (only.includes('proxy')) {
    log('proxy ...');
    results.proxy = runProxyBench();
  } else if (!results.proxy && existsSync(resolve(RESULTS_DIR, 'proxy.json'))) {
    results.proxy = JSON.parse(readFileSync(resolve(RESULTS_DIR, 'proxy.json'), 'utf8'));
  }

  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(LATEST, `${JSON.stringify(results, null, 2)}\n`);
  console.log(summary(results));
  const missed = missedBudgets(results);
  console.log(
    missed.length
      ? `\nMissed budgets:\n${missed.map((m) => `  - ${m}`).join('\n')}`
      : '\nAll budgets met.',
  );
  console.log(`\nWritten: ${LATEST}`);
  if (values.check && missed.length) process.exit(1);
}

await main();
