/**
 * The part of `BroadcastChannel` cross-tab sync uses, so tests (and other transports) can pass their own.
 *
 * @example
 * ```ts
 * const channel: CrossTabChannel = new BroadcastChannel('dialkit:http://localhost:4010')
 * ```
 */
export interface CrossTabChannel {
  /** Sends a structured-cloneable message to every other channel of the same name. */
  postMessage(message: unknown): void
  /** Set by dialkit; called with every message another channel of the same name posted. */
  onmessage: ((event: { data: unknown }) => void) | null
  /** Stops sending and receiving. */
  close(): void
}

/**
 * Opens the channel for a name; `createClient({ crossTab })` calls it once, with one name per Frontend API.
 *
 * @example
 * ```ts
 * const crossTab: CrossTabChannelFactory = (name) => new BroadcastChannel(name)
 * const client = createClient({ frontendApi: 'http://localhost:4010', crossTab })
 * ```
 */
export type CrossTabChannelFactory = (name: string) => CrossTabChannel
