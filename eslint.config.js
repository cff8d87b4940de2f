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
  {
    // A synchronous child blocks the event loop; when the child talks to a simulator in the same test process
    // (a listening test sim), neither can go on and the suite waits for ever. Every one needs a timeout.
    files: ['test/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.name=/^(execSync|execFileSync|spawnSync)$/]:not(:has(Property[key.name='timeout']))",
          message: 'A synchronous child process in a test needs a timeout (and must not call a simulator in this process: use execFile).',
        },
      ],
    },
  },
);
