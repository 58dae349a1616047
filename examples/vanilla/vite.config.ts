import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'
import { dialkitDemoServer } from './dev/demo-server-plugin.js'

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))

// `npm run demo` runs `vite --config examples/vanilla/vite.config.ts`: the dev server with the emulator
// behind it on the same origin, so the browser's `__client` cookie works as it would in production.
export default defineConfig({
  root: here('.'),
  resolve: { alias: { dialkit: here('../../src/index.ts') } },
  server: {
    port: Number(process.env.PORT) || 5173,
    strictPort: false,
    // The page imports the SDK from ../../src through the `dialkit` alias.
    fs: { allow: [here('../..')] },
    // DIALKIT_DEMO_WATCH=0 (the e2e suite sets it): no file watching and no HMR, so a file saved in the
    // working tree mid-test cannot reload the page under the test.
    ...(process.env.DIALKIT_DEMO_WATCH === '0' ? { watch: null, hmr: false } : {}),
  },
  preview: { port: Number(process.env.PORT) || 4173 },
  build: { outDir: here('dist'), emptyOutDir: true, target: 'es2022', manifest: true },
  plugins: [dialkitDemoServer()],
})
