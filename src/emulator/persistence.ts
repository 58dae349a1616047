import { open, readdir, readFile, rename, unlink } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { DialkitError } from '../errors/dialkit-error.js'
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
    throw new DialkitError(`dialkit-emulator: cannot read data file ${file}: ${(error as Error).message}`, { cause: error })
  }
  try {
    return parseSnapshot(text)
  } catch (error) {
    throw new DialkitError(
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

// `<data file>.<pid>.<n>.tmp`: the pid says whose write it was, so a start can tell a dead writer's leftover
// from a live one's write in progress.
const tempName = (file: string, pid: number, n: number) => `${file}.${pid}.${n}.tmp`

/** Whether a process with this pid runs (as anyone). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

// Our own pid counts as dead for numbers this process has not used yet: a container restart can
// hand a killed process's pid to its successor.
const isOrphan = (pid: number, n: number) => (pid === process.pid ? n > tempCounter : !isRunning(pid))

/**
 * Deletes the temp files a killed process left beside `file` (they hold the secret key and client tokens).
 * Resolves to how many were removed.
 */
export async function removeOrphanTemps(file: string): Promise<number> {
  const prefix = `${basename(file)}.`
  const names = await readdir(dirname(file)).catch(() => [] as string[])
  let removed = 0
  for (const name of names) {
    const match = /^(\d+)\.(\d+)\.tmp$/.exec(name.startsWith(prefix) ? name.slice(prefix.length) : '')
    if (!match || !isOrphan(Number(match[1]), Number(match[2]))) continue
    await unlink(join(dirname(file), name)).then(() => removed++, () => undefined)
  }
  return removed
}

async function writeAtomically(file: string, text: string): Promise<void> {
  // Write a sibling temp file, fsync it, then rename: readers and crashes see the old or the new file,
  // never half of one.
  const temp = tempName(file, process.pid, ++tempCounter)
  // 0600: the state holds the secret key and client tokens. `wx`: never reuse a file someone else made.
  const handle = await open(temp, 'wx', 0o600)
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
