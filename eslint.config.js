import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import pluginQuery from '@tanstack/eslint-plugin-query';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import globals from 'globals';

/**
 * The folders under src/features, read each time the config loads, so that a new feature is held
 * to the boundaries without anyone editing this file.
 */
const features = readdirSync(join(import.meta.dirname, 'src', 'features'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/**
 * Import boundaries of ../shared/DESIGN.md: schemas import only zod; lib imports only schemas;
 * components import lib; features never import each other (one zone per feature: its files may
 * import from src/features only within their own folder); src and server never import each
 * other (both may import schemas). Exported so that tests can check a feature not created yet.
 * @param {string[]} featureNames the folders under src/features
 */
export function boundariesFor(featureNames) {
  return [
    {
      target: './schemas',
      from: ['./src', './server', './e2e', './bench'],
      message: 'schemas/ is the shared contract: it imports zod only.',
    },
    { target: './src', from: './server', message: 'The browser app never imports server code.' },
    { target: './server', from: './src', message: 'The server never imports browser code.' },
    ...featureNames.map((feature) => ({
      target: `./src/features/${feature}`,
      from: './src/features',
      except: [`./${feature}`],
      message:
        'Features never import each other; move what they share to lib/, api/ or components/.',
    })),
    {
      target: ['./src/lib', './src/api', './src/components'],
      from: ['./src/features', './src/app'],
      message: 'Shared layers sit below features and the app shell.',
    },
    {
      target: './src/lib',
      from: ['./src/components', './src/api'],
      message: 'lib/ holds pure helpers.',
    },
  ];
}

export default tseslint.config(
  {
    ignores: [
      'dist',
      'node_modules',
      'test-results',
      'playwright-report',
      'bench/results',
      '.data',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: boundariesFor(features) }],
      'import-x/no-cycle': ['error', { maxDepth: 10 }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['schemas/**/*.ts'],
    ignores: ['schemas/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!(zod|zod/mini|zod/locales|#zod)$|\\./)',
              message: 'schemas/ imports zod only (through zod.ts).',
            },
          ],
        },
      ],
    },
  },
  {
    // The page uses zod's small build, through schemas/zod.ts; the full one would come with it.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'zod', message: 'Import z from schemas/zod.ts (zod/mini).' }] },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y, '@tanstack/query': pluginQuery },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.strict.rules,
      ...pluginQuery.configs['flat/recommended'][0].rules,
    },
  },
);
