// Lint: type-aware TypeScript rules, React hooks, and the import arrows of docs/architecture.md
// (shared imports no other layer; only electron/main and electron/preload import 'electron';
// raw ipcRenderer lives only in the preload).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const noElectron = {
  paths: [{ name: 'electron', message: 'Only electron/main and electron/preload may import electron.' }],
  patterns: [],
};

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', '.demo/**', 'test-results/**', '.tmp/**', 'dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      // Async signatures keep interfaces (CLI commands, desktop adapters) uniform even where one
      // implementation happens to be synchronous.
      '@typescript-eslint/require-await': 'off',
      // Flags antd's hook results (App.useApp(), Form.useForm()) that are meant to be destructured.
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      // Chinese forms use the ideographic space (U+3000) on purpose inside their label strings.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/ban-ts-comment': [
        'error',
        { 'ts-ignore': true, 'ts-nocheck': true, 'ts-expect-error': 'allow-with-description' },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Loading effects set their busy flag synchronously before the call; that is the intent.
      'react-hooks/set-state-in-effect': 'off',
      'no-restricted-imports': [
        'error',
        {
          ...noElectron,
          patterns: [{ group: ['**/electron/**'], message: 'The renderer reaches the core only through window.api.' }],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'shared/ runs in both processes.' }],
          patterns: [
            {
              group: ['node:*', '**/electron/**', '**/renderer/**'],
              message: 'shared/ imports no Node module and no other layer.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', noElectron],
      // A query's result type comes from the typed door (db/query.ts: one/many/… with a rows.ts type),
      // not from a cast at the call site.
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "TSAsExpression > CallExpression.expression[callee.property.name=/^(get|all|iterate)$/][callee.object.type='CallExpression']",
          message: 'Name the row type through electron/core/db/query.ts (one/many/scalar/column/walk), not a cast.',
        },
      ],
    },
  },
  {
    files: ['electron/main/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', importNames: ['ipcRenderer'], message: 'ipcRenderer belongs to the preload.' }] },
      ],
    },
  },
  {
    // Tests read back JSON, SQLite rows and xlsx cells whose shape is what they assert.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-base-to-string': 'off',
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
