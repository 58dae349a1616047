import type { DialkitEventName } from '../../src/events.js'

// A Record rather than a list so the compiler insists that an event added to the map is recorded too.
const ALL_EVENTS: Record<DialkitEventName, true> = {
  'client:updated': true,
  'session:created': true,
  'session:removed': true,
  'user:updated': true,
  'phoneNumber:created': true,
  'phoneNumber:updated': true,
  'phoneNumber:destroyed': true,
  'signIn:updated': true,
  'signUp:updated': true,
}

/** Every event a dialkit client can emit, for tests that record them all. */
export const EVENT_NAMES = Object.keys(ALL_EVENTS) as DialkitEventName[]
