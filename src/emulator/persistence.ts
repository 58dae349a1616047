import { open, readFile, rename, unlink } from 'node:fs/promises'
import { parseSnapshot } from './snapshot-schema.js'
import type { Snapshot } from './state.js'

/**
 * Reads the data file. A missing file means a fresh start; anything unreadable stops the start with a
 * message that names the file, and the file is left exactly as it was.
 */
export async function loadSnapshot(file: string): Promise<Snapshot | undefined> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw new Error(`dialkit-emulator: cannot read data file ${file}: ${(error as Error).message}`, { cause: error })
  }
  try {
    return parseSnapshot(text)
  } catch (error) {
    throw new Error(
      `dialkit-emulator: data file ${file} is corrupt (${(error as Error).message}). ` +
        'It was left untouched; fix it, move it away or pass another --data file.',
      { cause: error },
    )
  }
}

export interface Persister {
  /** Schedules a write of the current state; resolves once a write that includes it is on disk. */
  save(): Promise<void>
  /** Waits for every scheduled write, retrying a failed last one; rejects if the state is still not on disk. */
  flush(): Promise<void>
}

let tempCounter = 0

async function writeAtomically(file: string, text: string): Promise<void> {
  // Write a sibling temp file, fsync it, then rename: readers and crashes see the old or the new file,
  // never half of one.
  const temp = `${file}.${process.pid}.${++tempCounter}.tmp`
  const handle = await open(temp, 'w', 0o600)
  try {
    await handle.writeFile(text, 'utf8')
    await handle.sync()
  } finally {
    await handle.close()
  }
  try {
    await rename(temp, file)
  } catch (error) {
    await unlink(temp).catch(() => undefined)
    throw error
  }
}

/**
 * Serialized, coalescing writer: at most one write runs at a time and all changes made while it runs
 * share the next write, so a burst of requests costs two writes, not one per request. A failed write
 * leaves memory ahead of the disk; the next save, or the flush on stop, writes the whole state again.
 */
export function createPersister(file: string, snapshot: () => Snapshot): Persister {
  let chain: Promise<void> = Promise.resolve()
  let pending: Promise<void> | undefined
  let unsaved = false
  const save = () => {
    if (pending) return pending
    const next = chain.then(async () => {
      pending = undefined
      unsaved = true
      await writeAtomically(file, JSON.stringify(snapshot()))
      unsaved = false
    })
    pending = next
    chain = next.catch(() => undefined)
    return next
  }
  const flush = async () => {
    await chain
    if (unsaved) await save()
  }
  return { save, flush }
}
