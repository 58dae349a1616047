// @vitest-environment happy-dom
// Its own file, so the phone chunk really is not loaded yet when the first test renders (a reload).
import { act } from 'react'
import { describe, expect, it } from 'vitest'
import { createClient, phoneHelpersReady, preloadPhone } from '../../src/index.js'
import { usePhoneHelpersReady, usePhoneNumbers } from '../../src/react/index.js'
import { fakeFetch, jsonResponse } from '../support/fake-fetch.js'
import { clientJSON, envelope, phoneJSON, userJSON } from '../resources/fixtures.js'
import { render, withClient } from './render.js'

function Numbers() {
  const phones = usePhoneNumbers()
  return <ul>{phones.map((phone) => <li key={phone.id}>{phone.format('international')}</li>)}</ul>
}

function Ready() {
  return <p>{String(usePhoneHelpersReady())}</p>
}

describe('formatted numbers after a reload', () => {
  it('usePhoneNumbers loads the phone helpers and re-renders formatted when they arrive', async () => {
    const response = jsonResponse(200, envelope(clientJSON(userJSON([phoneJSON()]))))
    const client = createClient({ frontendApi: 'http://localhost:4010', authMode: 'header', fetch: fakeFetch([response]).fetch })
    await client.load()
    expect(phoneHelpersReady.get()).toBe(false)

    const view = await render(withClient(client, <><Numbers /><Ready /></>))
    // The first render can only show E.164: the chunk is still on its way (nothing else asked for it).
    expect(view.container.querySelector('li')?.textContent).toBe('+12015550123')
    expect(view.container.querySelector('p')?.textContent).toBe('false')

    await act(() => preloadPhone())
    expect(view.container.querySelector('li')?.textContent).toBe('+1 201 555 0123')
    expect(view.container.querySelector('p')?.textContent).toBe('true')
    await view.unmount()
  })

  it('usePhoneHelpersReady is true from the first render once the chunk is there', async () => {
    const renders: string[] = []
    function Probe() {
      const ready = usePhoneHelpersReady()
      renders.push(String(ready))
      return null
    }
    const view = await render(<Probe />)
    expect(renders).toEqual(['true'])
    await view.unmount()
  })
})
