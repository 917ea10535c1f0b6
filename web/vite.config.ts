// Builds the page into dist/ (served by `dossier serve --web dist`), and runs the
// tests: "unit" (pure logic, in Node) and "browser" (real chromium against a real
// `dossier serve`, see tests/browser/setup.ts). `vite` alone serves the page in
// development and passes the API to a running server (DOSSIER_API, default :8080).

import { defineConfig } from 'vitest/config';

const api = process.env.DOSSIER_API ?? 'http://127.0.0.1:8080';

export default defineConfig({
  base: './',
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 700 },
  server: {
    host: '127.0.0.1',
    proxy: { '/api': api, '/match': api },
  },
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/browser/setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
