// The README's "Backend client" snippet, run as written against a real emulator (its key and URL swapped in).
import { describe, expect, it } from 'vitest'
import * as backendEntry from '../../src/backend/index.js'
import { compile, readmeSnippet } from '../support/readme.js'
import { backendFor, useTestEmulator } from './harness.js'

describe('README, Backend client snippet', () => {
  const emu = useTestEmulator()

  it('runs as written, and ends with the user it created deleted', async () => {
    const snippet = (await readmeSnippet('Backend client')).replaceAll("'sk_test_...'", JSON.stringify(emu.secretKey)).replaceAll("'http://localhost:4010'", JSON.stringify(emu.url))
    const { createBackendClient, isApiResponseError } = backendEntry
    const { user, testing } = (await compile(snippet, ['createBackendClient', 'isApiResponseError'], '{ user, testing }')(createBackendClient, isApiResponseError)) as {
      user: { id: string }
      testing: { token: string }
    }
    expect(testing.token).toEqual(expect.any(String))
    const gone = await backendFor(emu).users.getUser(user.id).catch((error: unknown) => error)
    expect(backendEntry.isApiResponseError(gone) && gone.status).toBe(404)
  })
})
