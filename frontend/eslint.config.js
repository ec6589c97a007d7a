// Lint of the frontend: eslint's recommended rules, typescript-eslint's, and eslint-plugin-vue's for
// Vue 3 single-file components. The generated bindings (frontend/wailsjs) are not ours to lint.
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import vue from 'eslint-plugin-vue'
import vueParser from 'vue-eslint-parser'
import globals from 'globals'

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'wailsjs/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.{ts,vue}'],
    languageOptions: {
      parser: vueParser,
      parserOptions: { parser: tseslint.parser, sourceType: 'module', extraFileExtensions: ['.vue'] },
      globals: { ...globals.browser },
    },
    rules: {
      // Layout is the formatter's business, not the linter's.
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/attributes-order': 'off',
      // The security fitness test bans v-html; the linter says so too.
      'vue/no-v-html': 'error',
      'vue/multi-word-component-names': ['error', { ignores: ['Badge'] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The interpretation's part editors are handed the record's reactive part and edit it in place, as the
    // editor view that owns the record expects.
    files: ['src/components/interpretations/{GraphicEditor,MediaEditor,QAEditor}.vue'],
    rules: { 'vue/no-mutating-props': 'off' },
  },
  {
    // The end-to-end tests run in Node and hand functions to the page (page.evaluate), which run in the browser.
    files: ['e2e/**/*.mjs', '*.js', '*.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
)
