import js from '@eslint/js'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.venv/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['log', 'error'] }]
    }
  },
  {
    // Names and keys in log lines could become workflow commands: every line goes through
    // src/output/log.ts, which escapes it.
    files: ['src/**/*.ts'],
    ignores: ['src/output/log.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "MemberExpression[object.name='core'][property.name=/^(info|warning|error|notice|debug|setFailed)$/]",
          message: 'Log through log.* from src/output/log.ts: it escapes names and keys.'
        }
      ]
    }
  }
)
