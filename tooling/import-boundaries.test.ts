import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const eslint = new ESLint({ cwd: root });

async function boundaryErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, file) });
  return (result?.messages ?? [])
    .filter(
      (m) => m.ruleId === 'import-x/no-restricted-paths' || m.ruleId === 'no-restricted-imports',
    )
    .map((m) => m.message);
}

describe('import boundaries (DESIGN.md)', () => {
  it('reports a feature importing another feature', async () => {
    const errors = await boundaryErrors(
      'src/features/sent/history-probe.ts',
      "export { ComposePage } from '../compose/compose-page';\n",
    );
    expect(errors).toEqual([expect.stringContaining('Features never import each other')]);
  });

  it('reports the browser importing server code, and the server importing browser code', async () => {
    expect(
      await boundaryErrors('src/api/probe.ts', "export { createApp } from '../../server/app';\n"),
    ).toEqual([expect.stringContaining('never imports server code')]);
    expect(
      await boundaryErrors('server/probe.ts', "export { App } from '../src/app/app';\n"),
    ).toEqual([expect.stringContaining('never imports browser code')]);
  });

  it('reports the contract importing anything but zod', async () => {
    const errors = await boundaryErrors(
      'schemas/probe.ts',
      "import { createApp } from '../server/app';\nexport const x = createApp;\n",
    );
    expect(errors.length).toBeGreaterThan(0);
  });

  it('allows a feature to import shared layers and both sides to import schemas', async () => {
    expect(
      await boundaryErrors(
        'src/features/compose/probe.ts',
        "export { CHANNEL_RULES } from '../../../schemas/channel-rules';\n",
      ),
    ).toEqual([]);
    expect(
      await boundaryErrors(
        'server/probe.ts',
        "export { CHANNEL_RULES } from '../schemas/channel-rules';\n",
      ),
    ).toEqual([]);
  });
});
