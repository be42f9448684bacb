// npm run lint (after actionlint): GitHub's own parser, @actions/workflow-parser, over action.yml,
// every action.yml under .github/actions, and every workflow in .github/workflows and examples/
// (or the files given as arguments). Prints each error as file:line:column and exits 1 on any.
import {
  convertWorkflowTemplate,
  NoOperationTraceWriter,
  parseWorkflow
} from '@actions/workflow-parser'
import { parseAction } from '@actions/workflow-parser/actions/index'
import * as fs from 'node:fs'
import * as path from 'node:path'

const ROOT = path.resolve(import.meta.dirname, '..')
const WORKFLOW_DIRS = ['.github/workflows', 'examples']

interface Finding {
  line: number
  column: number
  message: string
}

function yamlFiles(dir: string): string[] {
  const full = path.join(ROOT, dir)
  if (!fs.existsSync(full)) return []
  return fs
    .readdirSync(full, { recursive: true, encoding: 'utf8' })
    .filter(name => /\.ya?ml$/.test(name))
    .map(name => path.join(full, name))
}

function isAction(file: string): boolean {
  return /^action\.ya?ml$/.test(path.basename(file))
}

function defaultFiles(): string[] {
  const actions = [path.join(ROOT, 'action.yml'), ...yamlFiles('.github/actions')]
  return [...actions.filter(isAction), ...WORKFLOW_DIRS.flatMap(yamlFiles)]
}

/** Every error GitHub's parser reports for one file: schema errors, then conversion errors. */
export async function check(file: string): Promise<Finding[]> {
  const source = { name: path.relative(ROOT, file), content: fs.readFileSync(file, 'utf8') }
  const trace = new NoOperationTraceWriter()
  const parsed = isAction(file) ? parseAction(source, trace) : parseWorkflow(source, trace)
  const at = (e: { range?: { start: { line: number; column: number } } }) => ({
    line: e.range?.start.line ?? 1,
    column: e.range?.start.column ?? 1
  })
  const findings = parsed.context.errors.getErrors().map(e => ({ ...at(e), message: e.rawMessage }))
  if (!isAction(file) && parsed.value && findings.length === 0) {
    const template = await convertWorkflowTemplate(parsed.context, parsed.value)
    findings.push(
      ...parsed.context.errors.getErrors().map(e => ({ ...at(e), message: e.rawMessage }))
    )
    if (findings.length === 0) {
      findings.push(
        ...(template.errors ?? []).map(e => ({ line: 1, column: 1, message: e.Message }))
      )
    }
  }
  return findings
}

async function main(): Promise<void> {
  const files =
    process.argv.length > 2 ? process.argv.slice(2).map(f => path.resolve(f)) : defaultFiles()
  let count = 0
  for (const file of files) {
    for (const f of await check(file)) {
      count++
      console.log(`${path.relative(ROOT, file)}:${f.line}:${f.column}: ${f.message}`)
    }
  }
  if (count > 0) {
    console.log(`workflow-parser: ${count} error(s) in ${files.length} file(s)`)
    process.exit(1)
  }
  console.log(`workflow-parser: ${files.length} file(s), no errors`)
}

await main()
