import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { screenshot, screenshotOnFailure } from './browser.js'
import { useDemoInChromium } from './demo-server.js'
import { addNumber, expectText, gotoReady, openDemo, readCode, row, rowButton, textsTo } from './demo-page.js'

// Two pages of one browser context are two tabs of one browser: they share the `__client` cookie (one demo
// user) and a BroadcastChannel, which is all cross-tab sync needs. Nothing here clicks "Refresh" or reloads:
// every change must reach the other tab by itself. Waits are on what the page shows, never on time.

const REAL_NUMBER = '+14155552671' // texted through the emulator's outbox
const TEST_NUMBER = '+16505550142' // a test number: code 424242, nothing texted

describe('two tabs of the demo in one browser, kept in step without a click', () => {
  const demo = useDemoInChromium()

  async function openTwoTabs(name: string): Promise<{ first: Page; second: Page; close(): Promise<void> }> {
    const { page: first, context } = await openDemo(demo.browser, demo.url)
    const second = await context.newPage()
    screenshotOnFailure(first, `${name}-first`)
    screenshotOnFailure(second, `${name}-second`)
    await gotoReady(second, demo.url)
    return { first, second, close: () => context.close() }
  }

  it('shows a number added in one tab in the other, a code sent there, typed here, and a delete', async () => {
    const { first, second, close } = await openTwoTabs('two-tabs-add')
    await addNumber(first, '415 555 2671')
    await expectText(first.getByTestId('verify-lead'), /Enter the 6-digit code/)
    await expectText(statusBadge(second, REAL_NUMBER), /^Unverified$/)

    // The code the first tab asked for is pending in the second: its row says so, its code step opens on it
    // and nothing new is texted.
    await row(second, REAL_NUMBER).locator('[data-badge="code-sent"]').waitFor()
    await rowButton(second, REAL_NUMBER, 'Verify').click()
    await expectText(second.getByTestId('verify-lead'), /Enter the 6-digit code/)
    await expectText(second.getByTestId('expiry'), /Code expires in (10:00|9:\d\d)/)
    expect(await second.getByTestId('verify-panel').getAttribute('data-status')).toBe('code-sent')
    expect(await textsTo(demo.url, REAL_NUMBER)).toHaveLength(1)
    const code = await readCode(second, REAL_NUMBER)
    await second.getByLabel('Verification code', { exact: true }).fill(code)
    await second.getByTestId('verify-submit').click()
    await expectText(statusBadge(second, REAL_NUMBER), /^Verified$/)

    // The first tab shows it verified, and its own code step for that number is gone rather than left to fail.
    await expectText(statusBadge(first, REAL_NUMBER), /^Verified$/)
    await first.getByTestId('verify-panel').waitFor({ state: 'hidden' })
    await screenshot(first, 'two-tabs-01-verified-elsewhere')

    await rowButton(second, REAL_NUMBER, 'Delete').click()
    await second.getByTestId('confirm-ok').click()
    await row(second, REAL_NUMBER).waitFor({ state: 'detached' })
    await row(first, REAL_NUMBER).waitFor({ state: 'detached' })
    await expect.poll(() => first.getByTestId('phone-row').count()).toBe(1)
    await close()
  })

  it('leaves no dead row or code step when the other tab deletes the number being acted on', async () => {
    const { first, second, close } = await openTwoTabs('two-tabs-delete')
    await addNumber(first, '650 555 0142')
    await expectText(first.getByTestId('verify-lead'), /test number/)
    await expectText(statusBadge(second, TEST_NUMBER), /^Unverified$/)

    // The second tab opens the delete question; meanwhile the first tab deletes the number.
    await rowButton(second, TEST_NUMBER, 'Delete').click()
    await second.getByTestId('confirm-dialog').waitFor({ state: 'visible' })
    await first.getByTestId('verify-cancel').click()
    await rowButton(first, TEST_NUMBER, 'Delete').click()
    await first.getByTestId('confirm-ok').click()
    await row(first, TEST_NUMBER).waitFor({ state: 'detached' })
    await row(second, TEST_NUMBER).waitFor({ state: 'detached' })

    // Confirming in the second tab acts on a number that is gone: it says so, and no row comes back.
    await second.getByTestId('confirm-ok').click()
    await expectText(second.getByTestId('status'), /already removed/)
    await expect.poll(() => second.getByTestId('phone-row').count()).toBe(1)
    await expect.poll(() => first.getByTestId('phone-row').count()).toBe(1)
    await screenshot(second, 'two-tabs-02-deleted-elsewhere')
    await close()
  })

  it('closes the code step of a number the other tab deleted', async () => {
    const { first, second, close } = await openTwoTabs('two-tabs-verify-deleted')
    await addNumber(first, '650 555 0143')
    await expectText(first.getByTestId('verify-lead'), /test number/)
    await rowButton(second, '+16505550143', 'Delete').click()
    await second.getByTestId('confirm-ok').click()
    await row(second, '+16505550143').waitFor({ state: 'detached' })
    await row(first, '+16505550143').waitFor({ state: 'detached' })
    await first.getByTestId('verify-panel').waitFor({ state: 'hidden' })
    await expect.poll(() => first.getByTestId('phone-row').count()).toBe(1)
    await close()
  })

  it('drops a stale row when acting on a number deleted where this tab could not hear of it', async () => {
    // Another browser process of the same user (the cookie copied into a second context) shares no channel.
    const { page: first, context } = await openDemo(demo.browser, demo.url)
    screenshotOnFailure(first, 'two-tabs-stale')
    const elsewhere = await demo.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' })
    await elsewhere.addCookies(await context.cookies())
    const far = await elsewhere.newPage()
    await gotoReady(far, demo.url)
    const seeded = (await first.getByTestId('phone-row').first().getAttribute('data-phone'))!
    await row(far, seeded).waitFor()
    await rowButton(far, seeded, 'Delete').click()
    await far.getByTestId('confirm-typed').fill(seeded.slice(-4)) // the last number asks for its last four digits
    await far.getByTestId('confirm-ok').click()
    await row(far, seeded).waitFor({ state: 'detached' })

    await rowButton(first, seeded, 'Use for 2FA').click()
    await expectText(first.getByTestId('status'), /already removed/)
    await row(first, seeded).waitFor({ state: 'detached' })
    await elsewhere.close()
    await context.close()
  })

  it('drops "Code sent" in both tabs once the code has run out, with nothing else changing', async () => {
    const { page: first, context } = await openDemo(demo.browser, demo.url, undefined, { fakeClock: true })
    screenshotOnFailure(first, 'two-tabs-expiry')
    const second = await context.newPage()
    await second.clock.install()
    await gotoReady(second, demo.url)
    const e164 = '+16505550146'
    await addNumber(first, '650 555 0146')
    await expectText(first.getByTestId('verify-lead'), /test number/)
    await first.getByTestId('verify-cancel').click()
    for (const page of [first, second]) await row(page, e164).locator('[data-badge="code-sent"]').waitFor()
    for (const page of [first, second]) await page.clock.fastForward('10:01')
    for (const page of [first, second]) {
      await row(page, e164).locator('[data-badge="code-sent"]').waitFor({ state: 'detached' })
      await expectText(statusBadge(page, e164), /^Unverified$/)
    }
    await context.close()
  })

  it('signs every tab out when one signs out, and every tab in when one signs in', async () => {
    const { first, second, close } = await openTwoTabs('two-tabs-session')
    const who = (await first.getByTestId('who').textContent())!
    await first.getByTestId('sign-out').click()
    await first.waitForSelector('body[data-screen="signed-out"]')
    await second.waitForSelector('body[data-screen="signed-out"]')
    await second.getByTestId('continue-demo').waitFor({ state: 'visible' })

    await second.getByTestId('continue-demo').click()
    await second.waitForSelector('body[data-screen="account"]')
    await first.waitForSelector('body[data-screen="account"]')
    // A new demo user, the same one in both tabs.
    await expect.poll(() => first.getByTestId('who').textContent()).not.toBe(who)
    await expect.poll(() => first.getByTestId('who').textContent()).toBe(await second.getByTestId('who').textContent())
    await expect.poll(() => first.getByTestId('phone-row').count()).toBe(1)
    await screenshot(first, 'two-tabs-03-signed-in-elsewhere')
    await close()
  })
})

function statusBadge(page: Page, e164: string) {
  return row(page, e164).locator('[data-badge="status"]')
}
