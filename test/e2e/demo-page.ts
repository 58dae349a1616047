import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { expect } from 'vitest'

export interface DemoTab {
  context: BrowserContext
  page: Page
}

export interface OpenDemoOptions {
  /** Install Playwright's fake clock before the page loads, so a test can move the page's time. */
  fakeClock?: boolean
  /** Let the page read and write the clipboard, for real Ctrl+V pastes. */
  clipboard?: boolean
}

/** A fresh browser profile (so a fresh demo user) on the demo, waited until the phone list is interactive. */
export async function openDemo(
  browser: Browser,
  url: string,
  viewport = { width: 1280, height: 900 },
  options: OpenDemoOptions = {},
): Promise<DemoTab> {
  const context = await browser.newContext({ viewport, locale: 'en-US' })
  if (options.clipboard) await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url })
  const page = await context.newPage()
  if (options.fakeClock) await page.clock.install()
  await gotoReady(page, url)
  return { context, page }
}

/** Pastes `text` into `locator` the way a person does: through the system clipboard and Ctrl+V. */
export async function paste(page: Page, locator: Locator, text: string): Promise<void> {
  await page.evaluate((value) => navigator.clipboard.writeText(value), text)
  await locator.focus()
  await page.keyboard.press('ControlOrMeta+KeyV')
}

/** Every text the emulator sent to `e164`, read from its outbox (not the panel, which a test may not show). */
export async function textsTo(baseUrl: string, e164: string): Promise<Array<{ code: string | null; body: string }>> {
  const response = await fetch(new URL('/__dev/sms', baseUrl))
  const { data } = (await response.json()) as { data: Array<{ to: string; code: string | null; body: string }> }
  return data.filter((message) => message.to === e164)
}

/** Opens the demo and waits for the account page, going in as a new demo user if the visitor is signed out. */
export async function gotoReady(page: Page, url: string): Promise<void> {
  await page.goto(url)
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 })
  if ((await page.locator('body').getAttribute('data-screen')) === 'signed-out') await page.getByTestId('continue-demo').click()
  await page.waitForSelector('body[data-screen="account"]', { timeout: 30_000 })
}

export function row(page: Page, e164: string): Locator {
  return page.locator(`[data-testid="phone-row"][data-phone="${e164}"]`)
}

export function rowButton(page: Page, e164: string, label: string): Locator {
  return row(page, e164).getByRole('button', { name: new RegExp(`^${label}:`) })
}

/** Types a national number the way a person would, key by key, so as-you-type formatting runs. */
export async function addNumber(page: Page, national: string, country = 'US'): Promise<void> {
  // In the add form: the signed-out screen (hidden, still in the page) has a country picker of its own.
  const form = page.getByTestId('add-form')
  await form.getByLabel('Country', { exact: true }).selectOption(country)
  const input = form.getByLabel('Phone number', { exact: true })
  await input.fill('')
  await input.pressSequentially(national, { delay: 10 })
  await page.getByTestId('add-submit').click()
}

/** The newest code the emulator "texted" to `e164`, read from the dev panel. */
export async function readCode(page: Page, e164: string, notThis?: string): Promise<string> {
  const code = page.locator(`[data-testid="sms"][data-to="${e164}"] [data-testid="sms-code"]`).first()
  let text = ''
  await expect
    .poll(async () => {
      text = (await code.textContent({ timeout: 1000 }).catch(() => null)) ?? ''
      return /^\d{6}$/.test(text) && text !== notThis
    }, { timeout: 15_000 })
    .toBe(true)
  return text
}

/** Whether `locator` has keyboard focus now (false while it does not exist). */
export function hasFocus(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => el === document.activeElement, undefined, { timeout: 1000 }).catch(() => false)
}

/** The recipients of the texts the dev panel shows, newest first. */
export function outboxRecipients(page: Page): Promise<string[]> {
  return page.getByTestId('sms').evaluateAll((items) => items.map((item) => item.getAttribute('data-to') ?? ''))
}

/** Waits until `locator`'s text matches. */
export async function expectText(locator: Locator, pattern: RegExp, timeout = 10_000): Promise<void> {
  await expect.poll(() => locator.textContent({ timeout: 1000 }).catch(() => ''), { timeout }).toMatch(pattern)
}

/** Moves the emulator's clock through the demo's proxy, as the dev panel's button does. */
export async function advanceClock(baseUrl: string, ms: number): Promise<void> {
  const response = await fetch(new URL('/__dev/clock', baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ advance_ms: ms }),
  })
  if (!response.ok) throw new Error(`POST /__dev/clock answered ${response.status}`)
}
