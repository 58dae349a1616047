// Opening the data file for one emulator: its lock, then leftovers, then the state. Everything that would
// make writes fail or clobber each other later is found here, at start, with a message saying what to do.
import { constants } from 'node:fs'
import { access, chmod, open, readFile, stat, unlink } from 'node:fs/promises'
import { resolve } from 'node:path'
import { DialkitError } from '../errors/dialkit-error.js'
import { isRunning, loadSnapshot, removeOrphanTemps } from './persistence.js'
import type { Snapshot } from './state.js'

/** A data file this emulator holds: its state as loaded, and the lock to let go of on stop. */
export interface OpenedDataFile {
  file: string
  snapshot: Snapshot | undefined
  release(): Promise<void>
}

// Locks this process holds. A lock naming our own pid that is not in here was left by a killed process
// whose pid we were given again (a container restart), so it is stale.
const held = new Set<string>()

const lockName = (file: string) => `${file}.lock`

function refuse(message: string, cause?: unknown): never {
  throw new DialkitError(`dialkit-emulator: ${message}`, { cause })
}

async function lockOwner(lock: string): Promise<number | undefined> {
  const pid = Number.parseInt(await readFile(lock, 'utf8').catch(() => ''), 10)
  if (!Number.isInteger(pid) || pid <= 0) return undefined
  return pid === process.pid ? (held.has(lock) ? pid : undefined) : isRunning(pid) ? pid : undefined
}

/**
 * `<file>.lock` (0600, our pid): two emulators on one file would each write their own state over the
 * other's. Creating it is also the first write, so a folder we cannot write to stops the start here.
 */
async function lock(file: string): Promise<string> {
  const path = lockName(file)
  for (let tries = 0; tries < 2; tries++) {
    try {
      const handle = await open(path, 'wx', 0o600)
      await handle.writeFile(`${process.pid}\n`).finally(() => handle.close())
      held.add(path)
      return path
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code !== 'EEXIST') refuse(`cannot write beside data file ${file} (${code ?? (error as Error).message}): pick a folder you can write to`, error)
      const owner = await lockOwner(path)
      if (owner !== undefined) {
        refuse(`data file ${file} is in use by another emulator (pid ${owner}): stop that one, or pass another --data file (no emulator runs? delete ${path})`)
      }
      // A killed emulator's lock: nobody writes the file any more.
      await unlink(path).catch(() => undefined)
    }
  }
  return refuse(`data file ${file} is being opened by another emulator right now: pass another --data file`)
}

// The file is replaced by a rename on every write, which would ignore a read-only mode: respect it instead.
async function checkWritable(file: string): Promise<void> {
  const stats = await stat(file).catch(() => undefined)
  if (!stats) return
  if (stats.isDirectory()) refuse(`data file ${file} is a folder: pass a file path such as ${resolve(file, 'state.json')}`)
  const writable = (stats.mode & 0o200) !== 0 && (await access(file, constants.W_OK).then(() => true, () => false))
  if (!writable) refuse(`data file ${file} is read-only: make it writable (chmod u+w ${file}), or copy it and pass the copy`)
  // It holds the secret key, the signing key and client tokens. Every write makes it 0600 (its temp file is);
  // one an older version wrote, or a copy, is made so at once rather than after the next change.
  if ((stats.mode & 0o077) !== 0) await chmod(file, 0o600).catch(() => undefined) // not ours: the next write replaces it 0600
}

/** Locks the data file, deletes a killed emulator's temp files and reads the state (none: a fresh start). */
export async function openDataFile(path: string, log: ((line: string) => void) | false | undefined): Promise<OpenedDataFile> {
  const file = resolve(path)
  await checkWritable(file)
  const lockPath = await lock(file)
  const release = async () => {
    held.delete(lockPath)
    await unlink(lockPath).catch(() => undefined)
  }
  try {
    const removed = await removeOrphanTemps(file)
    if (removed > 0 && log) log(`removed ${removed} temp file(s) a killed emulator left beside ${file}`)
    return { file, snapshot: await loadSnapshot(file), release }
  } catch (error) {
    await release()
    throw error
  }
}
