// ESLint flat config for the whole workspace.
// Module boundaries: every project carries a `type:` tag (see each project.json). Pure
// libraries import no framework and no other project code except what their tag allows;
// apps never import each other. A wrong import fails `nx run-many -t lint` and so CI.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const frameworkImports = [
  '@nestjs/*',
  'typeorm',
  'pg',
  'pg-boss',
  'express',
  'react',
  'react-dom',
  'react-router',
  'antd',
  'socket.io',
  'socket.io-client',
  '@socket.io/*',
];

export default tseslint.config(
  { ignores: ['**/dist', '**/node_modules', '**/.nx', '**/coverage', '**/.govdesk', '**/*.mjs', '**/*.js'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { '@nx': nx },
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'off',
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: [], bannedExternalImports: frameworkImports },
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:domain'], bannedExternalImports: frameworkImports },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts'] },
            { sourceTag: 'type:test', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts'] },
          ],
        },
      ],
    },
  },
  // Apps never import each other. Nx's rule catches imports of apps by name; relative paths
  // into the other app are caught here.
  {
    files: ['apps/console/**/*.ts', 'apps/console/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '(^|/)apps/api/|^(\\.\\./)+api/src/', message: 'apps never import each other: share code through libs/' }] }],
    },
  },
  {
    files: ['apps/api/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '(^|/)apps/console/|^(\\.\\./)+console/src/', message: 'apps never import each other: share code through libs/' }] }],
    },
  },
  {
    files: ['apps/console/**/*.tsx', 'apps/console/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    // Benchmarks and fault tests start the real API in their own process on purpose (test/bench, test/e2e).
    files: ['test/bench/**/*.ts', 'test/e2e/**/*.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
);
