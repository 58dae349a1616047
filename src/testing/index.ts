/**
 * dialkit/testing: a kit for test suites (Node only; Vitest, Playwright, any runner). It starts an emulator for
 * the run, creates users with verified numbers and 2FA through `dialkit/backend`, signs an SDK client or a
 * Playwright page in, reads the codes the emulator "sent" (and waits for one, without sleeping), and moves the
 * emulator's clock. Test numbers (`+1 XXX 555-01YY`) take `424242` and are never throttled. Playwright is not
 * imported: a page or browser context is taken by its shape.
 *
 * @example
 * ```ts
 * import { startTestKit } from 'dialkit/testing'
 *
 * const kit = await startTestKit()
 * const user = await kit.createUser() // one verified test number, primary
 * const client = await kit.signInClient(user)
 * const phone = await client.user!.createPhoneNumber({ phoneNumber: '+14155552671' })
 * const sent = await phone.prepareVerification()
 * await sent.attemptVerification({ code: await kit.waitForCode('+14155552671') })
 * await kit.stop()
 * ```
 *
 * @packageDocumentation
 */
export { startTestKit, connectTestKit, type TestKit, type TestClock, type ConnectTestKitOptions } from './test-kit.js'
export type { TestUser, TestUserParams } from './test-users.js'
export type { CookieJar, PageOrContext, SignInPageOptions, UserRef } from './sign-in.js'
export type { WaitForSmsOptions } from './sms-wait.js'
