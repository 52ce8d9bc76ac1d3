// The local CLI: same engine as the action, a checklist on the terminal, exit 0/1/2.
import path from 'node:path'
import { parseArgs } from 'node:util'
import { loadConfig } from './config/load.js'
import { isConfigError } from './config/errors.js'
import { OPTIONS } from './config/options.js'
import { scan } from './engine.js'
import { failsRun } from './gates.js'
import { renderChecklist, checkLine } from './reports/checklist.js'
import { writeReports } from './reports/write.js'
import { VERSION } from './version.js'

const USAGE = `usage: pymaint [PATH] [--checks a,b] [--out DIR] [--config FILE] [--fail-on failing|warning|never]
               [--python PYTHON] [--install-tools missing|always|never] [--quiet] [--version]
  Every [tool.pymaint] setting can also be given as --<name> VALUE (see README).`

export interface CliIO {
  out: (s: string) => void
  err: (s: string) => void
  cwd: string
}

const defaultIO: CliIO = {
  out: s => process.stdout.write(s),
  err: s => process.stderr.write(s),
  cwd: process.cwd()
}

export async function main(argv: string[], io: CliIO = defaultIO): Promise<number> {
  const flagOptions: Record<string, { type: 'string' | 'boolean' }> = {
    config: { type: 'string' },
    help: { type: 'boolean' },
    version: { type: 'boolean' },
    quiet: { type: 'boolean' }
  }
  for (const o of OPTIONS) if (o.from.cli) flagOptions[o.name] = { type: 'string' }
  let parsed: ReturnType<typeof parseArgs>
  // `--coverage-threshold -5` is a value, not a flag: join it so validation can name the problem.
  const args: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    const name = a.startsWith('--') ? a.slice(2) : ''
    const next = argv[i + 1]
    if (flagOptions[name]?.type === 'string' && next !== undefined && /^-\d/.test(next)) {
      args.push(`${a}=${next}`)
      i++
    } else args.push(a)
  }
  try {
    parsed = parseArgs({ args, options: flagOptions, allowPositionals: true, strict: true })
  } catch (e) {
    io.err(`pymaint: error: ${(e as Error).message.split('\n')[0]} (see pymaint --help)\n`)
    return 2
  }
  const v = parsed.values as Record<string, string | boolean | undefined>
  if (v.help) {
    io.out(USAGE + '\n')
    return 0
  }
  if (v.version) {
    io.out(`pymaint ${VERSION}\n`)
    return 0
  }
  if (parsed.positionals.length > 1) {
    io.err(`pymaint: error: PATH: give one project directory, got ${parsed.positionals.length}\n`)
    return 2
  }
  const explicit: Record<string, string> = {}
  for (const o of OPTIONS)
    if (o.from.cli && typeof v[o.name] === 'string') explicit[o.name] = v[o.name] as string
  let config
  try {
    config = loadConfig({
      explicit,
      source: 'flag',
      workspace: io.cwd,
      project: parsed.positionals[0] ?? '.',
      configFile: typeof v.config === 'string' ? v.config : undefined,
      defaultOutDir: path.resolve(io.cwd, 'pymaint-reports')
    })
  } catch (e) {
    if (isConfigError(e)) {
      io.err(`pymaint: error: ${e.message}\n`)
      return 2
    }
    throw e
  }
  // Progress lines only on a terminal: in logs the checklist below says the same once.
  const quiet = v.quiet === true || !process.stderr.isTTY
  const report = await scan(config, {
    onCheckDone: r => (quiet ? undefined : io.err(`  ${checkLine(r)}\n`))
  })
  const written = await writeReports(report, config)
  io.out(renderChecklist(report))
  const rel = path.relative(io.cwd, written.dir)
  io.out(`Reports: ${rel.startsWith('..') || path.isAbsolute(rel) ? written.dir : rel || '.'}\n`)
  return failsRun(report.status, config.failOn) ? 1 : 0
}
