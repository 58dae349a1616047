import { describe, expect, it } from 'vitest'
import { screenshot, screenshotOnFailure } from './browser.js'
import { useDemoInChromium } from './demo-server.js'
import { expectText, openDemo, paste, row } from './demo-page.js'

describe('the demo add-number form', () => {
  const demo = useDemoInChromium()

  it('changes the placeholder with the country, and follows a pasted +44 number', async () => {
    const { page, context } = await openDemo(demo.browser, demo.url, undefined, { clipboard: true })
    screenshotOnFailure(page, 'add-form-country')
    const input = page.getByLabel('Phone number', { exact: true })
    const country = page.getByLabel('Country', { exact: true })
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
    const search = page.getByLabel('Search countries', { exact: true })
    const country = page.getByLabel('Country', { exact: true })
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
})
