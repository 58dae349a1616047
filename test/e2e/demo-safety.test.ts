import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { screenshot, screenshotOnFailure } from './browser.js'
import { useDemoInChromium } from './demo-server.js'
import { expectText, hasFocus, openDemo, row, rowButton } from './demo-page.js'

describe('the demo guards what cannot be undone', () => {
  const demo = useDemoInChromium()

  it('keeps backup codes through Escape and offers them as a download', async () => {
    const { page, context } = await openDemo(demo.browser, demo.url)
    screenshotOnFailure(page, 'backup-escape')
    const seeded = (await page.getByTestId('phone-row').first().getAttribute('data-phone'))!
    await rowButton(page, seeded, 'Use for 2FA').click()
    const dialog = page.getByTestId('backup-codes-dialog')
    await dialog.waitFor({ state: 'visible' })
    const codes = await dialog.getByRole('listitem').allTextContents()
    expect(codes.length).toBeGreaterThan(0)

    await page.keyboard.press('Escape')
    expect(await dialog.isVisible()).toBe(true)
    expect(await dialog.getByRole('listitem').allTextContents()).toEqual(codes)
    await expectText(page.getByTestId('backup-hint'), /Save the codes first/)
    await expect.poll(() => hasFocus(page.getByTestId('backup-done'))).toBe(true)

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('backup-download').click()])
    expect(download.suggestedFilename()).toBe('backup-codes.txt')
    const saved = await readFile((await download.path())!, 'utf8')
    for (const code of codes) expect(saved).toContain(code)
    await screenshot(page, '19-backup-codes-kept')

    await page.getByTestId('backup-done').click()
    await dialog.waitFor({ state: 'hidden' })
    await row(page, seeded).locator('[data-badge="default-2fa"]').waitFor()
    await context.close()
  })

  it('asks for the last four digits before turning off the only second factor or deleting the last number', async () => {
    const { page, context } = await openDemo(demo.browser, demo.url)
    screenshotOnFailure(page, 'typed-confirm')
    const seeded = (await page.getByTestId('phone-row').first().getAttribute('data-phone'))!
    const lastFour = seeded.slice(-4)
    await rowButton(page, seeded, 'Use for 2FA').click()
    await page.getByTestId('backup-done').click()
    await row(page, seeded).locator('[data-badge="default-2fa"]').waitFor()

    const confirm = page.getByTestId('confirm-dialog')
    const typed = page.getByTestId('confirm-typed')
    await rowButton(page, seeded, 'Turn off 2FA').click()
    await confirm.waitFor({ state: 'visible' })
    await expectText(confirm.locator('#confirm-title'), /Turn off two-step verification\?/)
    await expect.poll(() => hasFocus(typed)).toBe(true)
    expect(await page.getByTestId('confirm-ok').isDisabled()).toBe(true)
    await page.keyboard.type('0000')
    await page.keyboard.press('Enter')
    expect(await confirm.isVisible()).toBe(true)
    await typed.fill(lastFour)
    await screenshot(page, '20-confirm-2fa-off')
    await page.keyboard.press('Enter')
    await confirm.waitFor({ state: 'hidden' })
    await row(page, seeded).locator('[data-badge="default-2fa"]').waitFor({ state: 'detached' })

    // The primary and only number: Escape keeps it; the digits delete it.
    await rowButton(page, seeded, 'Delete').click()
    await expectText(confirm.locator('#confirm-title'), /Delete your last number/)
    await expectText(confirm.locator('.dialog__body'), /last number on your account/)
    expect(await page.getByTestId('confirm-ok').isDisabled()).toBe(true)
    await screenshot(page, '21-confirm-delete-last')
    await page.keyboard.press('Escape')
    await confirm.waitFor({ state: 'hidden' })
    expect(await row(page, seeded).count()).toBe(1)
    await rowButton(page, seeded, 'Delete').click()
    await typed.fill(lastFour)
    await page.getByTestId('confirm-ok').click()
    await row(page, seeded).waitFor({ state: 'detached' })
    await expectText(page.getByTestId('phone-list'), /No phone numbers yet/)
    await context.close()
  })
})
