// ESLint: TypeScript's and React's recommended rules, and the book's boundaries written as import
// rules, so that breaking one fails `npm test` rather than waiting for a reviewer:
//   (a) the engine imports no React, no shell, no widget and no model: it runs in Node and in
//       workers, and its tests need nothing else;
//   (b) widgets and models reach TensorFlow.js only through the engine;
//   (c) a widget's folder imports from no other widget's folder: what two widgets share lives in
//       the kit (src/widgets/kit) or, for models, in src/models. The registry (which lists the
//       widgets of each chapter) and the worker script (which runs their training jobs) are the
//       two places that name widgets, and are exempt;
//   (d) a model imports no view: nothing of src/widgets, nothing of the shell.
// Each file gets one list of restricted imports (a later config block replaces an earlier one's
// options for the same rule), so each block below carries every restriction that applies to it.
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import react from 'eslint-plugin-react';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const WIDGETS_DIR = new URL('./src/widgets/', import.meta.url);
/** Every folder of src/widgets, read when ESLint starts, so a new widget is covered at once. */
const widgetFolders = readdirSync(WIDGETS_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
/** The one folder that may name other widgets' modules: the chapter registries. */
const MAY_NAME_WIDGETS = ['registry'];

/** A relative import that climbs (`../`, `../../`…) into one of `folders`, or into `widgets/<folder>`. */
const climbsInto = (folders, prefix = '') => `^(\\.\\./)+${prefix}(${folders.join('|')})(/|$)`;

/** Text the shell's JSX may hold without a catalogue: symbols, never a word. */
const JSX_SYMBOLS = ['#', '?', '·', '–', '—', '…', ':', ',', '.', '(', ')', '×', '=', '+', '−', '/'];
/** The attributes whose text a reader sees or hears (as an esquery regular expression). */
const READER_ATTRIBUTES = '/^(aria-label|aria-description|aria-roledescription|aria-valuetext|title|alt|placeholder|label)$/';

const noTensorflow = {
  regex: '^@tensorflow/',
  message: 'Widgets and models reach TensorFlow.js only through the engine (src/engine).',
};

/** The rule's options for a file in src/widgets/<folder>/. */
function widgetRestrictions(folder) {
  const patterns = [noTensorflow];
  if (!MAY_NAME_WIDGETS.includes(folder)) {
    const others = widgetFolders.filter((name) => name !== folder && name !== 'kit');
    if (others.length > 0) {
      patterns.push({
        regex: climbsInto(others, '(widgets/)?'),
        message: `A widget imports from no other widget's folder: move what ${folder} shares to src/widgets/kit (views) or src/models (models).`,
      });
    }
  }
  return ['error', { patterns }];
}

export default defineConfig([
  globalIgnores(['dist*/', 'node_modules/', 'public/', 'coverage/', '.vite/', 'src/build/generated/', 'tests/content/.generated/', '.vitest-attachments/']),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  // React's rules for the code React runs: the book's source and the test components (the e2e
  // files drive a browser and have functions named use… that are no hooks).
  {
    files: ['src/**/*.{ts,tsx}', 'tests/**/*.tsx'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    files: ['src/**/*.{ts,tsx}', 'tests/**/*.tsx'],
    rules: {
      // Four of the recommended rules check what React Compiler needs to memoise safely. The book is
      // not compiled with it, and the patterns they flag are deliberate here: a ref that holds the
      // latest value or callback for an effect to read (refs, immutability), state reset when an
      // input changes (set-state-in-effect), a dependency list keyed on a derived value (use-memo).
      // Warnings, so that each can be rewritten in its turn without blocking the tests.
      'react-hooks/refs': 'warn',
      'react-hooks/immutability': 'warn',
      'react-hooks/set-state-in-effect': 'warn',
      'react-hooks/use-memo': 'warn',
    },
  },
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { react },
    settings: { react: { version: 'detect' } },
    rules: {
      // Every reader-facing word belongs in a strings catalogue, never inline in JSX. Off until the
      // widgets pass it; on for the shell (below), with the options the widgets will take.
      'react/jsx-no-literals': 'off',
    },
  },
  // The shell's words come from its catalogues (src/book/strings.ts): text in its JSX may be
  // symbols only, and an attribute a reader hears or sees (a label, a tooltip) holds no literal word.
  {
    files: ['src/book/**/*.tsx', 'src/widgets/**/*.tsx'],
    rules: {
      'react/jsx-no-literals': ['error', { noStrings: true, ignoreProps: true, allowedStrings: JSX_SYMBOLS }],
      'no-restricted-syntax': [
        'error',
        {
          selector: `JSXAttribute[name.name=${READER_ATTRIBUTES}] > Literal[value=/[A-Za-z]/]`,
          message: 'A label or tooltip a reader hears or sees comes from a strings catalogue.',
        },
        {
          selector: `JSXAttribute[name.name=${READER_ATTRIBUTES}] > JSXExpressionContainer > Literal[value=/[A-Za-z]/]`,
          message: 'A label or tooltip a reader hears or sees comes from a strings catalogue.',
        },
        {
          selector: `JSXAttribute[name.name=${READER_ATTRIBUTES}] > JSXExpressionContainer > TemplateLiteral > TemplateElement[value.raw=/[A-Za-z]/]`,
          message: 'A label or tooltip a reader hears or sees comes from a strings catalogue.',
        },
      ],
    },
  },
  {
    rules: {
      // `_name` marks a parameter a signature needs but the body does not use.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },

  // (a) The engine.
  {
    files: ['src/engine/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^react(-dom)?(/|$)', message: 'The engine imports no React: it runs in Node and in workers.' },
            { regex: climbsInto(['book', 'widgets', 'models']), message: 'The engine imports nothing of the shell, the widgets or the models: they build on it, not it on them.' },
          ],
        },
      ],
    },
  },
  // (b), (c) Each widget folder.
  ...widgetFolders.map((folder) => ({
    files: [`src/widgets/${folder}/**`],
    rules: { 'no-restricted-imports': widgetRestrictions(folder) },
  })),
  // (b), (d) The models.
  {
    files: ['src/models/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noTensorflow,
            { regex: climbsInto(['widgets', 'book']), message: 'A model imports no view and nothing of the shell: widgets build on models, not models on widgets.' },
          ],
        },
      ],
    },
  },
]);
