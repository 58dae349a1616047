import { describe, expect, it } from 'vitest'
import { takeRefused } from './no-internet.js'

describe('the no-internet guard every test runs under', () => {
  it('refuses a connection past loopback, and records it so the test fails', async () => {
    await expect(fetch('https://api.clerk.com/v1/users')).rejects.toThrow()
    expect(takeRefused()).toEqual(['api.clerk.com:443'])
  })

  it('lets loopback through', async () => {
    await expect(fetch('http://127.0.0.1:9/')).rejects.toThrow() // nothing listens on the discard port
    expect(takeRefused()).toEqual([])
  })
})
