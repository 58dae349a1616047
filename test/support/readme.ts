// The README's ts blocks, compiled to run as written: imports dropped, the names they use passed in.
import { readFile } from 'node:fs/promises'
import ts from 'typescript'

/** The `n`th ts block under the README heading `## section` (or `### section`), up to the next `## `. */
export async function readmeSnippet(section: string, n = 0): Promise<string> {
  const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8')
  const start = readme.indexOf(`## ${section}\n`)
  if (start < 0) throw new Error(`README has no heading "${section}"`)
  const end = readme.indexOf('\n## ', start + 1)
  const blocks = [...readme.slice(start, end < 0 ? undefined : end).matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!)
  if (!blocks[n]) throw new Error(`README has no ts block #${n} under "${section}"`)
  return blocks[n]
}

/** The `n`th ts block under the README's `## Testing kit`. */
export function testingKitSnippet(n: number): Promise<string> {
  return readmeSnippet('Testing kit', n)
}

/**
 * Compiles the snippet (imports dropped) into a function of the names it uses but does not declare; with
 * `result`, the function resolves to that variable of the snippet.
 */
export function compile(snippet: string, names: string[], result?: string): (...values: unknown[]) => Promise<unknown> {
  const body = snippet.replace(/^import .*\n/gm, '')
  const js = ts.transpileModule(`async function snippet() {\n${body}\n${result ? `return ${result}` : ''}\n}`, { compilerOptions: { target: ts.ScriptTarget.ES2022 } }).outputText
  return new Function(...names, `${js}\nreturn snippet()`) as (...values: unknown[]) => Promise<unknown>
}
