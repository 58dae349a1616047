// Bundle-size figures for the browser SDK, measured exactly as `.size-limit.json` budgets them, so the two
// never disagree. What counts: for every size-limit entry, the bundle size-limit 12 builds from `dist/` (esbuild,
// the entry's `import`, everything it pulls in statically, minified, one file) with the entry's `ignore` list
// external. For a first-load entry that list is the lazy chunks (`phone-lazy`, `sync-lazy`, `session-lazy`,
// `map-response`, `dev-browser`): the page fetches them through a dynamic import(), not before the entry runs,
// and each is measured by its own entry. Reported per entry: minified, gzip -9 and brotli q11 bytes, each less
// the empty-bundle wrapper size-limit subtracts (so the gzip column is `npm run size`'s figure), and the
// first load's minified bytes by source. Exits 1 if a first-load entry reaches libphonenumber-js or a lazy
// chunk through a static import (the split broke).
// An earlier version bundled `src/` with code splitting and summed the gzip of every initial chunk: six
// separately compressed files of one first load, about 1.4 KB more than the same code in one file.
//   npm run build && node bench/size.mjs   # table
//   node bench/size.mjs --json             # machine-readable
import { build } from 'esbuild'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { constants, brotliCompressSync, gzipSync } from 'node:zlib'

const root = resolve(import.meta.dirname, '..')
const checks = JSON.parse(readFileSync(join(root, '.size-limit.json'), 'utf8'))

// @size-limit/esbuild 12 subtracts what esbuild emits for an empty project, by the kind of entry:
// [minified, gzip, brotli] bytes.
const WRAPPER = {
  file: [12, 32, 16],
  import: [34, 46, 30],
  importWithRequireShim: [331, 182, 182],
}

function compressed(code) {
  return {
    min: code.length,
    gzip: gzipSync(code, { level: 9 }).length,
    brotli: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  }
}

// The entry size-limit writes for an `import` check: import the names, use them so nothing is shaken off.
function importEntry(dir, check) {
  const path = join(root, check.path)
  const names = check.import === '*' ? '* as all' : check.import
  const used = check.import === '*' ? 'all' : check.import.replace(/[{}]/g, '').trim()
  const entry = join(dir, 'index.js')
  writeFileSync(entry, `import ${names} from ${JSON.stringify(path)}\nconsole.log(${used})\n`)
  return entry
}

// A `path` check names files in dist/ by a glob with one `*` (dist/phone-lazy-*.js).
function filesOf(check) {
  const folder = join(root, check.path, '..')
  const [prefix, suffix] = check.path.split('/').pop().split('*')
  const names = readdirSync(folder).filter((name) => name.startsWith(prefix) && name.endsWith(suffix ?? ''))
  return names.map((name) => join(folder, name))
}

// The same esbuild options as @size-limit/esbuild's getConfig (no format: esbuild's default for a bundle).
async function bundle(check, dir) {
  const entryPoints = check.import ? [importEntry(dir, check)] : filesOf(check)
  const result = await build({
    entryPoints,
    bundle: true,
    allowOverwrite: Boolean(check.import),
    external: check.ignore,
    metafile: true,
    minifyIdentifiers: true,
    minifySyntax: true,
    minifyWhitespace: true,
    treeShaking: true,
    outdir: join(dir, 'out'),
    logLevel: 'error',
  })
  return Object.entries(result.metafile.outputs).filter(([file]) => file.endsWith('.js'))
}

function wrapperOf(check, outputs) {
  if (!check.import) return WRAPPER.file
  const shim = check.ignore && outputs.some(([file]) => readFileSync(file, 'utf8').includes('Dynamic require of '))
  return shim ? WRAPPER.importWithRequireShim : WRAPPER.import
}

function bytesBySource(outputs) {
  const bytes = {}
  for (const [, output] of outputs) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const key = input.includes('node_modules/') ? input.split('node_modules/')[1].split('/')[0] : 'dialkit'
      if (bytesInOutput) bytes[key] = (bytes[key] ?? 0) + bytesInOutput
    }
  }
  return bytes
}

// A lazy chunk or libphonenumber-js reached by anything but a dynamic import() would load with the entry.
function staticLeaks(outputs) {
  const lazy = /libphonenumber-js|phone-lazy|sync-lazy|session-lazy|map-response|dev-browser/
  const leaks = []
  for (const [, output] of outputs) {
    for (const input of Object.keys(output.inputs)) if (lazy.test(input)) leaks.push(input)
    for (const dep of output.imports) if (lazy.test(dep.path) && dep.kind !== 'dynamic-import') leaks.push(dep.path)
  }
  return leaks
}

async function measure(check) {
  const dir = mkdtempSync(join(tmpdir(), 'dialkit-size-'))
  try {
    const outputs = await bundle(check, dir)
    // size-limit compresses each output file on its own and adds them up.
    const total = sum(outputs.map(([file]) => compressed(readFileSync(file))))
    const [min, gzip, brotli] = wrapperOf(check, outputs)
    const firstLoad = Boolean(check.import)
    return {
      name: check.name,
      limit: check.limit,
      firstLoad,
      min: total.min - min,
      gzip: total.gzip - gzip,
      brotli: total.brotli - brotli,
      bySource: bytesBySource(outputs),
      leaks: firstLoad && check.path === 'dist/index.js' ? staticLeaks(outputs) : [],
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const sum = (list) => list.reduce((a, b) => ({ min: a.min + b.min, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli }))

const results = []
for (const check of checks) results.push(await measure(check))

if (process.argv.includes('--json')) console.log(JSON.stringify(results, null, 2))
else {
  for (const { name, limit, min, gzip, brotli, bySource } of results) {
    console.log(name)
    console.log(`  ${min} B min, ${gzip} B gzip -9 (budget ${limit}), ${brotli} B brotli q11`)
    console.log(`  minified bytes by source: ${JSON.stringify(bySource)}`)
  }
}
const leaked = results.filter(({ leaks }) => leaks.length > 0)
for (const { name, leaks } of leaked) console.error(`${name}: loads ${leaks.join(', ')} up front; the lazy split broke`)
if (leaked.length > 0) process.exit(1)
