// typescript-eslint's recommended rules (syntax only: fast, no type information needed), run by
// `npm run lint` and CI. Formatting is prettier's job (`npm run format`), not eslint's.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'coverage/**',
      'data/**',
      '.tmp/**',
      'bench/results/**',
      'libs/contracts/src/api-types.generated.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2024, sourceType: 'module' },
    rules: {
      // `_name` marks a parameter kept for its position (Nest handlers, callbacks).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // Nest modules and DTO holders are classes without members by design.
      '@typescript-eslint/no-extraneous-class': 'off',
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
      // A variable initialised and then assigned in a loop or branch reads better than the
      // definite-assignment alternative; TypeScript already reports reads before assignment.
      'no-useless-assignment': 'off',
    },
  },
  {
    // Rule 5 of architecture.md: repositories (and entities, migrations, the database folder) are
    // the only ORM users; services hand the opaque `Tx` on.
    files: ['libs/**/*.ts', 'apps/api/**/*.ts'],
    ignores: [
      '**/*.repository.ts',
      '**/*.entity.ts',
      '**/repositories/**',
      '**/entities/**',
      'libs/core/src/database/**',
      'apps/api/src/migrations/**',
      '**/*.spec.ts',
      'libs/testing/**',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'typeorm', message: 'Only repositories use TypeORM: take a Tx and call a repository.' }] },
      ],
    },
  },
  {
    // class-validator and class-transformer key their registries by `Function`; these files mirror that.
    files: ['libs/core/src/validation/**'],
    rules: { '@typescript-eslint/no-unsafe-function-type': 'off' },
  },
  {
    files: ['apps/web/**/*.{ts,tsx,js}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Tests and benchmarks read arbitrary JSON answers; `any` there is the honest type.
    files: ['test/**/*.ts', 'bench/**/*.ts', '**/*.spec.ts', '**/*.e2e-spec.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
