import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build, preview, type PreviewServer } from 'vite'
import { freePort } from '../support/free-port.js'

export interface ReactExample {
  url: string
  /** The SMS the emulator "sent" to `e164`, newest first (through the example's own /__dev proxy). */
  codes(e164: string): Promise<string[]>
  stop(): Promise<void>
}

const configFile = fileURLToPath(new URL('../../examples/react/vite.config.ts', import.meta.url))

/**
 * Builds examples/react for production into a temporary directory and serves it with `vite preview`, whose
 * plugin (examples/react/dev) runs the emulator behind the same origin, as `npx vite preview` would.
 */
export async function startReactExample(): Promise<ReactExample> {
  const outDir = await mkdtemp(join(tmpdir(), 'dialkit-react-e2e-'))
  let server: PreviewServer | undefined
  try {
    await build({ configFile, logLevel: 'warn', build: { outDir, emptyOutDir: true } })
    server = await preview({ configFile, logLevel: 'warn', build: { outDir }, preview: { port: await freePort(), strictPort: true } })
  } catch (error) {
    await rm(outDir, { recursive: true, force: true })
    throw error
  }
  const url = server.resolvedUrls?.local[0]
  if (!url) throw new Error('vite preview printed no local URL')
  const running = server
  return {
    url,
    async codes(e164) {
      const response = await fetch(new URL('/__dev/sms', url))
      const { data } = (await response.json()) as { data: Array<{ to: string; code: string }> }
      return data.filter((sms) => sms.to === e164).map((sms) => sms.code)
    },
    async stop() {
      await running.close()
      await rm(outDir, { recursive: true, force: true })
    },
  }
}
