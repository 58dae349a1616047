// API report: runs API Extractor over the built declarations of the entries (run `npm run build` first).
//   node scripts/api-report.mjs --local   rewrites etc/*.api.md (what `npm run api` does)
//   node scripts/api-report.mjs           fails when a report differs from dist/ or a TSDoc comment is malformed
// One TypeScript program serves every entry, so the check costs one compile, not one per entry.
import { mkdirSync, writeFileSync } from 'node:fs'
import { CompilerState, Extractor, ExtractorConfig } from '@microsoft/api-extractor'

const CONFIGS = ['api-extractor.json', 'api-extractor.backend.json', 'api-extractor.emulator.json', 'api-extractor.react.json', 'api-extractor.testing.json']
const local = process.argv.includes('--local')

// The stand-in for `dialkit` that tsconfig.api.json maps to (see there): inside node_modules, so dialkit/react's
// imports of the browser entry are reported as imports, not copied into its report.
mkdirSync('node_modules/.cache/api-extractor/dialkit', { recursive: true })
writeFileSync('node_modules/.cache/api-extractor/dialkit/index.d.ts', "export * from '../../../../dist/index.js'\n")
writeFileSync('node_modules/.cache/api-extractor/dialkit/backend.d.ts', "export * from '../../../../dist/backend/index.js'\n")
writeFileSync('node_modules/.cache/api-extractor/dialkit/emulator.d.ts', "export * from '../../../../dist/emulator/index.js'\n")

const configs = CONFIGS.map((file) => ExtractorConfig.loadFileAndPrepare(file))
const compilerState = CompilerState.create(configs[0], {
  additionalEntryPoints: configs.slice(1).map((config) => config.mainEntryPointFilePath),
})

const stale = []
let failed = false
for (const config of configs) {
  const result = Extractor.invoke(config, {
    localBuild: local,
    compilerState,
    printApiReportDiff: !local,
    messageCallback(message) {
      // Replaced by the summary below, which says what to run instead of "copy the temp file".
      if (message.messageId === 'console-api-report-not-copied') message.handled = true
    },
  })
  if (!local && result.apiReportChanged) stale.push(config.reportConfigs[0].fileName)
  failed ||= !result.succeeded
}

if (stale.length > 0) {
  console.error(
    `\nThe public API differs from the committed report (${stale.map((name) => `etc/${name}`).join(', ')}).\n` +
      'If the change is intended, run `npm run build && npm run api`, review the diff of etc/ and commit it.',
  )
}
if (failed) {
  if (stale.length === 0) console.error('\nAPI Extractor reported problems above; fix them in src/ and rebuild.')
  process.exitCode = 1
}
