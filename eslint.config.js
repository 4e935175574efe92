// Lint: TypeScript and React hooks rules, and the layers of docs/architecture.md as import rules.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Imports a layer may not make: `paths` by package name, `patterns` by regex over the import path. */
const forbid = (message, { paths = [], regexes = [] }) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: paths.map((name) => ({ name, message })),
      patterns: regexes.map((regex) => ({ regex, message })),
    },
  ],
});

const REACT = [
  'react',
  'react-dom',
  'react-dom/client',
  'react/jsx-runtime',
  'zustand',
  '@tanstack/react-query',
  '@tanstack/react-virtual',
];
const UPPER_LAYERS = ['(^|/)(store|features|app|ui)(/|$)'];

export default tseslint.config(
  { ignores: ['**/dist/', 'node_modules/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      'no-duplicate-imports': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/exhaustive-deps': 'error',
      // Rules written for code the React Compiler compiles, which this app's is not: the
      // streaming renderer keeps its incremental caches in refs on purpose (see markdown/).
      'react-hooks/refs': 'off',
      'react-hooks/immutability': 'off',
      'react-hooks/incompatible-library': 'off',
      'react-hooks/preserve-manual-memoization': 'off',
    },
  },
  // The protocol layer and the domain are plain TypeScript: no React, no store, no UI.
  {
    files: ['src/api/**'],
    rules: forbid('src/api is framework-free: it imports no React, store, features, app or ui.', { paths: REACT, regexes: UPPER_LAYERS }),
  },
  {
    files: ['src/domain/**'],
    rules: forbid('src/domain is shared by the app and the simulator: it imports no React, api, store, features, app or ui.', {
      paths: REACT,
      regexes: [...UPPER_LAYERS, '(^|/)api(/|$)'],
    }),
  },
  // The store binds the engine to state: it knows no components.
  {
    files: ['src/store/**'],
    rules: forbid('src/store knows no components: no features, app or ui.', { regexes: ['(^|/)(features|app|ui)(/|$)'] }),
  },
  {
    files: ['src/ui/**'],
    rules: forbid('src/ui holds design-system primitives: no store, api or features.', { regexes: ['(^|/)(store|features|app|api)(/|$)'] }),
  },
  // A feature uses another only through its index, and the protocol layer only through src/api/index.ts.
  {
    files: ['src/features/**'],
    rules: forbid("Import another feature through its index ('../chat'), and src/api through its index ('../../api').", {
      regexes: ['^\\.\\./(?!\\.)[^/]+/', '(^|/)features/[^/]+/', '(^|/)api/.'],
    }),
  },
  {
    files: ['src/app/**'],
    rules: forbid("Import a feature through its index ('../features/chat'), and src/api through its index ('../api').", {
      regexes: ['(^|/)features/[^/]+/', '(^|/)api/.'],
    }),
  },
  // Tests may check layers together (a stream read into the store's accumulator, say).
  { files: ['**/*.test.{ts,tsx}'], rules: { 'no-restricted-imports': 'off' } },
  // The simulator, the benchmark and the scripts share only the domain with the app.
  {
    files: ['server/**', 'bench/**', 'scripts/**', 'e2e/**'],
    rules: forbid('Outside the app, only src/domain is shared.', { regexes: ['(^|/)src/(?!domain/)'] }),
  },
);
