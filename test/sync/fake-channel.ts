// Paired in-memory channels with BroadcastChannel's semantics: a post reaches every other open channel of the
// same name (never the sender), asynchronously and in order; posting on a closed channel throws.
import type { CrossTabChannel, CrossTabChannelFactory } from '../../src/sync/channel.js'

export interface FakeBus {
  /** The factory to pass as `createClient({ crossTab })`. */
  open: CrossTabChannelFactory
  /** Every channel opened so far, closed ones included. */
  channels: FakeChannel[]
  /** Delivers everything posted so far (and what that delivery posts), as the event loop would. */
  flush(): Promise<void>
  /** Holds deliveries until `release()`: lets a test reorder what arrives. */
  hold(): void
  release(order?: (queued: Delivery[]) => Delivery[]): void
}

export interface FakeChannel extends CrossTabChannel {
  readonly name: string
  closed: boolean
  posted: unknown[]
}

export interface Delivery {
  to: FakeChannel
  data: unknown
}

export function fakeBus(): FakeBus {
  const channels: FakeChannel[] = []
  let queue: Delivery[] = []
  let held = false
  const deliver = (delivery: Delivery) => {
    if (!delivery.to.closed) delivery.to.onmessage?.({ data: structuredClone(delivery.data) })
  }
  const open: CrossTabChannelFactory = (name) => {
    const channel: FakeChannel = {
      name,
      closed: false,
      posted: [],
      onmessage: null,
      postMessage(data) {
        if (channel.closed) throw new DOMException('BroadcastChannel is closed', 'InvalidStateError')
        channel.posted.push(data)
        for (const to of channels) if (to !== channel && to.name === name && !to.closed) queue.push({ to, data })
      },
      close() {
        channel.closed = true
      },
    }
    channels.push(channel)
    return channel
  }
  const flush = async () => {
    // Loads triggered by a delivery resolve on later microtasks; settle them between rounds.
    for (let round = 0; round < 20; round++) {
      await new Promise((resolve) => setImmediate(resolve))
      if (held || queue.length === 0) continue
      const batch = queue
      queue = []
      batch.forEach(deliver)
    }
  }
  return {
    open,
    channels,
    flush,
    hold: () => void (held = true),
    release(order = (queued) => queued) {
      held = false
      const batch = order(queue)
      queue = []
      batch.forEach(deliver)
    },
  }
}
