import { describe, expect, it } from 'vitest'
import { screenshot, screenshotOnFailure } from './browser.js'
import { useDemoInChromium } from './demo-server.js'
import { expectText, hasFocus } from './demo-page.js'

describe('the demo signed out', () => {
  const demo = useDemoInChromium()

  it('shows a new visitor the sign-in screen, goes in as a demo user, signs out for good', async () => {
    const context = await demo.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' })
    const page = await context.newPage()
    screenshotOnFailure(page, 'signed-out')
    await page.goto(demo.url)
    await page.waitForSelector('body[data-ready="true"][data-screen="signed-out"]')
    const signedOut = page.getByTestId('signed-out')
    expect(await signedOut.isVisible()).toBe(true)
    expect(await page.getByTestId('account').isVisible()).toBe(false)
    await expect.poll(() => hasFocus(page.getByTestId('continue-demo'))).toBe(true)
    await screenshot(page, '22-signed-out')

    await page.keyboard.press('Enter')
    await page.waitForSelector('body[data-screen="account"]')
    const first = await page.getByTestId('phone-row').first().getAttribute('data-phone')
    await expectText(page.getByTestId('who'), /^Demo User \d+$/)

    await page.getByTestId('sign-out').click()
    await page.waitForSelector('body[data-screen="signed-out"]')
    await expectText(page.getByTestId('status'), /Signed out/)
    await expect.poll(() => hasFocus(page.getByTestId('continue-demo'))).toBe(true)
    expect(await page.getByTestId('sign-out').isVisible()).toBe(false)
    // The session is gone on the server too: a reload stays signed out.
    await page.reload()
    await page.waitForSelector('body[data-ready="true"][data-screen="signed-out"]')

    await page.getByTestId('continue-demo').click()
    await page.waitForSelector('body[data-screen="account"]')
    expect(await page.getByTestId('phone-row').first().getAttribute('data-phone')).not.toBe(first)
    await context.close()
  })

  it('fits a phone screen', async () => {
    const context = await demo.browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'en-US' })
    const page = await context.newPage()
    screenshotOnFailure(page, 'signed-out-phone')
    await page.goto(demo.url)
    await page.waitForSelector('body[data-ready="true"][data-screen="signed-out"]')
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0)
    const box = await page.getByTestId('continue-demo').boundingBox()
    expect(box!.height).toBeGreaterThanOrEqual(44)
    await screenshot(page, '23-signed-out-phone')
    await context.close()
  })
})
