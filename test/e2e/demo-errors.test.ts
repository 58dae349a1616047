import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findChromium, launchChromium, screenshot, screenshotOnFailure } from './browser.js'
import { startDemo, type DemoServer } from './demo-server.js'
import { addNumber, advanceClock, expectText, hasFocus, openDemo, outboxRecipients, readCode, row, rowButton } from './demo-page.js'

describe('the demo explains what went wrong', () => {
  let demo: DemoServer
  let browser: Browser

  beforeAll(async () => {
    findChromium()
    ;[demo, browser] = await Promise.all([startDemo(), launchChromium()])
  })

  afterAll(async () => {
    await browser?.close()
    await demo?.stop()
  })

  it('shows a field error for a bad number and sends nothing', async () => {
    const { page, context } = await openDemo(browser, demo.url)
    screenshotOnFailure(page, 'bad-number')
    const requests: string[] = []
    page.on('request', (request) => {
      if (request.url().includes('/v1/me/phone_numbers')) requests.push(request.url())
    })
    await addNumber(page, '12')
    await expectText(page.getByTestId('phone-error'), /valid phone number/i)
    expect(await page.getByLabel('Phone number', { exact: true }).getAttribute('aria-invalid')).toBe('true')
    expect(requests).toEqual([])
    expect(await page.getByTestId('phone-row').count()).toBe(1)
    await screenshot(page, '10-bad-number')
    await context.close()
  })

  it('says a code has expired after the emulator clock moves past its lifetime', async () => {
    const { page, context } = await openDemo(browser, demo.url)
    screenshotOnFailure(page, 'expired')
    await addNumber(page, '415 555 2672')
    const code = await readCode(page, '+14155552672')
    await advanceClock(demo.url, 601_000)
    await page.getByLabel('Verification code', { exact: true }).fill(code)
    await page.getByTestId('verify-submit').click()
    await expectText(page.getByTestId('verify-error'), /expired/i)
    await screenshot(page, '11-expired-code')
    await expectText(row(page, '+14155552672').locator('[data-badge="status"]'), /Unverified|expired/i)
    await context.close()
  })

  it('counts down on the emulator clock, so "Clock +10 min" expires the pending code without a submit', async () => {
    const { page, context } = await openDemo(browser, demo.url)
    screenshotOnFailure(page, 'clock-button')
    await addNumber(page, '415 555 2675')
    await readCode(page, '+14155552675')
    await expectText(page.getByTestId('expiry'), /expires in (10:00|9:5\d)/)
    await page.getByTestId('advance-clock').click()
    await expectText(page.getByTestId('expiry'), /Code expired/)
    await expectText(page.getByTestId('verify-error'), /expired/i)
    expect(await page.getByTestId('verify-submit').isDisabled()).toBe(true)
    await context.close()
  })

  it('stops accepting codes after three wrong ones', async () => {
    const { page, context } = await openDemo(browser, demo.url)
    screenshotOnFailure(page, 'failed')
    await addNumber(page, '650 555 0144') // a test number: 424242 would be right
    const input = page.getByLabel('Verification code', { exact: true })
    for (const wrong of ['000001', '000002']) {
      await input.fill(wrong)
      await page.getByTestId('verify-submit').click()
      await expectText(page.getByTestId('verify-error'), /incorrect/i)
      await expect.poll(() => input.isEnabled()).toBe(true)
    }
    await input.fill('000003')
    await page.getByTestId('verify-submit').click()
    await expectText(page.getByTestId('verify-error'), /Too many wrong codes/)
    expect(await page.getByTestId('verify-submit').isDisabled()).toBe(true)
    await screenshot(page, '13-too-many-wrong-codes')
    await context.close()
  })

  it('shows the throttle message and a countdown when a new code is asked for too soon', async () => {
    const { page, context } = await openDemo(browser, demo.url)
    screenshotOnFailure(page, 'throttled')
    await addNumber(page, '415 555 2673')
    await readCode(page, '+14155552673')
    // Reopening the verification asks the server again at once; it answers 429 with Retry-After.
    await page.getByTestId('verify-cancel').click()
    await expect.poll(() => hasFocus(rowButton(page, '+14155552673', 'Verify'))).toBe(true)
    await page.keyboard.press('Enter')
    await expectText(page.getByTestId('verify-error'), /Too many code requests\. Try again in \d+ s\./)
    await expectText(page.getByTestId('resend'), /Resend code in 0:[0-3]\d/)
    expect(await page.getByTestId('resend').isDisabled()).toBe(true)
    // The code sent a moment ago still stands: the focus is on its input.
    await expect.poll(() => hasFocus(page.getByLabel('Verification code', { exact: true }))).toBe(true)
    // Earlier tests' demo users got texts from this emulator too; the panel shows only this user's.
    expect(await outboxRecipients(page)).toEqual(['+14155552673'])
    await screenshot(page, '12-throttled')
    await context.close()
  })
})
