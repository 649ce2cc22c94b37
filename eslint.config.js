import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * What the content script must never load: it runs in every frame of every page, so validation (zod),
 * the API client, the criteria parser and the glossary stay in the background and extension pages.
 */
const NOT_IN_CONTENT_SCRIPT = [
  { name: 'zod', message: 'zod stays out of the content script (validate in the background).' },
  ...['@/lib/zod', '@/lib/nct.schema', '@/lib/messaging.schema', '@/lib/notes/transfer'].map((name) => ({
    name,
    message: 'Validation stays out of the content script.',
  })),
];
const NOT_IN_CONTENT_PATTERNS = [
  { group: ['@/lib/ctgov/*', '**/ctgov/*'], message: 'The API client runs in the background only.' },
  {
    group: ['@/lib/trial/glossary', '@/lib/trial/eligibility', '@/lib/trial/thresholds', '@/background/*'],
    message: 'Parsed in the background; the content script receives the result.',
  },
];

export default tseslint.config(
  { ignores: ['.output/', '.wxt/', '.tmp/', 'node_modules/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: {
      globals: { ...globals.browser },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Registry text is never HTML: Preact escapes it. The build also strips Preact's innerHTML path
      // (scripts/build/strip-unused-unsafe-code.ts), which this rule keeps dead.
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'No raw HTML: render text.',
        },
      ],
      // zod is configured once (jitless) in lib/zod.ts.
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'zod', message: "Import { z } from '@/lib/zod' (configured jitless)." }] },
      ],
    },
  },
  {
    files: ['lib/zod.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['content/**', 'lib/scan/**', 'lib/card/**', 'entrypoints/nct-eager/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: NOT_IN_CONTENT_SCRIPT, patterns: NOT_IN_CONTENT_PATTERNS }],
    },
  },
  {
    // Node code: tests, scripts, benches and config files.
    files: ['tests/**', 'scripts/**', 'bench/**', '*.config.*', '.ci/**'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    // Playwright reads a fixture's dependencies from its first parameter: `{}` means "none".
    files: ['tests/e2e/fixtures.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
  {
    // TypeScript checks undefined names itself; the plain no-undef rule only adds false alarms.
    files: ['**/*.ts', '**/*.tsx'],
    rules: { 'no-undef': 'off' },
  },
);
