import { isWebOtpSupported, requestSmsCode } from './web-otp.js'

/** The flow's pending WebOTP request, if it has one. */
export interface SmsListener {
  /** Wait for the SMS (where the browser has WebOTP), replacing any earlier request. */
  start(): void
  stop(): void
}

/**
 * Where WebOTP is on and supported, wait for the SMS and hand its code to `onCode`, as if typed. A request
 * that was stopped or replaced never calls back, even if its SMS already arrived.
 */
export function createSmsListener(enabled: boolean, onCode: (code: string) => void): SmsListener {
  let pending: AbortController | null = null
  const listener: SmsListener = {
    start() {
      listener.stop()
      if (!enabled || !isWebOtpSupported()) return
      const controller = new AbortController()
      pending = controller
      void requestSmsCode(controller.signal).then((code) => {
        if (code === null || pending !== controller) return
        pending = null
        onCode(code)
      })
    },
    stop() {
      pending?.abort()
      pending = null
    },
  }
  return listener
}
