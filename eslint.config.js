import js from '@eslint/js'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['dist/', 'coverage/', 'node_modules/', 'examples/*/dist/', 'test-results/', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly' } },
  },
  {
    // The browser entry must not reach into Node-only code, nor into React (only dialkit/react imports it).
    files: ['src/**/*.ts'],
    ignores: ['src/emulator/**', 'src/backend/**', 'src/react/**', 'src/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['react', 'react-dom', 'dialkit'],
          patterns: ['node:*', '**/emulator/**', '**/backend/**', '**/testing/**', 'react/*', 'react-dom/*', 'dialkit/*'],
        },
      ],
    },
  },
  {
    // dialkit/testing is Node-only (it may start an emulator) and reaches the SDK only through `dialkit`, so a test
    // suite's clients and errors are the same copy as the app's. Nothing else imports it.
    files: ['src/testing/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: ['ky', 'libphonenumber-js', 'react', 'playwright-core', '@playwright/test'], patterns: ['../index.js', '../client/*', '../resources/*', '../store/*', '../flow/*', '../phone/*', 'dialkit/react', 'dialkit/testing'] },
      ],
    },
  },
  {
    // dialkit/react reaches the SDK only through its public entry (`dialkit`), so an app holds one copy of it.
    files: ['src/react/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['node:*', '../*', 'dialkit/*'] }],
    },
  },
)
