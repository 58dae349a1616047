// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { isWebOtpSupported, requestSmsCode } from '../../src/flow/web-otp.js'
import { installWebOtp, uninstallWebOtp } from './web-otp-fake.js'

afterEach(uninstallWebOtp)

describe('isWebOtpSupported', () => {
  it('is false where the browser lacks OTPCredential or navigator.credentials', () => {
    expect(isWebOtpSupported()).toBe(false)
    vi.stubGlobal('OTPCredential', class {})
    expect(isWebOtpSupported()).toBe(false)
  })

  it('is true with both', () => {
    installWebOtp()
    expect(isWebOtpSupported()).toBe(true)
  })
})

describe('requestSmsCode', () => {
  it('asks for an SMS OTP with the signal and resolves the code', async () => {
    const webOtp = installWebOtp()
    const signal = new AbortController().signal
    const code = requestSmsCode(signal)
    expect(webOtp.get).toHaveBeenCalledWith({ otp: { transport: ['sms'] }, signal })
    webOtp.last()?.deliver('123456')
    await expect(code).resolves.toBe('123456')
  })

  it('resolves null when aborted, dismissed or empty', async () => {
    const webOtp = installWebOtp()
    const controller = new AbortController()
    const aborted = requestSmsCode(controller.signal)
    controller.abort()
    await expect(aborted).resolves.toBeNull()

    webOtp.get.mockResolvedValueOnce(null)
    await expect(requestSmsCode(new AbortController().signal)).resolves.toBeNull()
    webOtp.get.mockResolvedValueOnce({ code: '' })
    await expect(requestSmsCode(new AbortController().signal)).resolves.toBeNull()
    webOtp.get.mockRejectedValueOnce(new DOMException('Dismissed', 'NotAllowedError'))
    await expect(requestSmsCode(new AbortController().signal)).resolves.toBeNull()
  })
})
