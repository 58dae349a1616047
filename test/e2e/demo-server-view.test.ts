import { describe, expect, it } from 'vitest'
import { screenshot, screenshotOnFailure } from './browser.js'
import { addNumber, expectText, gotoReady, row } from './demo-page.js'
import { useDemoInChromium } from './demo-server.js'

describe('the demo proves its session to its own server', () => {
  const demo = useDemoInChromium()

  it('shows who the server sees, follows a new number, and the server refuses a signed-out page', async () => {
    const context = await demo.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' })
    const page = await context.newPage()
    screenshotOnFailure(page, 'server-view')
    // The demo user's id, as the demo server minted it: what the app's server must name.
    const minted = page.waitForResponse((response) => new URL(response.url()).pathname === '/demo/ticket')
    await gotoReady(page, demo.url)
    const { userId } = (await (await minted).json()) as { userId: string }
    const line = page.getByTestId('server-view')
    await expectText(line, new RegExp(`^Your server sees you as ${userId}, with 1 phone number\\.$`))
    await screenshot(page, '30-server-view')

    // A test number: no SMS goes out, and the server's count follows the new row.
    await addNumber(page, '201 555 0188')
    await row(page, '+12015550188').waitFor()
    await expectText(line, new RegExp(`^Your server sees you as ${userId}, with 2 phone numbers\\.$`))

    await page.getByTestId('sign-out').click()
    await page.waitForSelector('body[data-screen="signed-out"]')
    expect(await line.getAttribute('hidden')).not.toBeNull()
    // Signed out, the page has no session token to send, and the route answers 401 without one.
    const answer = await page.evaluate(async () => {
      const response = await fetch('/api/me', { cache: 'no-store' })
      return { status: response.status, body: (await response.json()) as unknown }
    })
    expect(answer).toEqual({ status: 401, body: { error: 'unauthenticated', reason: 'no session token' } })
    await context.close()
  })
})
