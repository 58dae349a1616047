import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const configFile = fileURLToPath(new URL('../../examples/react/vite.config.ts', import.meta.url))
let outDir = ''

// `npm test` proves the React example still builds against the public entry point. The output goes to a
// temporary directory so a developer's own examples/react/dist is left alone.
beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'dialkit-react-'))
  await build({ configFile, logLevel: 'silent', build: { outDir, emptyOutDir: true } })
}, 60_000)

afterAll(async () => {
  if (outDir) await rm(outDir, { recursive: true, force: true })
})

describe('examples/react', () => {
  it('builds an index.html that loads a script', async () => {
    const html = await readFile(join(outDir, 'index.html'), 'utf8')
    expect(html).toMatch(/<script type="module"[^>]* src="\/assets\/index-[\w-]+\.js"/)
  })

  it('bundles the verify form with the one-time-code field and the flow controller', async () => {
    const assets = await readdir(join(outDir, 'assets'))
    const scripts = await Promise.all(
      assets.filter((name) => name.endsWith('.js')).map((name) => readFile(join(outDir, 'assets', name), 'utf8')),
    )
    const code = scripts.join('\n')
    expect(code).toContain('one-time-code')
    expect(code).toContain('numeric')
    // The flow's WebOTP request, proof the controller came in through the `dialkit` alias, and the
    // provider's error, proof the hooks came from `dialkit/react`.
    expect(code).toContain('OTPCredential')
    expect(code).toContain('needs a <DialkitProvider')
  })
})
