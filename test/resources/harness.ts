import { createClient, type DialkitClient } from '../../src/index.js'
import type { DialkitEventName } from '../../src/events.js'
import type { PhoneNumberJSON } from '../../src/wire/index.js'
import { fakeFetch, jsonResponse, type Handler, type SentRequest } from '../support/fake-fetch.js'
import { EVENT_NAMES } from '../support/event-names.js'
import { clientJSON, envelope, userJSON } from './fixtures.js'

export interface Harness {
  client: DialkitClient
  sent: SentRequest[]
  events: Array<[DialkitEventName, unknown]>
  /** Store snapshots seen by a listener, in order. */
  states: Array<ReturnType<DialkitClient['store']['get']>>
  reply(handler: Handler): void
}

/** A client signed in as a user with `phones`, loaded through a faked GET /v1/client; records start after load. */
export async function signedIn(phones: PhoneNumberJSON[] = [], options: { retry?: number; timeout?: number } = {}): Promise<Harness> {
  let handler: Handler = () => jsonResponse(200, envelope(clientJSON(userJSON(phones))))
  const fake = fakeFetch((request, raw) => handler(request, raw))
  const client = createClient({ frontendApi: 'http://localhost:4010', fetch: fake.fetch, authMode: 'header', ...options })
  await client.load()
  fake.sent.length = 0
  const events: Harness['events'] = []
  for (const name of EVENT_NAMES) client.on(name, ((payload: unknown) => void events.push([name, payload])) as never)
  const states: Harness['states'] = []
  client.store.listen((state) => states.push(state))
  return { client, sent: fake.sent, events, states, reply: (next) => (handler = next) }
}
