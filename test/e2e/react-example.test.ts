import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findChromium, launchChromium, screenshot, screenshotOnFailure } from './browser.js'
import { startReactExample, type ReactExample } from './react-example-server.js'

const NEW_NUMBER = '+14155552671'

const row = (page: Page, e164: string) => page.locator(`[data-testid="phone-row"][data-phone="${e164}"]`)
const rowButton = (page: Page, e164: string, label: string) =>
  row(page, e164).getByRole('button', { name: new RegExp(`^${label}:`) })

async function text(locator: Locator, pattern: RegExp): Promise<void> {
  await expect.poll(() => locator.textContent({ timeout: 1000 }).catch(() => ''), { timeout: 10_000 }).toMatch(pattern)
}

async function signInAsDemoUser(page: Page, url: string): Promise<string> {
  await page.goto(url)
  await page.getByRole('button', { name: 'Continue as a demo user' }).click()
  const rows = page.getByTestId('phone-row')
  await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(1)
  return (await rows.first().getAttribute('data-phone'))!
}

describe('examples/react, built and driven in Chromium', () => {
  let example: ReactExample
  let browser: Browser

  beforeAll(async () => {
    findChromium()
    ;[example, browser] = await Promise.all([startReactExample(), launchChromium()])
  })

  afterAll(async () => {
    await browser?.close()
    await example?.stop()
  })

  it('runs the whole account page: add, verify, 2FA with backup codes, default, primary, reload, delete, sign out', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' })
    const page = await context.newPage()
    screenshotOnFailure(page, 'react-account')
    const seeded = await signInAsDemoUser(page, example.url)
    await text(row(page, seeded).locator('[data-badge="status"]'), /^Verified$/)
    await screenshot(page, 'react-01-signed-in-1280')

    // Add: what the number cannot hold is named before it is left out; the panel sends the first code by itself.
    await page.getByRole('textbox', { name: 'Phone number' }).fill('415 555 2671 ext. 12')
    await text(page.getByTestId('phone-notice'), /“ext\. 12” will be left out/)
    await page.getByRole('button', { name: 'Add number' }).click()
    const codeInput = page.getByLabel('Code from the SMS')
    await codeInput.waitFor()
    await expect.poll(() => example.codes(NEW_NUMBER), { timeout: 10_000 }).toHaveLength(1)
    const [code] = await example.codes(NEW_NUMBER)
    await text(row(page, NEW_NUMBER), /\+1 415 555 2671/)
    await text(row(page, NEW_NUMBER).locator('[data-badge="status"]'), /^Unverified$/)

    // A grouped code keeps its six digits; a wrong code, then the right one pasted as the whole SMS.
    await codeInput.fill(`${code!.slice(0, 3)} ${code!.slice(3)}`)
    expect(await codeInput.inputValue()).toBe(code)
    await codeInput.fill(code === '000000' ? '111111' : '000000')
    await page.getByRole('button', { name: 'Verify', exact: true }).click()
    await text(page.getByTestId('verify-panel').getByRole('alert'), /incorrect/i)
    await screenshot(page, 'react-02-wrong-code-1280')
    await codeInput.fill(`Your verification code is ${code}.`)
    expect(await codeInput.inputValue()).toBe(code)
    await page.getByRole('button', { name: 'Verify', exact: true }).click()
    await text(page.getByTestId('verify-panel'), /Verified/)
    await text(row(page, NEW_NUMBER).locator('[data-badge="status"]'), /^Verified$/)
    await text(page.getByTestId('notice'), /\+1 415 555 2671 is verified/)
    await page.getByRole('button', { name: 'Done' }).click()

    // The first second factor shows its backup codes once; Escape does not throw them away.
    await rowButton(page, NEW_NUMBER, 'Use for 2FA').click()
    const codes = page.getByTestId('backup-codes')
    await codes.waitFor()
    expect(await codes.getByRole('listitem').count()).toBeGreaterThan(0)
    await screenshot(page, 'react-03-backup-codes-1280')
    await page.keyboard.press('Escape')
    expect(await codes.isVisible()).toBe(true)
    await page.getByRole('button', { name: 'I saved them' }).click()
    await codes.waitFor({ state: 'detached' })
    await row(page, NEW_NUMBER).locator('[data-badge="default-2fa"]').waitFor()

    // A second one shows no codes; make it the default.
    await rowButton(page, seeded, 'Use for 2FA').click()
    await row(page, seeded).locator('[data-badge="2fa"]').waitFor()
    expect(await codes.count()).toBe(0)
    await rowButton(page, seeded, 'Make default').click()
    await row(page, seeded).locator('[data-badge="default-2fa"]').waitFor()
    await row(page, NEW_NUMBER).locator('[data-badge="2fa"]').waitFor()

    // Primary moves to the new number.
    await rowButton(page, NEW_NUMBER, 'Set as primary').click()
    await text(row(page, NEW_NUMBER).locator('.badges'), /Primary/)
    await expect.poll(() => row(page, seeded).locator('.badge--primary').count()).toBe(0)
    await screenshot(page, 'react-04-two-factor-primary-1280')

    // After a reload the numbers are formatted without anything else loading the phone helpers first.
    await page.reload()
    await text(row(page, NEW_NUMBER).locator('.phones__number'), /^\+1 415 555 2671$/)
    await text(row(page, seeded).locator('.phones__number'), /^\+1 \d{3} 555 01\d\d$/)

    // Delete asks first; cancel keeps the number.
    await rowButton(page, seeded, 'Delete').click()
    const dialog = page.getByRole('dialog')
    await text(dialog, /Delete \+1 \d{3} 555 01\d\d\?/)
    await screenshot(page, 'react-05-confirm-delete-1280')
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    expect(await page.getByTestId('phone-row').count()).toBe(2)
    await rowButton(page, seeded, 'Delete').click()
    await dialog.getByRole('button', { name: 'Delete number' }).click()
    await row(page, seeded).waitFor({ state: 'detached' })
    await text(page.getByTestId('notice'), /was deleted/)

    // Sign out ends on the sign-in screen, and stays signed out after a reload.
    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.getByRole('button', { name: 'Continue as a demo user' }).waitFor()
    await page.reload()
    await page.getByRole('button', { name: 'Continue as a demo user' }).waitFor()
    await screenshot(page, 'react-06-signed-out-1280')
    await context.close()
  })

  it('keeps a second tab in step through the hooks: a number added in one, a sign-out, a sign-in', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' })
    const first = await context.newPage()
    screenshotOnFailure(first, 'react-two-tabs')
    await signInAsDemoUser(first, example.url)
    const second = await context.newPage()
    await second.goto(example.url)
    await expect.poll(() => second.getByTestId('phone-row').count(), { timeout: 15_000 }).toBe(1)

    await first.getByRole('textbox', { name: 'Phone number' }).fill('650 555 0145')
    await first.getByRole('button', { name: 'Add number' }).click()
    await text(row(second, '+16505550145').locator('[data-badge="status"]'), /^Unverified$/)

    await second.getByRole('button', { name: 'Sign out' }).click()
    await first.getByRole('button', { name: 'Continue as a demo user' }).waitFor()
    await first.getByRole('button', { name: 'Continue as a demo user' }).click()
    await expect.poll(() => second.getByTestId('phone-row').count(), { timeout: 15_000 }).toBe(1)
    await row(second, '+16505550145').waitFor({ state: 'detached' })
    await context.close()
  })

  it('fits a 375 px phone screen with touch-sized row buttons', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'en-US', hasTouch: true })
    const page = await context.newPage()
    screenshotOnFailure(page, 'react-375')
    const seeded = await signInAsDemoUser(page, example.url)
    await page.getByRole('textbox', { name: 'Phone number' }).fill('650 555 0142')
    await page.getByRole('button', { name: 'Add number' }).click()
    await text(page.getByTestId('verify-lead'), /A test number: no SMS is sent, its code is 424242\./)
    await page.getByLabel('Code from the SMS').fill('424242')
    await page.getByRole('button', { name: 'Verify', exact: true }).click()
    await text(row(page, '+16505550142').locator('[data-badge="status"]'), /^Verified$/)
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0)
    const heights = await row(page, seeded).getByRole('button').evaluateAll((buttons) => buttons.map((b) => b.getBoundingClientRect().height))
    expect(Math.min(...heights)).toBeGreaterThanOrEqual(44)
    await screenshot(page, 'react-07-phone-width-375')

    // The primary number goes only once its last four digits are typed.
    await rowButton(page, seeded, 'Delete').click()
    const dialog = page.getByRole('dialog')
    await text(dialog, /Delete your primary number/)
    const confirm = dialog.getByRole('button', { name: 'Delete number' })
    expect(await confirm.isDisabled()).toBe(true)
    await dialog.getByLabel(/Type its last four digits/).fill('0000')
    expect(await confirm.isDisabled()).toBe(true)
    await dialog.getByLabel(/Type its last four digits/).fill(seeded.slice(-4))
    await screenshot(page, 'react-08-confirm-primary-375')
    await confirm.click()
    await row(page, seeded).waitFor({ state: 'detached' })
    await context.close()
  })

  it('counts a refused resend down, lets "expired" win over it, and shows dead codes in the rows', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' })
    const page = await context.newPage()
    screenshotOnFailure(page, 'react-throttle')
    await page.clock.install()
    await signInAsDemoUser(page, example.url)
    const e164 = '+14155552672'
    await page.getByRole('textbox', { name: 'Phone number' }).fill('415 555 2672')
    await page.getByRole('button', { name: 'Add number' }).click()
    await expect.poll(() => example.codes(e164), { timeout: 10_000 }).toHaveLength(1)
    // Reopened, the panel keeps the pending code; asking for another one at once is refused (429).
    await page.getByTestId('verify-panel').getByRole('button', { name: 'Cancel' }).click()
    await rowButton(page, e164, 'Verify').click()
    await text(page.getByTestId('verify-lead'), /Enter the 6-digit code/)
    expect(await example.codes(e164)).toHaveLength(1)
    await page.getByTestId('resend').click()
    const wait = page.getByTestId('verify-wait')
    await text(wait, /You can ask for a new code in 0:(2\d|30); the code sent earlier still works/)
    expect(await page.getByTestId('verify-panel').getByRole('alert').count()).toBe(0)
    await screenshot(page, 'react-09-throttled-1280')
    await page.clock.fastForward(12_000)
    await text(wait, /in 0:(0\d|1[0-8]);/)
    await page.clock.fastForward(20_000)
    await wait.waitFor({ state: 'detached' })
    await text(page.getByTestId('resend'), /^Resend code$/)

    // The code runs out (on the server's clock too): the panel says so, and so does the row.
    await fetch(new URL('/__dev/clock', example.url), {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ advance_ms: 600_000 }),
    })
    await page.clock.fastForward('10:00')
    await text(page.getByTestId('verify-panel'), /The code has expired\. Send a new one\./)
    expect(await page.getByLabel('Code from the SMS').isDisabled()).toBe(true)
    await text(row(page, e164).locator('[data-badge="status"]'), /^Code expired$/)

    // Three wrong codes fail the verification, and the row says so.
    await page.getByRole('textbox', { name: 'Phone number' }).fill('650 555 0144')
    await page.getByRole('button', { name: 'Add number' }).click()
    const codeInput = page.getByLabel('Code from the SMS')
    for (const wrong of ['000001', '000002', '000003']) {
      await expect.poll(() => codeInput.isEnabled()).toBe(true)
      await codeInput.fill(wrong)
      await page.getByRole('button', { name: 'Verify', exact: true }).click()
      await text(page.getByTestId('verify-panel').getByRole('alert'), /incorrect|Too many wrong codes/)
    }
    await text(row(page, '+16505550144').locator('[data-badge="status"]'), /^Failed$/)
    await context.close()
  })
})
