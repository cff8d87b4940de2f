// Lint rules that catch what review misses in a server that is mostly promises: a promise nobody awaits
// or catches (an unhandled rejection ends the process), a promise passed where a callback is expected,
// an await of a non-promise. Type-aware, so it reads the same tsconfig the typecheck does.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'client/src/generated/**', 'simulator/src/generated/**', 'test-results/**', 'bench/results/**', 'examples/**'] },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.base],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': ['error', { ignoreVoid: true }],
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false, attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/only-throw-error': 'error',
      '@typescript-eslint/prefer-promise-reject-errors': 'error',
      'no-unused-private-class-members': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
);
