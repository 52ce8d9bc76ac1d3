// Benchmark: pymaint (ruff, ruff-format, mypy, pytest concurrently) against the same four tools
// with the same flags run one after another, on a >= 100k-line Python tree; cold tool caches.
// Prints the measured numbers; asserts nothing. Run: npm run build && node bench/engine.mjs
import { spawn } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const build = path.join(repo, 'build')
if (!existsSync(path.join(build, 'engine.js'))) {
  console.error('build/ is missing: run `npm run build` first')
  process.exit(2)
}
const { scan } = await import(path.join(build, 'engine.js'))
const { loadConfig } = await import(path.join(build, 'config', 'load.js'))

const PY = process.env.BENCH_PYTHON ?? 'python3'
// Typed, pure-Python packages that import each other (flask -> werkzeug, jinja2, click, ...), so
// mypy checks a connected program; all installed alongside the tools on this machine.
const PACKAGES = (
  process.env.BENCH_PACKAGES ??
  '_pytest,werkzeug,coverage,jinja2,click,urllib3,packaging,flask,requests,pluggy,itsdangerous,charset_normalizer'
).split(',')
const MIN_LINES = 100_000

function exec(cmd, args, opts = {}) {
  return new Promise(resolve => {
    const t0 = process.hrtime.bigint()
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], ...opts })
    let out = ''
    let err = ''
    child.stdout.on('data', d => (out += d))
    child.stderr.on('data', d => (err += d))
    child.on('close', code =>
      resolve({ code, out, err, seconds: Number(process.hrtime.bigint() - t0) / 1e9 })
    )
  })
}

async function sitePackages() {
  const r = await exec(PY, ['-c', 'import sysconfig; print(sysconfig.get_paths()["purelib"])'])
  return r.out.trim()
}

function countLines(dir) {
  let n = 0
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) n += countLines(p)
    else if (e.name.endsWith('.py')) n += readFileSync(p, 'utf8').split('\n').length - 1
  }
  return n
}

function copyClean(src, dest) {
  cpSync(src, dest, {
    recursive: true,
    filter: s => !/(__pycache__|\.so$|\.pyc$)/.test(path.basename(s))
  })
}

async function buildTree() {
  const root = mkdtempSync(path.join(os.tmpdir(), 'pymaint-bench-'))
  const sp = await sitePackages()
  mkdirSync(path.join(root, 'src'))
  for (const p of PACKAGES) {
    const from = path.join(sp, p)
    if (existsSync(from) && statSync(from).isDirectory()) copyClean(from, path.join(root, 'src', p))
  }
  const sample = path.join(repo, 'examples', 'sample-project')
  copyClean(path.join(sample, 'src', 'samplepkg'), path.join(root, 'src', 'samplepkg'))
  copyClean(path.join(sample, 'tests'), path.join(root, 'tests'))
  writeFileSync(
    path.join(root, 'pyproject.toml'),
    readFileSync(path.join(sample, 'pyproject.toml'))
  )
  return root
}

function config(root, checks) {
  return loadConfig({
    explicit: { checks, python: PY, 'install-tools': 'never' },
    source: 'flag',
    workspace: root,
    project: '.',
    defaultOutDir: path.join(os.tmpdir(), 'pymaint-bench-out')
  })
}

/** The same commands pymaint runs (see src/checks/*.ts), in a fresh scratch dir. */
async function sequential(root, python) {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'pymaint-bench-seq-'))
  const env = {
    ...process.env,
    PYTHONDONTWRITEBYTECODE: '1',
    NO_COLOR: '1',
    COVERAGE_FILE: path.join(tmp, '.coverage')
  }
  const steps = [
    [
      'ruff check',
      'ruff',
      [
        'check',
        '--output-format',
        'json',
        '--no-cache',
        '--no-fix',
        '--force-exclude',
        'src',
        'tests'
      ]
    ],
    [
      'ruff format',
      'ruff',
      [
        'format',
        '--check',
        '--no-cache',
        '--force-exclude',
        '--output-format',
        'json',
        'src',
        'tests'
      ]
    ],
    [
      'mypy',
      'mypy',
      [
        '-O',
        'json',
        '--cache-dir',
        path.join(tmp, 'mypy'),
        '--python-executable',
        python,
        '--strict',
        'src'
      ]
    ],
    [
      'pytest',
      python,
      [
        '-m',
        'pytest',
        '-p',
        'no:cacheprovider',
        '-o',
        'junit_family=xunit1',
        `--junitxml=${tmp}/junit.xml`,
        '--cov=src',
        `--cov-report=json:${tmp}/cov.json`,
        '--cov-report=',
        '--cov-fail-under=0',
        '--color=no'
      ]
    ]
  ]
  const times = {}
  const t0 = process.hrtime.bigint()
  for (const [name, cmd, args] of steps) {
    const r = await exec(cmd, args, { cwd: root, env })
    times[name] = r.seconds
    if (![0, 1].includes(r.code))
      console.log(`  (${name} exited ${r.code}: ${(r.err || r.out).split('\n')[0]})`)
  }
  const wall = Number(process.hrtime.bigint() - t0) / 1e9
  rmSync(tmp, { recursive: true, force: true })
  return { wall, times }
}

async function timedScan(cfg) {
  process.env.PYMAINT_TOOLS_DIR = mkdtempSync(path.join(os.tmpdir(), 'pymaint-bench-tools-'))
  const t0 = process.hrtime.bigint()
  const report = await scan(cfg)
  const wall = Number(process.hrtime.bigint() - t0) / 1e9
  rmSync(process.env.PYMAINT_TOOLS_DIR, { recursive: true, force: true })
  return { wall, report }
}

const f = n => n.toFixed(2)
const root = await buildTree()
const lines = countLines(root)
console.log(
  `tree: ${root} (${lines} lines of Python, ${PACKAGES.length} packages + sample project)`
)
if (lines < MIN_LINES) console.log(`  warning: fewer than ${MIN_LINES} lines`)
console.log(`cores: ${os.availableParallelism()}`)

// Read every file once so neither side pays for a cold OS page cache.
await exec('ruff', ['check', '--no-cache', '--select', 'E999', '--exit-zero', 'src', 'tests'], {
  cwd: root
})

const cfg = config(root, 'ruff,ruff-format,mypy,pytest')
const { ToolResolver } = await import(path.join(build, 'tools', 'resolve.js'))
const python = await new ToolResolver(cfg).projectPython()
const seq = await sequential(root, python)
const pm = await timedScan(cfg)
const longest = Math.max(...Object.values(seq.times))

// Fixed overhead: pymaint running only ruff on a project where it finds nothing.
const empty = mkdtempSync(path.join(os.tmpdir(), 'pymaint-bench-empty-'))
writeFileSync(path.join(empty, 'ok.py'), 'X = 1\n')
const bare = await exec(
  'ruff',
  ['check', '--output-format', 'json', '--no-cache', '--no-fix', '.'],
  { cwd: empty }
)
const over = await timedScan(config(empty, 'ruff'))

console.log(
  '\nsequential script (s):',
  Object.entries(seq.times)
    .map(([k, v]) => `${k} ${f(v)}`)
    .join(', '),
  `| total ${f(seq.wall)}`
)
console.log(
  'pymaint per check (s):',
  pm.report.checks
    .map(c => `${c.id} ${f(c.durationMs / 1000)} [${c.status}, ${c.findings.length} findings]`)
    .join(', ')
)
console.log(`pymaint wall: ${f(pm.wall)} s`)
console.log(`pymaint wall / sequential wall: ${f(pm.wall / seq.wall)}`)
console.log(
  `pymaint wall / longest single tool wall (${Object.entries(seq.times).find(([, v]) => v === longest)[0]}): ${f(pm.wall / longest)}`
)
console.log(
  `pymaint fixed overhead (ruff only, nothing found): ${f(over.wall)} s total, ${f(over.wall - bare.seconds)} s over bare ruff (${f(bare.seconds)} s)`
)
rmSync(root, { recursive: true, force: true })
rmSync(empty, { recursive: true, force: true })
