import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))

// The emulator the dev server forwards to (`npx dialkit-emulator --port 4010`). Proxying keeps the page and
// the API on one origin, so the browser's `__client` cookie works as in production.
const emulator = process.env.DIALKIT_EMULATOR_URL ?? 'http://localhost:4010'

export default defineConfig({
  root: here('.'),
  // Only the public entry point, taken from the repo's source so the example needs no build of the package.
  resolve: { alias: { dialkit: here('../../src/index.ts') } },
  plugins: [react()],
  // Pre-bundle the lazily imported phone metadata too; otherwise the dev server discovers it on the first
  // parse and reloads the page mid-flow.
  optimizeDeps: { include: ['libphonenumber-js/min'] },
  server: {
    port: Number(process.env.PORT) || 5174,
    fs: { allow: [here('../..')] },
    proxy: { '/v1': emulator, '/__dev': emulator },
  },
  build: { outDir: here('dist'), emptyOutDir: true, target: 'es2022' },
})
