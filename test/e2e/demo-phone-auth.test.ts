import type { Browser, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { screenshot, screenshotOnFailure } from './browser.js'
import { useDemoInChromium } from './demo-server.js'
import { advanceClock, expectText, paste, readCode, rowButton, textsTo } from './demo-page.js'

// Not a test number (those send nothing): the codes arrive in the outbox, as a real phone's would.
const national = `415555${2000 + Math.floor(Math.random() * 8000)}`
const e164 = `+1${national}`

async function openSignedOut(browser: Browser, url: string, width: number, fakeClock = false): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'en-US' })
  if (fakeClock) await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url })
  const page = await context.newPage()
  if (fakeClock) await page.clock.install()
  await page.goto(url)
  await page.waitForSelector('body[data-ready="true"][data-screen="signed-out"]')
  return page
}

function step(page: Page, name: string) {
  return page.waitForSelector(`[data-testid="signed-out"] section[data-step="${name}"]`)
}

/** Types into the step's input (the number or the code) and submits. */
async function submit(page: Page, value: string) {
  await page.locator('[data-testid="auth-number"]:visible, [data-testid="auth-code"]:visible').fill(value)
  await page.getByTestId('auth-submit').click()
}

/**
 * The newest code texted to `e164`, from the emulator's outbox: signed out, the panel shows only texts to the
 * number being signed in with, so it has nothing for this one until the next sign-in starts.
 */
async function lastCode(url: string): Promise<string> {
  const [newest] = await textsTo(url, e164)
  return newest!.code!
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
    await toSecondFactor(page, demo.url, await lastCode(demo.url))
    await page.getByTestId('use-backup-code').click()
    await expectText(page.getByTestId('phone-auth-title'), /Two-step verification/)
    await screenshot(page, '43-sign-in-backup-code')
    await submit(page, first[0]!)
    await expectText(page.getByTestId('phone-auth-error'), /incorrect/i)
    await submit(page, codes[0]!)
    await page.waitForSelector('body[data-screen="account"]')

    await signOut(page)
    await toSecondFactor(page, demo.url, await lastCode(demo.url))
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

  it('picks the country of a pasted +33 number, finds a pasted code, counts the resend wait and a refused send down, names a test number', async () => {
    const page = await openSignedOut(demo.browser, demo.url, 1280, true)
    screenshotOnFailure(page, 'phone-auth-details')
    // A demo user's number is a test number with an account: sign in as one, note it, sign out.
    await page.getByTestId('continue-demo').click()
    const testNumber = (await page.getByTestId('phone-row').first().getAttribute('data-phone'))!
    await signOut(page)

    const form = page.getByTestId('phone-auth')
    const number = form.getByLabel('Your mobile number', { exact: true })
    const country = form.getByLabel('Country', { exact: true })
    expect(await country.inputValue()).toBe('US')
    await page.getByTestId('auth-switch').click()
    const french = `+336123${String(Math.floor(Math.random() * 100000)).padStart(5, '0')}`
    await paste(page, number, `${french.slice(0, 3)} ${french.slice(3, 4)} ${french.slice(4)} x12`)
    await expect.poll(() => country.inputValue()).toBe('FR')
    await expect.poll(() => number.getAttribute('placeholder')).toMatch(/\+33/)
    await expectText(page.getByTestId('auth-notice'), /“x12” will be left out/)
    await page.getByTestId('auth-submit').click()
    await step(page, 'code')
    await expectText(page.getByTestId('phone-auth-hint'), /texted to \+33 6 12 3/)
    const resend = page.getByTestId('auth-resend')
    await expectText(resend, /^Send a new code in 0:(30|29)$/)
    expect(await resend.isDisabled()).toBe(true)

    // The whole SMS pasted into the code field leaves the code.
    await readCode(page, french)
    const [sms] = await textsTo(demo.url, french)
    await paste(page, page.getByTestId('auth-code'), sms!.body)
    expect(await page.getByTestId('auth-code').inputValue()).toBe(sms!.code)
    await page.getByTestId('auth-code').fill('')
    await page.locator(`[data-testid="sms"][data-to="${french}"]`).getByRole('button', { name: 'Use code' }).click()
    expect(await page.getByTestId('auth-code').inputValue()).toBe(sms!.code)
    await page.clock.fastForward(31_000)
    await expectText(resend, /^Send a new code$/)
    expect(await resend.isDisabled()).toBe(false)

    // Back to the number, sent again at once: the server refuses, and the wait counts down, then goes.
    await page.getByTestId('auth-switch').click()
    await step(page, 'number')
    await page.getByTestId('auth-submit').click()
    const wait = page.getByTestId('auth-wait')
    await expectText(wait, /^Too many code requests for this number\. You can ask for a code in 0:[0-3]\d\.$/)
    expect(await page.getByTestId('phone-auth-error').textContent()).toBe('')
    await screenshot(page, '50-sign-up-throttled')
    const before = Number(/0:(\d\d)/.exec((await wait.textContent())!)![1])
    await page.clock.fastForward(5_000)
    await expectText(wait, new RegExp(`in 0:${String(before - 5).padStart(2, '0')}\\.`))
    await page.clock.fastForward(31_000)
    await expectText(wait, /^$/)

    // A test number is texted nothing, and the code step says what to type.
    await page.getByTestId('auth-switch').click()
    await expectText(page.getByTestId('phone-auth-title'), /Sign in/)
    await submit(page, testNumber)
    await step(page, 'code')
    await expectText(page.getByTestId('phone-auth-hint'), /is a test number: nothing is texted\. Enter 424242\./)
    await screenshot(page, '51-sign-in-test-number')
    await submit(page, '424242')
    await page.waitForSelector('body[data-screen="account"]')
    await page.context().close()
  })
})
