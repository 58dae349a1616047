import { afterEach, describe, expect, it, vi } from 'vitest'
import { createAtom } from '../../src/store/atom.js'

afterEach(() => vi.unstubAllGlobals())

describe('createAtom', () => {
  it('listen is called on changes only, subscribe also right away', () => {
    const atom = createAtom(1)
    const listened: Array<[number, number]> = []
    const subscribed: Array<[number, number | undefined]> = []
    atom.listen((value, old) => listened.push([value, old]))
    atom.subscribe((value, old) => subscribed.push([value, old]))
    atom.set(2)
    expect(listened).toEqual([[2, 1]])
    expect(subscribed).toEqual([[1, undefined], [2, 1]])
  })

  it('does not notify when the value is unchanged', () => {
    const atom = createAtom('a')
    const listener = vi.fn()
    atom.listen(listener)
    atom.set('a')
    expect(listener).not.toHaveBeenCalled()
  })

  it('stops calling a listener once it unsubscribes, even the same function listening twice', () => {
    const atom = createAtom(0)
    const listener = vi.fn()
    const off = atom.listen(listener)
    atom.listen(listener)
    off()
    atom.set(1)
    expect(listener).toHaveBeenCalledTimes(1)
  })

  it('keeps notifying the others when one listener throws, and reports the error', () => {
    const report = vi.fn()
    vi.stubGlobal('reportError', report)
    const atom = createAtom(0)
    const after = vi.fn()
    atom.listen(() => {
      throw new Error('boom')
    })
    atom.listen(after)
    atom.set(1)
    expect(after).toHaveBeenCalledWith(1, 0)
    expect(atom.get()).toBe(1)
    expect(report).toHaveBeenCalledWith(expect.objectContaining({ message: 'boom' }))
  })

  it('falls back to console.error where reportError is missing', () => {
    vi.stubGlobal('reportError', undefined)
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const atom = createAtom(0)
    atom.listen(() => {
      throw new Error('boom')
    })
    atom.set(1)
    expect(log).toHaveBeenCalled()
    log.mockRestore()
  })

  it('queues the notifications of a set made by a listener, so every listener sees every value in order', () => {
    const atom = createAtom(0)
    const seen: Array<[string, number, number]> = []
    atom.listen((value, old) => {
      seen.push(['first', value, old])
      if (value === 1) atom.set(2)
    })
    atom.listen((value, old) => seen.push(['second', value, old]))
    atom.set(1)
    expect(seen).toEqual([
      ['first', 1, 0],
      ['second', 1, 0],
      ['first', 2, 1],
      ['second', 2, 1],
    ])
    expect(atom.get()).toBe(2)
  })

  it('does not call a queued listener that unsubscribed before its turn', () => {
    const atom = createAtom(0)
    const late = vi.fn()
    let offLate = () => {}
    atom.listen((value) => {
      if (value === 1) {
        atom.set(2)
        offLate()
      }
    })
    offLate = atom.listen(late)
    atom.set(1)
    expect(late).not.toHaveBeenCalled()
  })
})
