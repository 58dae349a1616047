import { existsSync, mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type Page } from 'playwright-core'
import { onTestFailed } from 'vitest'

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium']

/** Debian's Chromium (or DIALKIT_CHROMIUM). Never a downloaded browser; a missing one is a loud failure. */
export function findChromium(): string {
  const fromEnv = process.env['DIALKIT_CHROMIUM']
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv
    throw new Error(`DIALKIT_CHROMIUM points to ${fromEnv}, which does not exist.`)
  }
  const found = CANDIDATES.find((path) => existsSync(path))
  if (found) return found
  throw new Error(
    'No Chromium found for the end-to-end tests. Install it with `sudo apt-get install -y chromium` ' +
      '(Debian/Ubuntu), or set DIALKIT_CHROMIUM=/path/to/chrome. The e2e suite never downloads a browser.',
  )
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium(),
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-gpu', '--no-first-run'],
  })
}

const shotsDir = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url))

/** Saves a full-page screenshot as a test artifact (test-results/ is gitignored). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(shotsDir, { recursive: true })
  await page.screenshot({ path: `${shotsDir}${name}.png`, fullPage: true })
}

/** Call at the start of a test: a failure leaves a screenshot of the page as it was (failed-<name>.png). */
export function screenshotOnFailure(page: Page, name: string): void {
  onTestFailed(async () => {
    await screenshot(page, `failed-${name}`).catch(() => undefined)
  })
}
