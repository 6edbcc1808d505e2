import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/**
 * Every axe violation on the page, of any impact, as "rule (impact): targets". The previews'
 * locked frames are left out: they run no script, so axe cannot enter them and would wait for
 * minutes; their content is the customer's message, and their titles are checked by the tests.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).exclude('iframe[sandbox]').analyze();
  return results.violations.map(
    (v) =>
      `${v.id} (${v.impact ?? 'no impact'}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}
