import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { screenshot, screenshotOnFailure } from './browser.js'
import { useDemoInChromium } from './demo-server.js'
import { addNumber, expectText, gotoReady, hasFocus, openDemo, readCode, row, rowButton } from './demo-page.js'

const NEW_NUMBER = '+14155552671'

describe('the demo, end to end in Chromium', () => {
  const demo = useDemoInChromium()

  it('adds a number, verifies it, makes it a second factor and primary, and deletes a number', async () => {
    const { page, context } = await openDemo(demo.browser, demo.url)
    screenshotOnFailure(page, 'whole-flow')
    const rows = page.getByTestId('phone-row')
    await expect.poll(() => rows.count()).toBe(1)
    const seeded = (await rows.first().getAttribute('data-phone'))!
    expect(await row(page, seeded).locator('[data-badge]').allTextContents()).toEqual(['Verified', 'Primary'])
    await screenshot(page, '01-signed-in')

    // As-you-type national formatting, then add.
    await page.getByLabel('Phone number', { exact: true }).pressSequentially('4155552671', { delay: 10 })
    expect(await page.getByLabel('Phone number', { exact: true }).inputValue()).toBe('(415) 555-2671')
    await page.getByLabel('Phone number', { exact: true }).fill('')
    await addNumber(page, '4155552671')
    await expectText(page.getByTestId('verify-lead'), /Enter the 6-digit code/)
    await expectText(row(page, NEW_NUMBER).locator('[data-badge="status"]'), /Unverified/)
    const codeInput = page.getByLabel('Verification code', { exact: true })
    await expect.poll(() => hasFocus(codeInput)).toBe(true)
    expect(await codeInput.getAttribute('autocomplete')).toBe('one-time-code')
    expect(await codeInput.getAttribute('inputmode')).toBe('numeric')
    await expectText(page.getByTestId('expiry'), /Code expires in (10:00|9:\d\d)/)
    await expectText(page.getByTestId('resend'), /Resend code in 0:\d\d/)
    const code = await readCode(page, NEW_NUMBER)
    await screenshot(page, '02-code-sent')

    // A wrong code first.
    await codeInput.fill(code === '000000' ? '111111' : '000000')
    await page.getByTestId('verify-submit').click()
    await expectText(page.getByTestId('verify-error'), /incorrect/i)
    expect(await codeInput.getAttribute('aria-invalid')).toBe('true')
    await screenshot(page, '03-wrong-code')

    // The right one.
    await codeInput.fill(code)
    await page.getByTestId('verify-submit').click()
    await page.getByTestId('verify-panel').waitFor({ state: 'hidden' })
    await expectText(row(page, NEW_NUMBER).locator('[data-badge="status"]'), /^Verified$/)
    await expectText(page.getByTestId('status'), /is verified/)

    // Second factor, by keyboard from where verifying left the focus: backup codes once.
    await expect.poll(() => hasFocus(rowButton(page, NEW_NUMBER, 'Use for 2FA'))).toBe(true)
    await page.keyboard.press('Enter')
    const backup = page.getByTestId('backup-codes-dialog')
    await backup.waitFor({ state: 'visible' })
    expect(await backup.getByRole('listitem').count()).toBeGreaterThan(0)
    await expect.poll(() => hasFocus(page.getByTestId('backup-done'))).toBe(true)
    await screenshot(page, '04-backup-codes')
    await page.keyboard.press('Enter')
    await backup.waitFor({ state: 'hidden' })
    expect(await backup.getByRole('listitem').count()).toBe(0)
    await row(page, NEW_NUMBER).locator('[data-badge="default-2fa"]').waitFor()
    // The default second factor says so once, not "2FA" and "Default 2FA".
    expect(await row(page, NEW_NUMBER).locator('[data-badge]').allTextContents()).toEqual(['Verified', 'Default 2FA'])
    // Its "Use for 2FA" button is gone; the focus stays on that number's row.
    await expect.poll(() => hasFocus(rowButton(page, NEW_NUMBER, 'Set as primary'))).toBe(true)

    // A second factor added later shows no codes; then make it the default.
    await rowButton(page, seeded, 'Use for 2FA').click()
    await row(page, seeded).locator('[data-badge="2fa"]').waitFor()
    expect(await backup.isVisible()).toBe(false)
    await rowButton(page, seeded, 'Make default').click()
    await row(page, seeded).locator('[data-badge="default-2fa"]').waitFor()
    await row(page, NEW_NUMBER).locator('[data-badge="default-2fa"]').waitFor({ state: 'detached' })
    expect(await row(page, NEW_NUMBER).locator('[data-badge]').allTextContents()).toEqual(['Verified', '2FA'])

    // Primary moves to the new number.
    await rowButton(page, NEW_NUMBER, 'Set as primary').click()
    await row(page, NEW_NUMBER).locator('[data-badge="primary"]').waitFor()
    await row(page, seeded).locator('[data-badge="primary"]').waitFor({ state: 'detached' })
    await screenshot(page, '05-two-factor-primary')

    // Delete asks first; Escape keeps the number and gives the focus back to its Delete button.
    await rowButton(page, seeded, 'Delete').click()
    await page.getByTestId('confirm-dialog').waitFor({ state: 'visible' })
    await expect.poll(() => hasFocus(page.getByTestId('confirm-cancel'))).toBe(true)
    await screenshot(page, '06-confirm-delete')
    await page.keyboard.press('Escape')
    await page.getByTestId('confirm-dialog').waitFor({ state: 'hidden' })
    await expect.poll(() => hasFocus(rowButton(page, seeded, 'Delete'))).toBe(true)
    expect(await rows.count()).toBe(2)
    await rowButton(page, seeded, 'Delete').click()
    await page.getByTestId('confirm-ok').click()
    await row(page, seeded).waitFor({ state: 'detached' })
    await expect.poll(() => rows.count()).toBe(1)
    await expectText(page.getByTestId('status'), /was deleted/)
    await expect.poll(() => hasFocus(page.getByTestId('phone-list'))).toBe(true)
    await screenshot(page, '07-after-delete')
    await context.close()
  })

  it('keeps a second tab in step without a click, and after a reload', async () => {
    const { page: first, context } = await openDemo(demo.browser, demo.url)
    screenshotOnFailure(first, 'second-tab')
    const second = await context.newPage()
    await gotoReady(second, demo.url)
    const testNumber = '+16505550142' // a test number: code 424242, no SMS
    await addNumber(first, '650 555 0142')
    // Cross-tab sync: the other tab of the same browser shows the change without a click or a reload.
    await expectText(row(second, testNumber).locator('[data-badge="status"]'), /^Unverified$/)
    await first.getByLabel('Verification code', { exact: true }).fill('424242')
    await first.getByTestId('verify-submit').click()
    await expectText(row(first, testNumber).locator('[data-badge="status"]'), /^Verified$/)
    await expectText(row(second, testNumber).locator('[data-badge="status"]'), /^Verified$/)
    await second.reload()
    await second.waitForSelector('body[data-ready="true"]')
    await expectText(row(second, testNumber).locator('[data-badge="status"]'), /^Verified$/)
    await context.close()
  })

  it('is usable at phone width and reports its time to interactive', async () => {
    const { page, context } = await openDemo(demo.browser, demo.url, { width: 375, height: 812 })
    screenshotOnFailure(page, 'phone-width')
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    await screenshot(page, '08-phone-width')
    await expectTouchTargets(page)
    await addNumber(page, '415 555 2679')
    await readCode(page, '+14155552679')
    // The code is read right under where it is typed, not at the bottom of the page.
    const [verifyBox, smsBox, formBox] = await Promise.all(
      [page.getByTestId('verify-panel'), page.getByTestId('sms').first(), page.getByTestId('add-form')].map((l) => l.boundingBox()),
    )
    expect(smsBox!.y).toBeGreaterThan(verifyBox!.y + verifyBox!.height)
    expect(smsBox!.y).toBeLessThan(formBox!.y)
    await expectToastClearOfControls(page)
    await expectTouchTargets(page)
    await screenshot(page, '08b-phone-width-outbox')
    await page.getByTestId('verify-cancel').click()
    await addNumber(page, '650 555 0143')
    await expectText(page.getByTestId('verify-lead'), /test number: nothing is texted/)
    await page.getByLabel('Verification code', { exact: true }).fill('123')
    await page.getByTestId('verify-submit').click()
    await expectText(page.getByTestId('verify-error'), /6-digit code/)
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0)
    await screenshot(page, '09-phone-width-code-step')
    const tti = await timeToInteractive(page)
    console.log(`[demo] time to interactive (dev server, cold tab): ${tti.toFixed(0)} ms`)
    expect(tti).toBeGreaterThan(0)
    await context.close()
  })
})

async function timeToInteractive(page: Page): Promise<number> {
  return page.evaluate(() => performance.getEntriesByName('dialkit:interactive')[0]?.startTime ?? -1)
}

/** Every visible button is at least 44 × 44 CSS px, the size a finger hits. */
async function expectTouchTargets(page: Page): Promise<void> {
  const small = await page.locator('button:visible').evaluateAll((buttons) =>
    buttons
      .map((b) => ({ text: b.textContent?.trim(), box: b.getBoundingClientRect() }))
      .filter(({ box }) => box.height < 44 || box.width < 44)
      .map(({ text, box }) => `${text} ${Math.round(box.width)}×${Math.round(box.height)}`),
  )
  expect(small).toEqual([])
}

/** The visible toast overlaps no form control outside the top bar it sits on. */
async function expectToastClearOfControls(page: Page): Promise<void> {
  const toast = page.getByTestId('status')
  await expect.poll(() => toast.evaluate((el) => el.classList.contains('toast--visible'))).toBe(true)
  const covered = await page.evaluate(() => {
    const t = document.querySelector('[data-testid="status"]')!.getBoundingClientRect()
    return [...document.querySelectorAll('main input, main select, main button')]
      .filter((el) => {
        const b = el.getBoundingClientRect()
        return b.width > 0 && b.left < t.right && b.right > t.left && b.top < t.bottom && b.bottom > t.top
      })
      .map((el) => el.getAttribute('data-testid') ?? el.textContent)
  })
  expect(covered).toEqual([])
}
