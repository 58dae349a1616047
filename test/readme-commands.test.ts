// Every command the READMEs give must run in a fresh clone after `npm install`: an npm script that exists, a
// bin the clone has, a file that is there. The package's own bin is not linked in its own clone (npx would ask
// the registry for it), so `npx dialkit-emulator` may only appear where the text says dialkit is installed.
import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import pkg from '../package.json' with { type: 'json' }

const ROOT = new URL('../', import.meta.url)
const READMES = ['README.md', 'examples/react/README.md', 'examples/server/README.md', 'bench/README.md']

interface Command {
  readme: string
  text: string
  /** The words after the command, up to the end of its line: where the text says what it is for. */
  context: string
}

function commandsOf(readme: string): Command[] {
  const text = readFileSync(new URL(readme, ROOT), 'utf8')
  const commands: Command[] = []
  for (const [, block] of text.matchAll(/```sh\n([\s\S]*?)```/g)) {
    for (const line of block!.split('\n').filter((l) => l.trim() !== '')) {
      const [command, comment = ''] = line.split(/\s+#\s/)
      for (const part of command!.split('&&')) commands.push({ readme, text: part.trim(), context: comment })
    }
  }
  for (const match of text.matchAll(/`((?:[A-Z_]+=\S+ )*(?:npm|npx) [^`]+)`/g)) {
    const after = text.slice(match.index + match[0].length).split(/[.;]\s/)[0]!
    for (const part of match[1]!.split('&&')) commands.push({ readme, text: part.replace(/\s+/g, ' ').trim(), context: after })
  }
  return commands
}

/** Why the command cannot run from a fresh clone, or undefined when it can. */
function problem({ text, context }: Command): string | undefined {
  const words = text.split(' ').filter((word) => !/^[A-Z_]+=/.test(word))
  const [tool, first, second] = words
  if (tool === 'npm' && ['install', 'ci', 'test'].includes(first!)) return undefined
  if (tool === 'npm' && first === 'run') return second! in pkg.scripts ? undefined : `no npm script "${second}"`
  if (tool === 'npx' && first! in pkg.bin) return /installed/.test(context) ? undefined : `${first} is this package's bin: a clone runs \`npm run emulator\``
  if (tool === 'npx') return existsSync(new URL(`node_modules/.bin/${first}`, ROOT)) ? undefined : `no bin "${first}" after npm install`
  if (tool === 'node') return existsSync(new URL(first!, ROOT)) ? undefined : `no file ${first}`
  return `not a command this test knows: ${text}`
}

describe('README commands', () => {
  const commands = READMES.flatMap(commandsOf)

  it('finds the commands it checks, in code blocks and in the text', () => {
    expect(commands.map((command) => command.text)).toEqual(expect.arrayContaining(['npm install', 'npm run demo', 'npm run emulator -- --help', 'npm run demo -- --port 8080']))
  })

  it.each(READMES)('gives only commands that run in a fresh clone of the repo: %s', (readme) => {
    const problems = commands.filter((command) => command.readme === readme).flatMap((command) => {
      const found = problem(command)
      return found ? [`${command.text}: ${found}`] : []
    })
    expect(problems).toEqual([])
  })
})
