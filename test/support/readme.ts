// The README's ts blocks, compiled to run as written: imports dropped, the names they use passed in.
import { readFile } from 'node:fs/promises'
import ts from 'typescript'

/** The `n`th ts block under the README's `## Testing kit`. */
export async function testingKitSnippet(n: number): Promise<string> {
  const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8')
  const section = readme.slice(readme.indexOf('## Testing kit\n'), readme.indexOf('\n## ', readme.indexOf('## Testing kit\n') + 1))
  const blocks = [...section.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!)
  if (!blocks[n]) throw new Error(`README has no ts block #${n} under "## Testing kit"`)
  return blocks[n]
}

/** Compiles the snippet (imports dropped) into a function of the names it uses but does not declare. */
export function compile(snippet: string, names: string[]): (...values: unknown[]) => Promise<void> {
  const body = snippet.replace(/^import .*\n/gm, '')
  const js = ts.transpileModule(`async function snippet() {\n${body}\n}`, { compilerOptions: { target: ts.ScriptTarget.ES2022 } }).outputText
  return new Function(...names, `${js}\nreturn snippet()`) as (...values: unknown[]) => Promise<void>
}

