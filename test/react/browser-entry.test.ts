// The `dialkit` entry must never pull React in: an app without React pays nothing for dialkit/react.
import { build } from 'esbuild'
import { fileURLToPath } from 'node:url'
import { expect, it } from 'vitest'

const root = fileURLToPath(new URL('../../', import.meta.url))

async function bundledInputs(entry: string): Promise<string[]> {
  const result = await build({
    entryPoints: [`${root}${entry}`],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    splitting: true,
    outdir: '/unused',
    metafile: true,
    logLevel: 'silent',
    // Resolve `dialkit` (the package's own name, as dialkit/react imports it) to the sources.
    alias: { dialkit: `${root}src/index.ts` },
  })
  return Object.keys(result.metafile.inputs)
}

it('bundles the browser entry, with everything it loads lazily, without React', async () => {
  const inputs = await bundledInputs('src/index.ts')
  expect(inputs.some((input) => input.includes('libphonenumber-js'))).toBe(true)
  expect(inputs.filter((input) => /node_modules\/(react|react-dom|scheduler)\//.test(input))).toEqual([])
  expect(inputs.filter((input) => input.includes('src/react/'))).toEqual([])
})

it('bundles dialkit/react with React and the browser entry it builds on (the check above can see React)', async () => {
  const inputs = await bundledInputs('src/react/index.ts')
  expect(inputs.some((input) => /node_modules\/react\//.test(input))).toBe(true)
  expect(inputs).toContain('src/index.ts')
})
