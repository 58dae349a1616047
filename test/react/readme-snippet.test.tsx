// @vitest-environment happy-dom
// The README's React sign-in snippet, compiled as written and clicked through in happy-dom: it must start a
// sign-in, text a code and complete with it, one flow for the whole sign-in.
import { readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as React from 'react'
import { act } from 'react'
import ts from 'typescript'
import { expect, it, vi } from 'vitest'
import { SignIn, signInFirstFactor } from '../../src/index.js'
import { useClient, useSignIn, useVerificationFlow } from '../../src/react/index.js'
import { otpJSON, phoneSignInJSON, signedOut, signInAnswer } from '../resources/sign-in-harness.js'
import { render, withClient } from './render.js'

async function snippetWith(marker: string): Promise<string> {
  // happy-dom's URL is not Node's: the path is built from the file's own.
  const readme = await readFile(join(dirname(fileURLToPath(import.meta.url)), '../../README.md'), 'utf8')
  const block = [...readme.matchAll(/```tsx\n([\s\S]*?)```/g)].find(([, code]) => code!.includes(marker))
  if (!block) throw new Error(`README has no tsx block with ${marker}`)
  return block[1]!
}

/** The snippet's components, compiled with classic JSX so React comes in as a name like the others. */
function compile(snippet: string): { PhoneSignIn: () => React.ReactElement } {
  const body = snippet.replace(/^import .*\n/gm, '')
  const js = ts.transpileModule(`${body}\nreturn { PhoneSignIn }`, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, jsx: ts.JsxEmit.React },
    fileName: 'snippet.tsx',
  }).outputText
  const names = ['React', 'SignIn', 'signInFirstFactor', 'useClient', 'useSignIn', 'useVerificationFlow']
  return new Function(...names, js)(React, SignIn, signInFirstFactor, useClient, useSignIn, useVerificationFlow)
}

function button(container: HTMLElement, text: string): HTMLButtonElement {
  const found = [...container.querySelectorAll('button')].find((candidate) => candidate.textContent === text)
  if (!found) throw new Error(`no "${text}" button in: ${container.innerHTML}`)
  return found
}

it('runs the React sign-in snippet as written: start, text a code, type it, signed in', async () => {
  const { PhoneSignIn } = compile(await snippetWith('function PhoneSignIn'))
  const h = await signedOut()
  const answers: Record<string, () => Response> = {
    '/v1/client/sign_ins': signInAnswer(phoneSignInJSON()),
    '/v1/client/sign_ins/sia_1/prepare_first_factor': signInAnswer(phoneSignInJSON({ first_factor_verification: otpJSON({ expire_at: Date.now() + 600_000 }) })),
    '/v1/client/sign_ins/sia_1/attempt_first_factor': signInAnswer(phoneSignInJSON({ status: 'complete', created_session_id: 'sess_new' })),
  }
  h.reply((request) => answers[request.path]!())
  const view = await render(withClient(h.client, <PhoneSignIn />), { strict: true })

  // The clicks start requests the test cannot await: wait for what the page shows next.
  // Each try lets React commit what arrived since the last one (act flushes only when its scope ends).
  const shows = (check: () => unknown) => vi.waitFor(async () => {
    await act(async () => undefined)
    check()
  }, { timeout: 10_000, interval: 10 })
  await act(async () => button(view.container, 'Sign in').click())
  await shows(() => button(view.container, 'Text me a code'))
  await act(async () => button(view.container, 'Text me a code').click())
  await shows(() => expect(view.container.querySelector('span')?.textContent).toBe('code-sent'))
  const input = view.container.querySelector<HTMLInputElement>('input[name="code"]')!
  expect(input.autocomplete).toBe('one-time-code')
  input.value = '424242'
  await act(async () => view.container.querySelector('form')!.requestSubmit())
  await shows(() => expect(h.client.store.get().status).toBe('signed-in'))
  expect(h.sent.map((request) => request.path)).toEqual(Object.keys(answers))
  expect(h.sent[2]?.body).toMatchObject({ strategy: 'phone_code', code: '424242' })
  await view.unmount()
})
