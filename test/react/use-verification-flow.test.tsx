// @vitest-environment happy-dom
import { act } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { isValidationError } from '../../src/index.js'
import { useVerificationFlow, type UseVerificationFlowResult } from '../../src/react/index.js'
import { createFakeBackend, GOOD_CODE, pendingVerification, type FakePhone } from '../flow/fake-phone.js'
import { render } from './render.js'

type Seen = UseVerificationFlowResult<FakePhone>

function Probe({ target, seen, keyed }: { target: FakePhone; seen: Seen[]; keyed?: string }) {
  const result = useVerificationFlow(target, keyed ? { key: keyed, webOtp: false } : { webOtp: false })
  seen.push(result)
  return <p>{result.state?.status ?? 'none'}</p>
}

beforeEach(() => {
  vi.useFakeTimers()
})

afterEach(() => {
  vi.useRealTimers()
})

describe('useVerificationFlow', () => {
  it('has no flow in the first render, then one whose state it renders through send and submit', async () => {
    const backend = createFakeBackend()
    const seen: Seen[] = []
    const view = await render(<Probe target={backend.phone()} seen={seen} />)
    expect(seen[0]).toEqual({ flow: null, state: null })
    expect(view.container.textContent).toBe('idle')

    const { flow } = seen.at(-1)!
    await act(() => flow!.send())
    expect(view.container.textContent).toBe('code-sent')
    expect(backend.prepare).toHaveBeenCalledTimes(1)
    await act(() => flow!.submit(GOOD_CODE))
    expect(view.container.textContent).toBe('verified')
    expect(seen.at(-1)!.state!.target.verification?.status).toBe('verified')
    await view.unmount()
  })

  it('in StrictMode destroys the first flow of the double mount and keeps a live second one', async () => {
    const backend = createFakeBackend()
    // A pending code makes a flow start its countdown timer at once, so live flows are countable timers.
    const target = backend.phone(pendingVerification())
    const seen: Seen[] = []
    const view = await render(<Probe target={target} seen={seen} />, { strict: true })
    const flows = new Set(seen.map((result) => result.flow).filter(Boolean))
    expect(flows.size).toBe(1)
    expect(vi.getTimerCount()).toBe(1)
    expect(view.container.textContent).toBe('code-sent')

    // The surviving flow is live: its countdown ticks into the rendered state.
    const before = seen.at(-1)!.state!.expiresInSeconds!
    await act(() => vi.advanceTimersByTimeAsync(2000))
    expect(seen.at(-1)!.state!.expiresInSeconds).toBe(before - 2)
    await view.unmount()
    expect(vi.getTimerCount()).toBe(0)
  })

  it('destroys the flow on unmount, aborting the request in flight', async () => {
    const backend = createFakeBackend()
    let signal: AbortSignal | undefined
    backend.prepare.mockImplementation((options) => {
      signal = options?.signal
      return new Promise(() => undefined)
    })
    const seen: Seen[] = []
    const view = await render(<Probe target={backend.phone()} seen={seen} />)
    await act(async () => {
      void seen.at(-1)!.flow!.send()
    })
    expect(view.container.textContent).toBe('sending')
    expect(signal?.aborted).toBe(false)
    await view.unmount()
    expect(signal?.aborted).toBe(true)
  })

  it('keeps its flow for a newer instance of the same number, and makes a new one for another key', async () => {
    const backend = createFakeBackend()
    const seen: Seen[] = []
    const target = backend.phone()
    const view = await render(<Probe target={target} seen={seen} keyed="idn_a" />)
    const first = seen.at(-1)!.flow
    await view.rerender(<Probe target={{ ...target }} seen={seen} keyed="idn_a" />)
    expect(seen.at(-1)!.flow).toBe(first)

    await act(() => first!.send())
    await view.rerender(<Probe target={backend.phone()} seen={seen} keyed="idn_b" />)
    const second = seen.at(-1)!.flow
    expect(second).not.toBe(first)
    expect(second).not.toBeNull()
    // The new flow starts from its own number; the old one was destroyed with its countdowns.
    expect(seen.at(-1)!.state!.status).toBe('idle')
    expect(vi.getTimerCount()).toBe(0)
    await view.unmount()
  })

  it('keys a target by its string id by default', async () => {
    const backend = createFakeBackend()
    const seen: Seen[] = []
    const target = backend.phone()
    const view = await render(<Probe target={target} seen={seen} />)
    const first = seen.at(-1)!.flow
    await view.rerender(<Probe target={{ ...target }} seen={seen} />)
    expect(seen.at(-1)!.flow).toBe(first)
    await view.rerender(<Probe target={backend.phone()} seen={seen} />)
    expect(seen.at(-1)!.flow).not.toBe(first)
    await view.unmount()
  })

  it('returns the same object while neither the flow nor its state changed', async () => {
    const backend = createFakeBackend()
    const seen: Seen[] = []
    const view = await render(<Probe target={backend.phone()} seen={seen} keyed="k" />)
    await view.rerender(<Probe target={backend.phone()} seen={seen} keyed="k" />)
    expect(seen.at(-1)).toBe(seen.at(-2))
    await view.unmount()
  })

  it('refuses a bad option with the flow’s own ValidationError', async () => {
    const backend = createFakeBackend()
    const errors: unknown[] = []
    function Bad() {
      useVerificationFlow(backend.phone(), { resendCooldownSeconds: -1 })
      return null
    }
    const onError = (event: ErrorEvent) => {
      errors.push(event.error)
      event.preventDefault()
    }
    window.addEventListener('error', onError)
    const reported = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    try {
      await render(<Bad />).catch((error: unknown) => errors.push(error))
    } finally {
      window.removeEventListener('error', onError)
      reported.mockRestore()
    }
    expect(errors.some((error) => isValidationError(error) && error.code === 'config_invalid')).toBe(true)
  })
})
