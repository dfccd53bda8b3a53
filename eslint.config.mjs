// Lint rules, chiefly the import rules of the architecture (as errors):
//   shared/            pure: no electron, node:*, better-sqlite3, react, no DOM globals
//   electron/services, serve, cli: no electron, no renderer/
//   electron/main:     no renderer/
//   electron/preload:  only electron and shared/api
//   renderer/:         no electron/, electron, node:*, better-sqlite3, fs
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'net', 'url', 'util', 'worker_threads'];
const pattern = (group, message) => ({ group, message });

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.tsbuild/**', 'release/**', 'bin/**', 'build/native/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/ban-ts-comment': 'error',
    },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        pattern(['electron', 'better-sqlite3', 'react', 'react-dom', 'ws', 'y-prosemirror', 'prosemirror-view', ...nodeBuiltins], 'shared/ is pure TypeScript used by both sides.'),
        pattern(['**/electron/**', '**/renderer/**'], 'shared/ may not import from electron/ or renderer/.'),
      ] }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'process', 'require', 'Buffer', '__dirname'],
    },
  },
  {
    files: ['electron/services/**/*.ts', 'electron/serve/**/*.ts', 'electron/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        pattern(['electron'], 'The services run under plain Node: no Electron.'),
        pattern(['**/renderer/**', '**/main/**', '**/preload/**'], 'The services may not import the renderer or the Electron shell.'),
      ] }],
    },
  },
  {
    files: ['electron/main/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [pattern(['**/renderer/**'], 'main may not import the renderer.')] }],
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        pattern([...nodeBuiltins, 'better-sqlite3', '**/services/**', '**/renderer/**', '**/shared/schema/**', '**/shared/domain/**'], 'The preload exposes one typed bridge: electron and shared/api only.'),
      ] }],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        pattern(['electron', 'better-sqlite3', 'ws', ...nodeBuiltins], 'The renderer is sandboxed: no Node, no Electron.'),
        pattern(['**/electron/**'], 'The renderer talks to the services only through the bridge.'),
      ] }],
    },
  },
);
