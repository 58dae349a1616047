import { createClient, type DialkitClient } from '../../src/index.js'
import type { DialkitEventName } from '../../src/events.js'
import type { ClientJSON, SignInJSON, SignUpJSON, VerificationJSON } from '../../src/wire/index.js'
import { EVENT_NAMES } from '../support/event-names.js'
import { fakeFetch, jsonResponse, type Handler, type SentRequest } from '../support/fake-fetch.js'
import { clientJSON, envelope, NOW, sessionJSON, userJSON } from './fixtures.js'

export interface SignedOutHarness {
  client: DialkitClient
  sent: SentRequest[]
  events: Array<[DialkitEventName, unknown]>
  reply(handler: Handler): void
}

/** A loaded, signed-out client (header auth, faked fetch); records start after the load. */
export async function signedOut(): Promise<SignedOutHarness> {
  let handler: Handler = () => jsonResponse(200, envelope(clientJSON(null)))
  const fake = fakeFetch((request, raw) => handler(request, raw))
  const client = createClient({ frontendApi: 'http://localhost:4010', fetch: fake.fetch, authMode: 'header' })
  await client.load()
  fake.sent.length = 0
  const events: SignedOutHarness['events'] = []
  for (const name of EVENT_NAMES) client.on(name, ((payload: unknown) => void events.push([name, payload])) as never)
  return { client, sent: fake.sent, events, reply: (next) => (handler = next) }
}

export function otpJSON(overrides: Partial<VerificationJSON> = {}): VerificationJSON {
  return { object: 'verification_otp', status: 'unverified', strategy: 'phone_code', attempts: 0, expire_at: NOW + 600_000, channel: 'sms', ...overrides }
}

export function phoneSignInJSON(overrides: Partial<SignInJSON> = {}): SignInJSON {
  return {
    object: 'sign_in_attempt',
    id: 'sia_1',
    status: 'needs_first_factor',
    supported_identifiers: ['phone_number'],
    supported_first_factors: [
      { strategy: 'phone_code', safe_identifier: '+*********99', phone_number_id: 'idn_other', primary: false },
      { strategy: 'phone_code', safe_identifier: '+14155552671', phone_number_id: 'idn_typed', primary: true },
    ],
    supported_second_factors: null,
    first_factor_verification: null,
    second_factor_verification: null,
    identifier: '+14155552671',
    user_data: null,
    created_session_id: null,
    abandon_at: NOW + 86_400_000,
    ...overrides,
  }
}

export function phoneSignUpJSON(overrides: Partial<SignUpJSON> = {}): SignUpJSON {
  return {
    object: 'sign_up_attempt',
    id: 'sua_1',
    status: 'missing_requirements',
    required_fields: ['phone_number'],
    missing_fields: [],
    unverified_fields: ['phone_number'],
    verifications: { email_address: null, phone_number: null, web3_wallet: null, external_account: null },
    phone_number: '+14155552671',
    created_user_id: null,
    created_session_id: null,
    ...overrides,
  }
}

/** The answer to a step: the resource, with the client carrying it (or, once complete, the new session). */
export function signInAnswer(signIn: SignInJSON, status = 200) {
  const client: ClientJSON = signIn.status === 'complete' ? signedInClient() : clientJSON(null, { sign_in: signIn })
  return () => jsonResponse(status, envelope(signIn, client))
}

export function signUpAnswer(signUp: SignUpJSON) {
  const client: ClientJSON = signUp.status === 'complete' ? signedInClient() : clientJSON(null, { sign_up: signUp })
  return () => jsonResponse(200, envelope(signUp, client))
}

function signedInClient(): ClientJSON {
  return clientJSON(null, { sessions: [sessionJSON(userJSON(), { id: 'sess_new' })], last_active_session_id: 'sess_new', sign_in: null, sign_up: null })
}
