import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { emulatorPlugin } from './dev/emulator-plugin.js'

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))

// `npm run demo:react`: the dev server with the emulator behind it on the same origin (see dev/).
export default defineConfig({
  root: here('.'),
  // Only the public entry points, taken from the repo's source so the example needs no build of the package.
  resolve: {
    alias: [
      { find: /^dialkit\/react$/, replacement: here('../../src/react/index.ts') },
      { find: /^dialkit$/, replacement: here('../../src/index.ts') },
    ],
  },
  plugins: [react(), emulatorPlugin()],
  // Pre-bundle the lazily imported phone metadata too; otherwise the dev server discovers it on the first
  // parse and reloads the page mid-flow.
  optimizeDeps: { include: ['libphonenumber-js/min'] },
  server: { port: Number(process.env.PORT) || 5174, fs: { allow: [here('../..')] } },
  preview: { port: Number(process.env.PORT) || 4174 },
  build: { outDir: here('dist'), emptyOutDir: true, target: 'es2022' },
})
