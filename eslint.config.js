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
    ignores: ['src/emulator/**', 'src/backend/**', 'src/react/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: ['react', 'react-dom', 'dialkit'], patterns: ['node:*', '**/emulator/**', '**/backend/**', 'react/*', 'react-dom/*', 'dialkit/*'] },
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
