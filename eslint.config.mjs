import js from '@eslint/js';
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

const providerBannedImports = ['hono', 'hono/*', '@hono/*', 'drizzle-orm', 'drizzle-orm/*', 'ioredis', 'postgres', 'pino', 'prom-client'];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.nx/**', '.tools/**', '**/__fixtures__/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mjs', '**/*.js'],
    plugins: { '@nx': nx },
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', setImmediate: 'readonly' } },
    rules: {
      '@nx/enforce-module-boundaries': ['error', {
        enforceBuildableLibDependency: true,
        allow: [],
        depConstraints: [
          { sourceTag: 'type:core', onlyDependOnLibsWithTags: [] },
          { sourceTag: 'type:provider-kit', onlyDependOnLibsWithTags: ['type:core'], bannedExternalImports: providerBannedImports },
          { sourceTag: 'type:provider', onlyDependOnLibsWithTags: ['type:core', 'type:provider-kit'], bannedExternalImports: providerBannedImports },
          { sourceTag: 'type:feature', onlyDependOnLibsWithTags: ['type:core', 'type:provider-kit', 'type:feature'], bannedExternalImports: ['hono', 'hono/*', '@hono/*'] },
          { sourceTag: 'type:infra', onlyDependOnLibsWithTags: ['type:core', 'type:provider-kit', 'type:feature', 'type:infra'], bannedExternalImports: ['hono', 'hono/*', '@hono/*'] },
          { sourceTag: 'type:sdk', onlyDependOnLibsWithTags: ['type:core', 'type:provider-kit', 'type:provider', 'type:feature'] },
          { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:core', 'type:provider-kit', 'type:provider', 'type:feature', 'type:infra', 'type:tool'] },
          { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:core', 'type:provider-kit', 'type:provider', 'type:feature', 'type:infra', 'type:sdk', 'type:tool'] },
        ],
      }],
      'max-lines': ['error', { max: 400, skipBlankLines: true, skipComments: true }],
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', console: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.config.ts', '**/*.config.mjs', 'eslint.config.mjs'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
  {
    files: ['**/*.test.ts', '**/test/**/*.ts'],
    rules: { 'max-lines-per-function': 'off', 'max-lines': ['error', { max: 800, skipBlankLines: true, skipComments: true }] },
  },
);
