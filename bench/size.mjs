// Bundle-size figures for the browser SDK: what the core flow loads up front and what the phone chunk adds
// later. Bundles src/ with esbuild (code splitting on, like an app's bundler) and prints min / gzip -9 /
// brotli q11 bytes. Exits 1 if libphonenumber-js ends up in the first load.
//   node bench/size.mjs          # table
//   node bench/size.mjs --json   # machine-readable
import { build } from 'esbuild'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

const root = resolve(import.meta.dirname, '..')
const entries = {
  // The flow the budget is about, written the way the bundle anchors' peers were measured.
  'core-flow': `
    import { createClient } from ${JSON.stringify(join(root, 'src/index.ts'))}
    export async function addPhone(publishableKey, phoneNumber, getCode) {
      const client = createClient({ publishableKey })
      await client.load()
      const phone = await client.user.createPhoneNumber({ phoneNumber })
      const sent = await phone.prepareVerification()
      return sent.attemptVerification({ code: await getCode() })
    }`,
  // Phone sign-in with an SMS second factor, the flow better-auth's phone plugin is compared on.
  'sign-in-flow': `
    import { createClient, SignIn } from ${JSON.stringify(join(root, 'src/index.ts'))}
    export async function signInByPhone(publishableKey, identifier, getCode) {
      const client = createClient({ publishableKey })
      await client.load()
      let signIn = await SignIn.create(client, { identifier })
      signIn = await signIn.prepareFirstFactor({ strategy: 'phone_code' })
      signIn = await signIn.attemptFirstFactor({ strategy: 'phone_code', code: await getCode() })
      if (signIn.status !== 'needs_second_factor') return signIn
      signIn = await signIn.prepareSecondFactor({ strategy: 'phone_code' })
      return signIn.attemptSecondFactor({ strategy: 'phone_code', code: await getCode() })
    }`,
  'sign-up-flow': `
    import { createClient, SignUp } from ${JSON.stringify(join(root, 'src/index.ts'))}
    export async function signUpByPhone(publishableKey, phoneNumber, getCode) {
      const client = createClient({ publishableKey })
      await client.load()
      const signUp = await SignUp.create(client, { phoneNumber })
      const sent = await signUp.preparePhoneNumberVerification()
      return sent.attemptPhoneNumberVerification({ code: await getCode() })
    }`,
}

function sizes(code) {
  const gzip = gzipSync(code, { level: 9 }).length
  const brotli = brotliCompressSync(code, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT },
  }).length
  return { min: code.length, gzip, brotli }
}

async function measure(name, source) {
  const dir = mkdtempSync(join(tmpdir(), 'dialkit-size-'))
  try {
    const entry = join(dir, `${name}.js`)
    writeFileSync(entry, source)
    const result = await build({
      entryPoints: [entry],
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      splitting: true,
      outdir: join(dir, 'out'),
      metafile: true,
      nodePaths: [join(root, 'node_modules')],
      logLevel: 'error',
    })
    return classify(result.metafile.outputs, name)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

// The entry chunk and what it imports statically load first; every other chunk is lazy.
function classify(outputs, name) {
  const chunks = Object.entries(outputs).filter(([file]) => file.endsWith('.js'))
  const entry = chunks.find(([, output]) => output.entryPoint?.endsWith(`${name}.js`))
  const initial = new Set([entry[0]])
  for (const [file, output] of chunks) if (initial.has(file)) for (const dep of output.imports) if (dep.kind === 'import-statement') initial.add(dep.path)
  const pick = (wanted) => chunks.filter(([file]) => initial.has(file) === wanted)
  const total = (list) => sum(list.map(([file]) => sizes(readFileSync(file))))
  const hasPhone = (list) => list.some(([, output]) => Object.keys(output.inputs).some((input) => input.includes('libphonenumber-js')))
  return {
    initial: { ...total(pick(true)), chunks: pick(true).length, libphonenumber: hasPhone(pick(true)) },
    lazy: { ...total(pick(false)), chunks: pick(false).length, libphonenumber: hasPhone(pick(false)) },
    inputs: topInputs(pick(true)),
  }
}

function topInputs(list) {
  const bytes = {}
  for (const [, output] of list) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const key = input.includes('node_modules/') ? input.split('node_modules/')[1].split('/')[0] : 'dialkit src'
      bytes[key] = (bytes[key] ?? 0) + bytesInOutput
    }
  }
  return bytes
}

const sum = (list) => list.reduce((a, b) => ({ min: a.min + b.min, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli }), { min: 0, gzip: 0, brotli: 0 })

const results = {}
for (const [name, source] of Object.entries(entries)) results[name] = await measure(name, source)

if (process.argv.includes('--json')) console.log(JSON.stringify(results, null, 2))
else {
  for (const [name, { initial, lazy, inputs }] of Object.entries(results)) {
    console.log(`${name}`)
    console.log(`  first load : ${initial.min} B min, ${initial.gzip} B gzip -9, ${initial.brotli} B brotli q11 (${initial.chunks} chunk)`)
    console.log(`  phone chunk: ${lazy.min} B min, ${lazy.gzip} B gzip -9, ${lazy.brotli} B brotli q11 (${lazy.chunks} chunk, lazy)`)
    console.log(`  first load minified bytes by source: ${JSON.stringify(inputs)}`)
  }
}
const leaked = Object.values(results).some(({ initial, lazy }) => initial.libphonenumber || !lazy.libphonenumber)
if (leaked) {
  console.error('libphonenumber-js is in the first load: the phone chunk is not split')
  process.exit(1)
}
