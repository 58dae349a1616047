// Wrong arguments to the flow and its adapters are refused with a ValidationError when they are made, never a
// raw TypeError then or on the first click.
import { describe, expect, it } from 'vitest'
import { ValidationError, createVerificationFlow, signInFirstFactor, signInSecondFactor, signUpPhoneNumber } from '../../src/index.js'
import { createFakeBackend } from './fake-phone.js'
import { createFakeSignIns, createFakeSignUps } from './fake-sign-in.js'

const NOT_TARGETS: Array<[string, unknown]> = [
  ['undefined', undefined],
  ['null', null],
  ['a number', 5],
  ['a string', '+12015550123'],
  ['an empty object', {}],
  ['an object with one of the two methods', { prepareVerification: () => Promise.resolve() }],
]

function refusal(make: () => unknown): unknown {
  try {
    make()
  } catch (error) {
    return error
  }
  return undefined
}

describe('createVerificationFlow', () => {
  it.each(NOT_TARGETS)('refuses %s as target', (_label, target) => {
    const error = refusal(() => createVerificationFlow(target as never))
    expect(error).toBeInstanceOf(ValidationError)
    expect(error).toMatchObject({ code: 'param_invalid', paramName: 'target' })
  })

  it.each<[string, unknown, string]>([
    ['now that is a number', { now: 5 }, 'now'],
    ['now that is null', { now: null }, 'now'],
    ['webOtp that is a string', { webOtp: 'yes' }, 'web_otp'],
    ['resendCooldownSeconds that is a string', { resendCooldownSeconds: '30' }, 'resend_cooldown_seconds'],
    ['resendCooldownSeconds that is an object without a prototype', { resendCooldownSeconds: Object.create(null) }, 'resend_cooldown_seconds'],
    ['resendCooldownSeconds that is a Symbol', { resendCooldownSeconds: Symbol('30') }, 'resend_cooldown_seconds'],
  ])('refuses %s', (_label, options, paramName) => {
    const error = refusal(() => createVerificationFlow(createFakeBackend().phone(), options as never))
    expect(error).toBeInstanceOf(ValidationError)
    expect(error).toMatchObject({ code: 'config_invalid', paramName })
  })

  it('takes null options as none', () => {
    const flow = createVerificationFlow(createFakeBackend().phone(), null as never)
    expect(flow.store.get()).toMatchObject({ status: 'idle', resendInSeconds: 0 })
    flow.destroy()
  })
})

describe('the sign-in and sign-up adapters', () => {
  it.each(NOT_TARGETS)('signInFirstFactor and signInSecondFactor refuse %s as sign-in', (_label, signIn) => {
    for (const adapt of [signInFirstFactor, signInSecondFactor]) {
      const error = refusal(() => adapt(signIn as never))
      expect(error).toBeInstanceOf(ValidationError)
      expect(error).toMatchObject({ code: 'param_invalid', paramName: 'sign_in' })
    }
  })

  it.each<[string, unknown, string]>([
    ['null options', null, 'options'],
    ['a string as options', 'idn_1', 'options'],
    ['a phoneNumberId that is a number', { phoneNumberId: 5 }, 'phone_number_id'],
  ])('the sign-in adapters refuse %s', (_label, options, paramName) => {
    const signIn = createFakeSignIns().signIn('needs_first_factor')
    for (const adapt of [signInFirstFactor, signInSecondFactor]) {
      const error = refusal(() => adapt(signIn, options as never))
      expect(error).toMatchObject({ name: 'ValidationError', code: 'param_invalid', paramName })
    }
  })

  it.each([...NOT_TARGETS, ['a sign-up without verifications', { preparePhoneNumberVerification() {}, attemptPhoneNumberVerification() {} }] as [string, unknown]])(
    'signUpPhoneNumber refuses %s as sign-up',
    (_label, signUp) => {
      const error = refusal(() => signUpPhoneNumber(signUp as never))
      expect(error).toBeInstanceOf(ValidationError)
      expect(error).toMatchObject({ code: 'param_invalid', paramName: 'sign_up' })
    },
  )

  it('accepts what they are meant for', () => {
    const signIn = createFakeSignIns().signIn('needs_first_factor')
    expect(signInFirstFactor(signIn, { phoneNumberId: 'idn_1' }).signIn).toBe(signIn)
    expect(signInSecondFactor(signIn).signIn).toBe(signIn)
    const signUp = createFakeSignUps().signUp('missing_requirements')
    expect(signUpPhoneNumber(signUp).signUp).toBe(signUp)
  })
})
