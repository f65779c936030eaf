// The project's lint: typescript-eslint's recommended rules, and the layers of README's "How the folders
// fit together" as errors. Formatting is Prettier's (.prettierrc.json); `npm test` runs both.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

/**
 * Imports a folder may not make: the project's own folders, reached by relative paths that climb with
 * ../ (so that a package such as @temporalio/client is not taken for client/).
 */
const layer = (...folders) =>
  folders.flatMap((folder) =>
    ['../', '../../', '../../../', '../../../../'].flatMap((up) => [`${up}${folder}`, `${up}${folder}/*`, `${up}${folder}/**`]),
  );
const nodeBuiltins = {
  group: ['node:*', 'fs', 'path', 'os', 'crypto', 'http', 'net', 'child_process'],
  message: 'no Node built-ins here: this code must stay deterministic and free of I/O',
};

export default tseslint.config(
  { ignores: ['node_modules/**', '.data/**', 'coverage/**', 'test/replay/histories/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // domain/: pure rules and types; it imports nothing else of the project.
    files: ['domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: layer('workflows', 'activities', 'records', 'client', 'worker', 'config', 'webhook-signing'),
              message: 'domain/ imports nothing else of the project',
            },
            nodeBuiltins,
          ],
        },
      ],
    },
  },
  {
    // workflows/: deterministic; no records or client code, only types from activities.
    files: ['workflows/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: layer('records', 'client', 'worker', 'config', 'webhook-signing'),
              message: 'workflows import no records, client, worker or config code',
            },
            { group: layer('activities'), allowTypeImports: true, message: 'workflows import only types from activities (import type)' },
            nodeBuiltins,
          ],
        },
      ],
    },
  },
  {
    // activities/ and records/: nothing from client/ or worker/; from workflows/ only the types of the
    // workflows an activity starts (typed starts), never their code.
    files: ['activities/**/*.ts', 'records/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: layer('client', 'worker'), message: 'activities and records import nothing from client/ or worker/' },
            { group: layer('workflows'), allowTypeImports: true, message: 'activities import only types from workflows/ (import type)' },
          ],
        },
      ],
    },
  },
  {
    // webhook-signing/: shared by the client (checking) and the activities (signing); it imports neither.
    files: ['webhook-signing/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: layer('workflows', 'activities', 'records', 'client', 'worker', 'config'),
              message: 'webhook-signing/ imports nothing else of the project',
            },
          ],
        },
      ],
    },
  },
  {
    // worker/: no client code (settings and logging live in config/).
    files: ['worker/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: layer('client'), message: 'the worker imports no client code' }] }],
    },
  },
  {
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly', __dirname: 'readonly' } },
  },
  {
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
);
