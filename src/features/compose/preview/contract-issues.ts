import { lazyModule } from '../../../lib/lazy-module';

/**
 * The contract check of the request inspector: it brings zod, so the inspector loads it after
 * the page is drawn.
 */
export const loadContractCheck = lazyModule(() => import('./contract-check'));

export interface ContractIssue {
  /** `to.0.handle`; empty for the body as a whole. */
  path: string;
  message: string;
  source: 'contract' | 'channel';
}

/** Rate-limit headers first (what a sender watches), then the rest, each group by name. */
export function orderHeaders(headers: Record<string, string>): [string, string][] {
  const rank = (name: string) => (/^(x-)?ratelimit-|^retry-after$/i.test(name) ? 0 : 1);
  return Object.entries(headers).sort(
    ([a], [b]) => rank(a) - rank(b) || a.toLowerCase().localeCompare(b.toLowerCase()),
  );
}
