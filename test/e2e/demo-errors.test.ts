import { describe, expect, it } from 'vitest'
import { screenshot, screenshotOnFailure } from './browser.js'
import { useDemoInChromium } from './demo-server.js'
import { addNumber, advanceClock, expectText, openDemo, readCode, row } from './demo-page.js'

describe('the demo explains what went wrong', () => {
  const demo = useDemoInChromium()

  it('shows a field error for a bad number and sends nothing', async () => {
    const { page, context } = await openDemo(demo.browser, demo.url)
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
    const { page, context } = await openDemo(demo.browser, demo.url)
    screenshotOnFailure(page, 'expired')
    await addNumber(page, '415 555 2672')
    const code = await readCode(page, '+14155552672')
    await advanceClock(demo.url, 601_000)
    await page.getByLabel('Verification code', { exact: true }).fill(code)
    await page.getByTestId('verify-submit').click()
    await expectText(page.getByTestId('verify-error'), /expired/i)
    await screenshot(page, '11-expired-code')
    await expectText(row(page, '+14155552672').locator('[data-badge="status"]'), /^Code expired$/)
    await context.close()
  })

  it('counts down on the emulator clock, so "Clock +10 min" expires the pending code without a submit', async () => {
    const { page, context } = await openDemo(demo.browser, demo.url)
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
    const { page, context } = await openDemo(demo.browser, demo.url)
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
    expect(await input.isDisabled()).toBe(true)
    await expectText(row(page, '+16505550144').locator('[data-badge="status"]'), /^Verification failed$/)
    await screenshot(page, '13-too-many-wrong-codes')
    await context.close()
  })
})
