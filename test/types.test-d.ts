// Type tests for the public SDK types. vitest's `types` project runs tsc over this file (see vite.config.ts), so a
// wrong type is a failing test in `npm test`; `npm run typecheck` checks it too.
import { describe, expectTypeOf, it } from 'vitest'
import {
  PhoneNumber,
  SignIn,
  User,
  Verification,
  createClient,
  type ApiError,
  type ClientResource,
  type DialkitClient,
  type ReadableStore,
  type Session,
  type SessionState,
  type TokenStorage,
  type VerifiableRequestOptions,
  type VerifiableVerification,
  type PhoneNumberJSON,
} from '../src/index.js'

declare const client: DialkitClient
declare const phone: PhoneNumber

describe('public SDK types', () => {
  it('returns a DialkitClient from createClient and refuses wrong option types', () => {
    expectTypeOf(createClient).returns.toEqualTypeOf<DialkitClient>()
    // @ts-expect-error authMode is 'cookie' | 'header'
    createClient({ frontendApi: 'http://localhost:4010', authMode: 'jwt' })
    // @ts-expect-error fetch must be a fetch function
    createClient({ frontendApi: 'http://localhost:4010', fetch: 'nope' })
  })

  it('takes tokenStorage as a name or a synchronous get/set pair', () => {
    const pair: TokenStorage = { get: () => null, set: () => undefined }
    createClient({ frontendApi: 'http://localhost:4010', tokenStorage: 'localStorage' })
    createClient({ frontendApi: 'http://localhost:4010', tokenStorage: pair })
    // @ts-expect-error sessionStorage goes through a pair
    createClient({ frontendApi: 'http://localhost:4010', tokenStorage: 'sessionStorage' })
    // @ts-expect-error get is synchronous
    createClient({ frontendApi: 'http://localhost:4010', tokenStorage: { get: async () => null, set: () => undefined } })
  })

  it('types the store, the user, load and signIn', () => {
    expectTypeOf(client.store).toEqualTypeOf<ReadableStore<SessionState>>()
    expectTypeOf(client.store.get()).toEqualTypeOf<SessionState>()
    expectTypeOf<SessionState['status']>().toEqualTypeOf<'unloaded' | 'signed-out' | 'signed-in'>()
    expectTypeOf(client.user).toEqualTypeOf<User | null>()
    expectTypeOf(client.load).returns.resolves.toEqualTypeOf<ClientResource | null>()
    expectTypeOf(client.signIn).parameter(0).toMatchTypeOf<{ ticket: string }>()
    expectTypeOf(client.signIn).returns.resolves.toEqualTypeOf<Session>()
  })

  it('types client.session and getToken', () => {
    expectTypeOf(client.session).toEqualTypeOf<Session | null>()
    const session = client.session!
    expectTypeOf(session.getToken).returns.resolves.toEqualTypeOf<string | null>()
    session.getToken({ skipCache: true, timeout: 5000, signal: new AbortController().signal })
    // @ts-expect-error skipCache is a boolean
    session.getToken({ skipCache: 'yes' })
  })

  it('types each event payload by the event name', () => {
    // Events: the payload follows the event name.
    client.on('phoneNumber:updated', (updated) => expectTypeOf(updated).toEqualTypeOf<PhoneNumber>())
    client.on('user:updated', (user) => expectTypeOf(user).toEqualTypeOf<User>())
    client.on('client:updated', (state) => expectTypeOf(state).toEqualTypeOf<ClientResource | null>())
    // @ts-expect-error unknown event name
    client.on('phoneNumber:verified', () => undefined)
    // @ts-expect-error wrong payload type for the event
    client.on('user:updated', (user: PhoneNumber) => user)
  })

  it('gives PhoneNumber read-only fields and operations resolving to new instances', () => {
    // PhoneNumber: readonly fields, operations resolve to new instances.
    expectTypeOf(phone.verification).toEqualTypeOf<Verification | null>()
    expectTypeOf(phone.prepareVerification).returns.resolves.toEqualTypeOf<PhoneNumber>()
    expectTypeOf(phone.attemptVerification).returns.resolves.toEqualTypeOf<PhoneNumber>()
    expectTypeOf(phone.destroy).returns.resolves.toEqualTypeOf<PhoneNumber>()
    expectTypeOf(phone.toString()).toEqualTypeOf<string>()
    expectTypeOf<Verification['expireAt']>().toEqualTypeOf<Date | null>()
    expectTypeOf<Verification['error']>().toEqualTypeOf<ApiError | null>()
    // @ts-expect-error instances are read-only
    phone.phoneNumber = '+1'
    // @ts-expect-error a code is required
    void phone.attemptVerification({})
    // @ts-expect-error reserved must be a boolean
    void phone.setReservedForSecondFactor({ reserved: 'yes' })
    // @ts-expect-error only national and international formats
    phone.format('e164')
    void phone.prepareVerification({ signal: new AbortController().signal, timeout: 5000 })
  })

  it('lets a phone number stand for the flow types', () => {
    // The flow's structural types are public, so a custom phone double can be typed against them.
    expectTypeOf<VerifiableVerification>().toMatchTypeOf<{ status: string; expireAt: Date | null; attempts: number | null }>()
    expectTypeOf<PhoneNumber['verification']>().toMatchTypeOf<VerifiableVerification | null>()
    expectTypeOf<VerifiableRequestOptions>().toEqualTypeOf<{ signal?: AbortSignal | undefined }>()
  })

  it('keeps resource constructors private: instances come from the client, its operations and fromJSON', () => {
    // A class whose constructor is private is not newable from outside, whatever the arguments.
    type Newable = abstract new (...args: never[]) => unknown
    expectTypeOf<typeof PhoneNumber>().not.toMatchTypeOf<Newable>()
    expectTypeOf<typeof User>().not.toMatchTypeOf<Newable>()
    expectTypeOf<typeof SignIn>().not.toMatchTypeOf<Newable>()
    expectTypeOf<typeof Verification>().not.toMatchTypeOf<Newable>()
    expectTypeOf(PhoneNumber.fromJSON).parameters.toEqualTypeOf<[json: PhoneNumberJSON, client: DialkitClient]>()
    // @ts-expect-error PhoneNumber.draft is gone: user.createPhoneNumber() adds a number
    PhoneNumber.draft('+12015550123', client)
    // @ts-expect-error the client carries no resource context
    expectTypeOf(client.context).toBeUnknown()
  })
})
