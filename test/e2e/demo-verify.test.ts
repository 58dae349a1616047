import { describe, expect, it } from 'vitest'
import { screenshot, screenshotOnFailure } from './browser.js'
import { useDemoInChromium } from './demo-server.js'
import { addNumber, expectText, hasFocus, openDemo, outboxRecipients, paste, readCode, row, rowButton, textsTo } from './demo-page.js'

describe('the demo code step', () => {
  const demo = useDemoInChromium()

  it('finds the code in a pasted SMS and in a pasted "566 757", and verifies with it', async () => {
    const { page, context } = await openDemo(demo.browser, demo.url, undefined, { clipboard: true })
    screenshotOnFailure(page, 'paste-code')
    const e164 = '+14155552676'
    await addNumber(page, '415 555 2676')
    const code = await readCode(page, e164)
    const [sms] = await textsTo(demo.url, e164)
    const input = page.getByLabel('Verification code', { exact: true })

    await paste(page, input, sms!.body)
    expect(await input.inputValue()).toBe(code)
    await input.fill('')
    await paste(page, input, `${code.slice(0, 3)} ${code.slice(3)}`)
    expect(await input.inputValue()).toBe(code)
    await input.fill('')
    await paste(page, input, `${code.slice(0, 3)}-${code.slice(3)}`)
    expect(await input.inputValue()).toBe(code)

    await page.getByTestId('verify-submit').click()
    await expectText(row(page, e164).locator('[data-badge="status"]'), /^Verified$/)
    await context.close()
  })

  it('reopens a pending verification without texting a new code, and the first code still works', async () => {
    const { page, context } = await openDemo(demo.browser, demo.url)
    screenshotOnFailure(page, 'reopen')
    const e164 = '+14155552677'
    await addNumber(page, '415 555 2677')
    const code = await readCode(page, e164)
    await page.getByTestId('verify-cancel').click()
    await expect.poll(() => hasFocus(rowButton(page, e164, 'Verify'))).toBe(true)
    await page.keyboard.press('Enter')

    const input = page.getByLabel('Verification code', { exact: true })
    await expect.poll(() => hasFocus(input)).toBe(true)
    await expectText(page.getByTestId('verify-lead'), /Enter the 6-digit code/)
    await expectText(page.getByTestId('expiry'), /Code expires in \d+:\d\d/)
    expect(await page.getByTestId('verify-error').textContent()).toBe('')
    expect(await page.getByTestId('verify-notice').textContent()).toBe('')
    expect(await textsTo(demo.url, e164)).toHaveLength(1)

    await input.fill(code)
    await page.getByTestId('verify-submit').click()
    await expectText(row(page, e164).locator('[data-badge="status"]'), /^Verified$/)
    await context.close()
  })

  it('counts the throttle wait down, drops it when it is over, and lets "expired" win', async () => {
    const { page, context } = await openDemo(demo.browser, demo.url, undefined, { fakeClock: true })
    screenshotOnFailure(page, 'throttle-countdown')
    const e164 = '+14155552678'
    await addNumber(page, '415 555 2678')
    await readCode(page, e164)
    await page.getByTestId('verify-cancel').click()
    await rowButton(page, e164, 'Verify').click()
    // A reopened flow may resend at once; the server's resend throttle answers 429 with Retry-After.
    await page.getByTestId('resend').click()
    const notice = page.getByTestId('verify-notice')
    await expectText(notice, /Too many code requests\. You can ask for a new code in 0:(2\d|30)/)
    expect(await page.getByTestId('verify-error').textContent()).toBe('')
    await expect.poll(() => hasFocus(page.getByLabel('Verification code', { exact: true }))).toBe(true)
    await screenshot(page, '14-throttle-countdown')

    await page.clock.fastForward(12_000)
    await expectText(notice, /in 0:(0\d|1[0-8])/)
    await expectText(page.getByTestId('resend'), /Resend code in 0:(0\d|1[0-8])/)
    await page.clock.fastForward(20_000)
    await expectText(notice, /^$/)
    await expectText(page.getByTestId('resend'), /^Resend code$/)

    // The code runs out while the person is in its field: the field is disabled and the keyboard moves on.
    await page.getByLabel('Verification code', { exact: true }).focus()
    await page.clock.fastForward('10:00')
    await expectText(page.getByTestId('verify-error'), /^This code has expired\. Send a new code\.$/)
    expect(await notice.textContent()).toBe('')
    expect(await page.getByLabel('Verification code', { exact: true }).isDisabled()).toBe(true)
    expect(await page.getByTestId('verify-submit').isDisabled()).toBe(true)
    await expect.poll(() => hasFocus(page.getByTestId('resend'))).toBe(true)
    await expectText(page.getByTestId('resend'), /^Send a new code$/)
    await screenshot(page, '16-expired-after-throttle')
    // The list shows it once the server's clock has passed the code's lifetime too.
    await page.getByTestId('advance-clock').click()
    await expectText(row(page, e164).locator('[data-badge="status"]'), /^Code expired$/)
    await context.close()
  })

  it('says a test number gets no SMS and takes 424242', async () => {
    const { page, context } = await openDemo(demo.browser, demo.url)
    screenshotOnFailure(page, 'test-number')
    const e164 = '+16505550145'
    await addNumber(page, '650 555 0145')
    await expectText(page.getByTestId('verify-lead'), /test number: nothing is texted\. Enter 424242\./)
    await expectText(page.getByTestId('status'), /test number: no SMS, use 424242/)
    expect(await outboxRecipients(page)).not.toContain(e164)
    expect(await textsTo(demo.url, e164)).toEqual([])
    await screenshot(page, '15-test-number')
    await page.getByLabel('Verification code', { exact: true }).fill('424242')
    await page.getByTestId('verify-submit').click()
    await expectText(row(page, e164).locator('[data-badge="status"]'), /^Verified$/)
    await context.close()
  })
})
