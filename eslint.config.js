// Lint: the layer import rules of ARCHITECTURE.md, type-aware promise checks, type-only imports.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import layerImports from './eslint-rules/layer-imports.js';

export default tseslint.config(
  { ignores: ['eslint-rules/*.d.ts', 'out/**', 'dist/**', 'release/**', 'node_modules/**', '.electron-native/**', 'coverage/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { local: { rules: { 'layer-imports': layerImports } } },
    rules: {
      'local/layer-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // Only src/api talks to the bridge or the WebSocket.
    files: ['src-renderer/**/*.{ts,tsx}'],
    ignores: ['src-renderer/src/api/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[property.name='devsim']", message: 'Only src-renderer/src/api touches window.devsim.' },
        { selector: "NewExpression[callee.name='WebSocket']", message: 'Only src-renderer/src/api opens the WebSocket.' },
      ],
    },
  },
  {
    // Tests build broken documents on purpose; typing each mutation would hide what is broken.
    files: ['test/**/*.{ts,tsx}'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
