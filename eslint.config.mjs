import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/dist/**', 'coverage/**', 'data/**', '**/.swc/**', 'tests/e2e/screenshots/**', 'bench/results/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.{js,cjs,mjs}'],
    languageOptions: { globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // core must stay framework-free: no Taro, React or Node imports (design.md, house style).
    files: ['packages/core/src/**/*.ts'],
    ignores: ['packages/core/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['@tarojs/*', 'react', 'react-*', 'node:*', 'fs', 'path', 'zustand', 'fastify'] }],
      'no-restricted-globals': ['error', { name: 'Date', message: 'core never reads the clock: pass "today" in.' }],
    },
  },
  {
    // The staff console imports only @zhihui/core (by its index) and reaches the server over HTTP.
    files: ['packages/console/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@zhihui/server', '**/server/**'], message: 'The console reaches the server over HTTP only (src/api/).' },
            { group: ['**/core/src/**', '@zhihui/core/*'], message: 'Import @zhihui/core by its index.' },
            { group: ['node:*', 'fs', 'path', '@tarojs/*'], message: 'The console runs in the browser.' },
          ],
        },
      ],
    },
  },
)
