/**
 * Proxy overhead: requests per second and p50/p99 latency through our proxy, direct to the same
 * loopback upstream, and through a bare `node:http` forwarding proxy, in one run. Prints JSON
 * and writes bench/results/proxy.json. Pacing is set far above the load so that the gate,
 * allowlist, header handling and fetch are what is measured, not the 2 req/s queue; the circuit
 * breaker is on, as in every server `npm start` runs.
 *
 * Load generator, upstream and proxies share this process, so `cpuUsPerRequest` (process CPU
 * time per completed request) is also reported: on a shared, noisy machine it moves less than
 * requests per second, and its difference to `direct` is what one proxy hop costs.
 *
 * Latency is measured apart, one request at a time (`LATENCY_CONCURRENCY`): what a hop adds to a
 * request is what the agent's browser waits for. Under the saturating throughput load, where the
 * load generator, upstream and proxy share one thread, every p50 is mostly the queue of the
 * other requests in flight (p50 ≈ concurrency / throughput), so it restates the throughput
 * ratio; those loaded p50s are reported too (`loadedP50`).
 *
 * Both proxies get the same load (same client, concurrency and keep-alive) and reach the
 * upstream over keep-alive connections of their own agent. The contenders take turns in a
 * rotating order, so that none always runs right after another; the throughput ratio is given
 * from the medians and as the median of each round's ratio.
 *
 * The ratio that is held to its goal comes from pairs: short turns of the bare proxy and ours
 * right after each other (`BENCH_PAIRS` pairs of `BENCH_PAIR_MS`), the order swapped in every
 * other pair so that a machine getting faster or slower favours neither, and the median of the
 * pairs' ratios. On a shared machine the speed of the same code moves by half within seconds;
 * two turns a second apart see nearly the same machine, four-second turns minutes apart do not.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { Agent, createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from '../server/app';
import { createCircuitBreaker } from '../server/proxy/circuit-breaker';
import { createPacer } from '../server/proxy/pacer';
import { createUpstream } from '../server/proxy/upstream';

const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 4000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const PAIRS = Number(process.env.BENCH_PAIRS ?? 12);
const PAIR_MS = Number(process.env.BENCH_PAIR_MS ?? 1000);
const LATENCY_CONCURRENCY = 1;
const PATH = '/channel?select=id,name,type&order=name.asc&limit=50';
const BODY = JSON.stringify(
  Array.from({ length: 10 }, (_, i) => ({
    id: `c0000000-0000-4000-8000-00000000000${i}`,
    name: `Kanal ${i}`,
    type: 'email',
  })),
);

function listen(server: Server): Promise<number> {
  return new Promise((r) =>
    server.listen(0, '127.0.0.1', () => r((server.address() as AddressInfo).port)),
  );
}

async function load(
  port: number,
  path: string,
  concurrency = CONCURRENCY,
  durationMs = DURATION_MS,
) {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  const end = Date.now() + durationMs;
  let errors = 0;
  const one = () =>
    new Promise<void>((done) => {
      const start = process.hrtime.bigint();
      const req = request(
        { host: '127.0.0.1', port, path, agent, headers: { host: `127.0.0.1:${port}` } },
        (res) => {
          res.resume();
          res.on('end', () => {
            if (res.statusCode !== 200) errors++;
            latencies.push(Number(process.hrtime.bigint() - start) / 1e6);
            done();
          });
        },
      );
      req.on('error', () => {
        errors++;
        done();
      });
      req.end();
    });
  const worker = async () => {
    while (Date.now() < end) await one();
  };
  const started = Date.now();
  const cpuBefore = process.cpuUsage();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const cpu = process.cpuUsage(cpuBefore);
  const seconds = (Date.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return {
    requests: latencies.length,
    errors,
    rps: Math.round(latencies.length / seconds),
    p50Ms: Number(at(0.5).toFixed(3)),
    p99Ms: Number(at(0.99).toFixed(3)),
    cpuUsPerRequest: Number(((cpu.user + cpu.system) / Math.max(1, latencies.length)).toFixed(1)),
  };
}

const median = (values: number[]) =>
  values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

async function main() {
  const upstream = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'ratelimit-remaining': '1' });
    res.end(BODY);
  });
  const upstreamPort = await listen(upstream);

  // Keep-alive to the upstream like our proxy's agent (http-client.ts); Node's global agent
  // also keeps connections alive, but the bench should not depend on a default.
  const bareAgent = new Agent({ keepAlive: true, maxSockets: 64 });
  const bare = createServer((req, res) => {
    const forward = request(
      {
        host: '127.0.0.1',
        port: upstreamPort,
        path: (req.url ?? '').replace(/^\/api/, ''),
        method: req.method,
        headers: { accept: 'application/json' },
        agent: bareAgent,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', () => res.writeHead(502).end());
    req.pipe(forward);
  });
  const barePort = await listen(bare);

  const hosts = new Set<string>();
  const app = createApp({
    upstream: createUpstream(
      {
        baseUrl: `http://127.0.0.1:${upstreamPort}`,
        token: 'bench',
        timeoutMs: 10_000,
        breaker: createCircuitBreaker(),
      },
      createPacer(1_000_000),
    ),
    allowedHosts: hosts,
  });
  const proxy = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }) as Server;
  await new Promise((r) => proxy.once('listening', r));
  const proxyPort = (proxy.address() as AddressInfo).port;
  hosts.add(`127.0.0.1:${proxyPort}`);

  type Contender = 'direct' | 'bare' | 'proxy';
  const targets: Record<Contender, [port: number, path: string]> = {
    direct: [upstreamPort, PATH],
    bare: [barePort, `/api${PATH}`],
    proxy: [proxyPort, `/api${PATH}`],
  };
  const contenders: Contender[] = ['direct', 'bare', 'proxy'];
  type Run = Awaited<ReturnType<typeof load>>;
  const rounds: Record<Contender, Run[]> = { direct: [], bare: [], proxy: [] };
  const latencyRounds: Record<Contender, Run[]> = { direct: [], bare: [], proxy: [] };
  // Warm-up for all three, so that no contender runs its first round with cold code.
  for (const name of contenders) await load(...targets[name]);
  for (let i = 0; i < ROUNDS; i++) {
    // Round i starts with contender i (mod 3): over any three rounds each runs first, second and
    // last once.
    const order = contenders.map((_, k) => contenders[(i + k) % contenders.length] as Contender);
    for (const name of order) rounds[name].push(await load(...targets[name]));
    for (const name of order)
      latencyRounds[name].push(await load(...targets[name], LATENCY_CONCURRENCY));
  }
  // Pairs: bare then ours, ours then bare, and so on (see the top of this file).
  const pairs: { bareRps: number; proxyRps: number; ratio: number }[] = [];
  for (let i = 0; i < PAIRS; i++) {
    const order: Contender[] = i % 2 === 0 ? ['bare', 'proxy'] : ['proxy', 'bare'];
    const rps: Partial<Record<Contender, number>> = {};
    for (const name of order) {
      rps[name] = (await load(...targets[name], CONCURRENCY, PAIR_MS)).rps;
    }
    const bareRps = rps.bare as number;
    const proxyRps = rps.proxy as number;
    pairs.push({ bareRps, proxyRps, ratio: Number((proxyRps / bareRps).toFixed(3)) });
  }
  const summarise = (runs: Run[]) => ({
    rps: median(runs.map((r) => r.rps)),
    p50Ms: median(runs.map((r) => r.p50Ms)),
    p99Ms: median(runs.map((r) => r.p99Ms)),
    cpuUsPerRequest: median(runs.map((r) => r.cpuUsPerRequest)),
    errors: runs.reduce((n, r) => n + r.errors, 0),
    runs,
  });
  const summary = {
    direct: summarise(rounds.direct),
    bare: summarise(rounds.bare),
    proxy: summarise(rounds.proxy),
  };
  const latency = {
    concurrency: LATENCY_CONCURRENCY,
    direct: summarise(latencyRounds.direct),
    bare: summarise(latencyRounds.bare),
    proxy: summarise(latencyRounds.proxy),
  };
  const result = {
    concurrency: CONCURRENCY,
    durationMs: DURATION_MS,
    rounds: ROUNDS,
    ...summary,
    /** The median of the pairs' ratios: the figure held to the goal. */
    proxyVsBareThroughputPaired: median(pairs.map((pair) => pair.ratio)),
    paired: { pairs: PAIRS, turnMs: PAIR_MS, runs: pairs },
    proxyVsBareThroughput: Number((summary.proxy.rps / summary.bare.rps).toFixed(3)),
    proxyVsBareThroughputPerRound: Number(
      median(rounds.proxy.map((run, i) => run.rps / (rounds.bare[i] as typeof run).rps)).toFixed(3),
    ),
    latency,
    proxyAddedP50Ms: Number((latency.proxy.p50Ms - latency.direct.p50Ms).toFixed(3)),
    bareAddedP50Ms: Number((latency.bare.p50Ms - latency.direct.p50Ms).toFixed(3)),
    proxyOverBareP50Ms: Number((latency.proxy.p50Ms - latency.bare.p50Ms).toFixed(3)),
    loadedP50: {
      concurrency: CONCURRENCY,
      proxyAddedMs: Number((summary.proxy.p50Ms - summary.direct.p50Ms).toFixed(3)),
      bareAddedMs: Number((summary.bare.p50Ms - summary.direct.p50Ms).toFixed(3)),
    },
    proxyAddedCpuUsPerRequest: Number(
      (summary.proxy.cpuUsPerRequest - summary.direct.cpuUsPerRequest).toFixed(1),
    ),
    bareAddedCpuUsPerRequest: Number(
      (summary.bare.cpuUsPerRequest - summary.direct.cpuUsPerRequest).toFixed(1),
    ),
    goals: { proxyVsBareThroughputAtLeast: 0.9, proxyAddedP50MsAtMost: 0.3 },
  };
  const dir = resolve(import.meta.dirname, 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(resolve(dir, 'proxy.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result, null, 2));
  bareAgent.destroy();
  for (const server of [proxy, bare, upstream]) {
    server.closeAllConnections();
    server.close();
  }
}

await main();
