import type { Browser, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { screenshot, screenshotOnFailure } from './browser.js'
import { useDemoInChromium } from './demo-server.js'
import { advanceClock, expectText, readCode, rowButton } from './demo-page.js'

// Not a test number (those send nothing): the codes arrive in the outbox, as a real phone's would.
const national = `415555${2000 + Math.floor(Math.random() * 8000)}`
const e164 = `+1${national}`

async function openSignedOut(browser: Browser, url: string, width: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'en-US' })
  const page = await context.newPage()
  await page.goto(url)
  await page.waitForSelector('body[data-ready="true"][data-screen="signed-out"]')
  return page
}

function step(page: Page, name: string) {
  return page.waitForSelector(`[data-testid="signed-out"] section[data-step="${name}"]`)
}

async function submit(page: Page, value: string) {
  await page.getByTestId('auth-input').fill(value)
  await page.getByTestId('auth-submit').click()
}

async function signOut(page: Page) {
  await page.getByTestId('sign-out').click()
  await page.waitForSelector('body[data-screen="signed-out"]')
}

/**
 * Number → SMS code → the second-factor step, which texts the same number at once (the resend throttle is per
 * step). A new sign-in's first factor is the same step as the last one's: the emulator's clock (not a sleep)
 * goes past its resend wait first. Returns the first factor's code.
 */
async function toSecondFactor(page: Page, url: string, previous: string): Promise<string> {
  await advanceClock(url, 31_000)
  await submit(page, national)
  await step(page, 'code')
  const first = await readCode(page, e164, previous)
  await submit(page, first)
  await step(page, 'second')
  // The second factor's SMS goes out on arrival, with no "too many requests" for the code just used.
  await readCode(page, e164, first)
  expect(await page.getByTestId('phone-auth-error').textContent()).toBe('')
  return first
}

describe('the demo: phone sign-up and sign-in', () => {
  const demo = useDemoInChromium()

  it('signs up, makes new backup codes, signs in with an SMS second factor, then with a new backup code (an old one and a used one refused)', async () => {
    const page = await openSignedOut(demo.browser, demo.url, 1280)
    screenshotOnFailure(page, 'phone-auth')
    await screenshot(page, '40-sign-in-number')

    await page.getByTestId('auth-switch').click()
    await expectText(page.getByTestId('phone-auth-title'), /Create an account/)
    await submit(page, national)
    await step(page, 'code')
    const signUpCode = await readCode(page, e164)
    await screenshot(page, '41-sign-up-code')
    await submit(page, signUpCode)
    await page.waitForSelector('body[data-screen="account"]')

    // Turn 2FA on for the number: its backup codes are shown once, in the dialog.
    await rowButton(page, e164, 'Use for 2FA').click()
    await page.getByTestId('backup-codes').locator('li').first().waitFor()
    const first = await page.getByTestId('backup-codes').locator('li').allTextContents()
    expect(first.length).toBeGreaterThan(0)
    await page.getByTestId('backup-done').click()

    // "New backup codes" asks first, then shows a new set once; the first set stops working.
    await page.getByTestId('new-backup-codes').click()
    await page.getByTestId('confirm-ok').click()
    let codes: string[] = []
    await expect.poll(async () => {
      codes = await page.getByTestId('backup-codes').locator('li').allTextContents()
      return codes.length > 0 && codes.join() !== first.join()
    }).toBe(true)
    await screenshot(page, '47-new-backup-codes')
    await page.getByTestId('backup-done').click()

    await signOut(page)
    const firstCode = await toSecondFactor(page, demo.url, signUpCode)
    await screenshot(page, '42-sign-in-second-factor')
    await submit(page, await readCode(page, e164, firstCode))
    await page.waitForSelector('body[data-screen="account"]')

    await signOut(page)
    const lastSms = await readCode(page, e164)
    await toSecondFactor(page, demo.url, lastSms)
    await page.getByTestId('use-backup-code').click()
    await expectText(page.getByTestId('phone-auth-title'), /Two-step verification/)
    await screenshot(page, '43-sign-in-backup-code')
    await submit(page, first[0]!)
    await expectText(page.getByTestId('phone-auth-error'), /incorrect/i)
    await submit(page, codes[0]!)
    await page.waitForSelector('body[data-screen="account"]')

    await signOut(page)
    await toSecondFactor(page, demo.url, await readCode(page, e164))
    await page.getByTestId('use-backup-code').click()
    await submit(page, codes[0]!)
    await expectText(page.getByTestId('phone-auth-error'), /incorrect/i)
    expect(await page.locator('body').getAttribute('data-screen')).toBe('signed-out')
    await page.context().close()
  })

  it('offers sign-up for an unknown number and sign-in for a taken one, and fits a phone screen', async () => {
    const page = await openSignedOut(demo.browser, demo.url, 375)
    screenshotOnFailure(page, 'phone-auth-phone')
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0)
    await screenshot(page, '44-sign-in-number-phone')
    await submit(page, '4155550911')
    await expectText(page.getByTestId('phone-auth-error'), /No account uses this number/)
    await screenshot(page, '45-sign-in-unknown-phone')
    await page.getByTestId('auth-offer').click()
    await step(page, 'code')
    await expectText(page.getByTestId('phone-auth-title'), /Create an account/)
    await screenshot(page, '46-sign-up-code-phone')
    const signUpCode = await readCode(page, '+14155550911')
    await submit(page, signUpCode)
    await page.waitForSelector('body[data-screen="account"]')

    // Signing up again with the number now taken offers to sign in with it, and that signs in.
    await signOut(page)
    await page.getByTestId('auth-switch').click()
    await submit(page, '4155550911')
    await expectText(page.getByTestId('phone-auth-error'), /already on an account/)
    await screenshot(page, '48-sign-up-taken-phone')
    await page.getByTestId('auth-offer').click()
    await step(page, 'code')
    await expectText(page.getByTestId('phone-auth-title'), /Sign in/)
    await submit(page, await readCode(page, '+14155550911', signUpCode))
    await page.waitForSelector('body[data-screen="account"]')
    await page.context().close()
  })
})
