import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const eslint = new ESLint({ cwd: root });

const features = readdirSync(resolve(root, 'src/features'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/** A module that exists in the feature folder (the rule checks only imports that resolve). */
function someModuleOf(feature: string): string {
  const file = readdirSync(resolve(root, 'src/features', feature)).find((name) =>
    /^[^.]+\.tsx?$/.test(name),
  );
  if (!file) throw new Error(`src/features/${feature} has no module to import`);
  return file.replace(/\.tsx?$/, '');
}

// Imported by URL: the config is plain JavaScript, outside what the type checker reads.
const { boundariesFor } = (await import(pathToFileURL(resolve(root, 'eslint.config.js')).href)) as {
  boundariesFor: (featureNames: string[]) => unknown[];
};

/** The project's config with the boundaries drawn for these feature folders instead. */
function eslintWithFeatures(featureNames: string[]): ESLint {
  return new ESLint({
    cwd: root,
    overrideConfig: {
      rules: {
        'import-x/no-restricted-paths': ['error', { zones: boundariesFor(featureNames) }],
      },
    },
  });
}

async function boundaryErrors(
  file: string,
  code: string,
  linter: ESLint = eslint,
): Promise<string[]> {
  const [result] = await linter.lintText(code, { filePath: resolve(root, file) });
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

  it('holds every feature folder to the rule, both ways', async () => {
    expect(features.length).toBeGreaterThanOrEqual(2);
    for (const feature of features) {
      for (const other of features.filter((name) => name !== feature)) {
        const errors = await boundaryErrors(
          `src/features/${feature}/probe.ts`,
          `export * from '../${other}/${someModuleOf(other)}';\n`,
        );
        expect(errors, `${feature} importing ${other}`).toEqual([
          expect.stringContaining('Features never import each other'),
        ]);
      }
    }
  });

  it('holds a new feature folder to the rule without editing the config', async () => {
    const linter = eslintWithFeatures([...features, 'billing']);
    expect(
      await boundaryErrors(
        'src/features/billing/probe.ts',
        "export { ComposePage } from '../compose/compose-page';\n",
        linter,
      ),
    ).toEqual([expect.stringContaining('Features never import each other')]);
    expect(
      await boundaryErrors(
        'src/features/billing/probe.ts',
        "export { CHANNEL_RULES } from '../../../schemas/channel-rules';\n",
        linter,
      ),
    ).toEqual([]);
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
