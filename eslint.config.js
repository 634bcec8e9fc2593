// Lint: correctness rules only (unused names, `any`, Vue template mistakes). Formatting is Prettier's
// job, so eslint-config-prettier comes last and turns every style rule off.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import vue from 'eslint-plugin-vue'
import prettier from 'eslint-config-prettier'
import globals from 'globals'

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'native/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'coverage/**',
      'tests/output/**',
      '.tmp/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.node, ...globals.browser },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } },
  },
  {
    // Views and components reach the core through their Pinia stores: one place per operation.
    files: ['src-renderer/src/views/**', 'src-renderer/src/components/**', 'src-renderer/src/composables/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/api'],
              importNames: ['call', 'callStartup'],
              message: "Call the core through the screen's store (src-renderer/src/stores).",
            },
          ],
        },
      ],
    },
  },
  prettier,
  // Layout of attributes is Prettier's; eslint-config-prettier does not switch this one off.
  { rules: { 'vue/first-attribute-linebreak': 'off' } },
)
