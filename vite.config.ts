import { chmod } from 'node:fs/promises'
import { builtinModules } from 'node:module'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Plugin } from 'vite'
import { defineConfig } from 'vitest/config'
import pkg from './package.json' with { type: 'json' }

// Runtime dependencies and Node built-ins stay imports: the package's consumers install and
// bundle them once, and the emulator entries must never inline Node-only code into the browser one.
const external = [
  ...Object.keys(pkg.dependencies),
  ...Object.keys(pkg.peerDependencies),
  // dialkit/react and dialkit/testing import the SDK by its package name, so an app has one copy of it, not two.
  pkg.name,
  ...builtinModules,
  ...builtinModules.map((name) => `node:${name}`),
].map((name) => new RegExp(`^${name}(/.*)?$`))

// Rollup writes every file 0644, which would leave the package bin unrunnable ("Permission denied") after
// each build; npm sets the bit on install, but a clone runs the file as built.
function executableBin(chunkName: string): Plugin {
  return {
    name: 'dialkit:executable-bin',
    apply: 'build',
    async writeBundle(options, bundle) {
      for (const output of Object.values(bundle)) {
        if (output.type === 'chunk' && output.name === chunkName) await chmod(join(options.dir ?? 'dist', output.fileName), 0o755)
      }
    },
  }
}

export default defineConfig({
  plugins: [executableBin('emulator-cli')],
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    minify: false,
    sourcemap: true,
    lib: {
      entry: {
        index: 'src/index.ts',
        backend: 'src/backend/index.ts',
        emulator: 'src/emulator/index.ts',
        'emulator-cli': 'src/emulator/cli.ts',
        react: 'src/react/index.ts',
        testing: 'src/testing/index.ts',
      },
      formats: ['es'],
    },
    rollupOptions: {
      external,
      // The emulator CLI is the package bin: it needs a shebang, and only that chunk.
      output: { banner: (chunk) => (chunk.name === 'emulator-cli' ? '#!/usr/bin/env node' : '') },
    },
  },
  test: {
    // Nothing a test runs may reach past loopback (Clerk's API, telemetry): see the file.
    setupFiles: ['test/support/no-internet.ts'],
    // Tests run dialkit/react on the sources: its `dialkit` import is the browser entry's source, not dist/.
    alias: [{ find: /^dialkit$/, replacement: fileURLToPath(new URL('src/index.ts', import.meta.url)) }],
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      exclude: ['src/emulator/**', 'src/**/index.ts', 'src/**/*-types.ts', 'src/wire/**'],
      thresholds: { lines: 95 },
      reporter: ['text-summary', 'json-summary'],
    },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: ['test/integration/**', 'test/e2e/**'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          // The public types, checked by tsc through vitest: a wrong type is a failing test, not a silent pass.
          name: 'types',
          include: [],
          typecheck: { enabled: true, only: true, include: ['test/**/*.test-d.{ts,tsx}'], tsconfig: 'test/tsconfig.types.json' },
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 90_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
})
