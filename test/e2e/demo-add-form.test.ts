import { describe, expect, it } from 'vitest'
import { screenshot, screenshotOnFailure } from './browser.js'
import { useDemoInChromium } from './demo-server.js'
import { addNumber, expectText, openDemo, paste, row } from './demo-page.js'

describe('the demo add-number form', () => {
  const demo = useDemoInChromium()

  it('changes the placeholder with the country, and follows a pasted +44 number', async () => {
    const { page, context } = await openDemo(demo.browser, demo.url, undefined, { clipboard: true })
    screenshotOnFailure(page, 'add-form-country')
    const input = page.getByLabel('Phone number', { exact: true })
    const country = page.getByTestId('add-form').getByLabel('Country', { exact: true })
    expect(await input.getAttribute('placeholder')).toBe('(201) 555-0123')
    await country.selectOption('FR')
    await expect.poll(() => input.getAttribute('placeholder')).toMatch(/\+33/)

    await country.selectOption('US')
    await paste(page, input, '+44 20 7946 0958')
    await expect.poll(() => country.inputValue()).toBe('GB')
    await expect.poll(() => input.getAttribute('placeholder')).toMatch(/\+44/)
    await page.getByTestId('add-submit').click()
    await row(page, '+442079460958').waitFor()
    await context.close()
  })

  it('says what it left out of a number: an extension, letters', async () => {
    const { page, context } = await openDemo(demo.browser, demo.url)
    screenshotOnFailure(page, 'add-form-dropped')
    const input = page.getByLabel('Phone number', { exact: true })
    await input.pressSequentially('415 555 2680 ext. 12', { delay: 10 })
    await expectText(page.getByTestId('phone-notice'), /“ext\. 12” will be left out/)
    expect(await input.inputValue()).toMatch(/^\(415\) 555-2680 ?ext\. 12$/)
    await screenshot(page, '17-extension-left-out')
    await page.getByTestId('add-submit').click()
    await row(page, '+14155552680').waitFor()
    await page.getByTestId('verify-cancel').click()
    await input.fill('')
    await input.pressSequentially('415 555 26ab81', { delay: 10 })
    await expectText(page.getByTestId('phone-notice'), /Letters \(“ab”\) will be left out/)
    await page.getByTestId('add-submit').click()
    await row(page, '+14155552681').waitFor()
    expect(await page.getByTestId('phone-notice').textContent()).toBe('')
    await context.close()
  })

  it('finds a country by name, ISO code or calling code', async () => {
    const { page, context } = await openDemo(demo.browser, demo.url)
    screenshotOnFailure(page, 'add-form-search')
    const search = page.getByTestId('add-form').getByLabel('Search countries', { exact: true })
    const country = page.getByTestId('add-form').getByLabel('Country', { exact: true })
    expect(await country.locator('option').count()).toBeGreaterThan(200)
    await search.fill('germ')
    await expect.poll(() => country.inputValue()).toBe('DE')
    await search.fill('+81')
    await expect.poll(() => country.inputValue()).toBe('JP')
    await search.fill('united')
    await expect.poll(() => country.locator('option').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^United Kingdom/), expect.stringMatching(/^United States/)]),
    )
    expect(await country.locator('option').count()).toBeLessThan(10)
    await country.selectOption('GB')
    await expect.poll(() => page.getByLabel('Phone number', { exact: true }).getAttribute('placeholder')).toMatch(/\+44/)
    await screenshot(page, '18-country-search')
    await context.close()
  })

  it('shows its toast on the top bar at 1280 px, over none of the cards', async () => {
    const { page, context } = await openDemo(demo.browser, demo.url, { width: 1280, height: 800 })
    screenshotOnFailure(page, 'toast-desktop')
    await addNumber(page, '2015550188') // a test number: the toast says it gets no SMS
    const toast = page.locator('.toast--visible[data-testid="status"]')
    await toast.waitFor()
    await expect.poll(async () => (await toast.boundingBox())?.y ?? -1).toBeGreaterThanOrEqual(0) // slid in
    const box = (await toast.boundingBox())!
    for (const card of await page.locator('main[data-testid="account"] .card:visible').all()) {
      const other = (await card.boundingBox())!
      const overlaps = box.x < other.x + other.width && other.x < box.x + box.width && box.y < other.y + other.height && other.y < box.y + box.height
      expect(overlaps, `the toast covers a card at ${JSON.stringify(other)}`).toBe(false)
    }
    await screenshot(page, '49-toast-desktop')
    await context.close()
  })
})
