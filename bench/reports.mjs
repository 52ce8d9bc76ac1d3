// Benchmark: every report (report.json, report.html, summary.md, badges, SARIF per check) for
// 100,000 findings over a real on-disk project. Prints time and peak memory; asserts nothing.
// Usage: npm run build && node bench/reports.mjs [findings]
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const built = path.join(repo, 'build', 'reports', 'write.js')
if (!existsSync(built)) {
  console.error('bench: building with tsc -p tsconfig.build.json …')
  execFileSync(path.join(repo, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.build.json'], {
    cwd: repo,
    stdio: 'inherit'
  })
}
const { writeReports } = await import(pathToFileURL(built).href)

const N = Number(process.argv[2] ?? 100_000)
const FILES = 500
const LINES = 300

// A project on disk, so SARIF regions are clamped against real files as in a real run.
const root = mkdtempSync(path.join(os.tmpdir(), 'pymaint-bench-'))
for (let i = 0; i < FILES; i++) {
  const dir = path.join(root, 'src', `pkg${i % 20}`)
  mkdirSync(dir, { recursive: true })
  const lines = Array.from(
    { length: LINES },
    (_, l) => `def f${l}(x):  # héllo ${'y'.repeat(l % 60)}`
  )
  writeFileSync(path.join(dir, `mod${i}.py`), lines.join('\n') + '\n')
}
writeFileSync(path.join(root, 'requirements.txt'), 'jinja2==2.10\n')

const shares = [
  ['ruff', 'Lint (ruff)', 0.6],
  ['mypy', 'Types (mypy)', 0.2],
  ['bandit', 'Security (bandit)', 0.1],
  ['pytest', 'Tests (pytest)', 0.05],
  ['pip-audit', 'Vulnerable dependencies (pip-audit)', 0.05]
]
const levels = ['error', 'warning', 'note']
let k = 0
const checks = shares.map(([id, title, share]) => {
  const n = Math.round(N * share)
  const findings = []
  for (let i = 0; i < n; i++, k++) {
    const file = `src/pkg${(k % FILES) % 20}/mod${k % FILES}.py`
    const noFile = id === 'pip-audit'
    findings.push({
      ruleId: `${id.slice(0, 2).toUpperCase()}${k % 120}`,
      level: levels[k % 3],
      message: `Finding ${k}: something is wrong with the value of \`x\` in f${k % LINES} <here> & there`,
      path: noFile ? '' : file,
      line: noFile ? 0 : (k % LINES) + 1,
      column: noFile ? 0 : (k % 40) + 1,
      endLine: noFile ? undefined : (k % LINES) + 1,
      endColumn: noFile ? undefined : (k % 40) + 5,
      fingerprint: `${((k * 2654435761) >>> 0).toString(16)}:1`,
      helpUri: `https://example.org/rules/${k % 120}`,
      ...(id === 'bandit'
        ? {
            severity: ['high', 'medium', 'low'][k % 3],
            confidence: 'high',
            snippet: `${k % LINES} x = eval(y)\n`
          }
        : {}),
      ...(noFile ? { properties: { package: `pkg${k % 300}`, version: '1.0' } } : {})
    })
  }
  return {
    id,
    title,
    status: 'failed',
    tool: { name: id, version: '1.0.0' },
    durationMs: 1000,
    findings,
    metrics: {}
  }
})
const report = {
  schemaVersion: 1,
  status: 'failing',
  generatedAt: new Date().toISOString(),
  durationMs: 60_000,
  pymaint: { version: 'bench' },
  project: { name: 'bench', root },
  checks,
  gates: checks.map(c => ({
    id: c.id,
    check: c.id,
    passed: false,
    status: 'failed',
    actual: c.findings.length,
    threshold: 0,
    message: `${c.findings.length} findings`
  }))
}
const out = path.join(root, '..', `${path.basename(root)}-out`)
const config = { workspace: root, root, outDir: out, requirements: [] }

const rssBefore = process.resourceUsage().maxRSS
const cpu0 = process.cpuUsage()
const t0 = process.hrtime.bigint()
const written = await writeReports(report, config)
const ms = Number(process.hrtime.bigint() - t0) / 1e6
const cpu = process.cpuUsage(cpu0)
const peakMb = process.resourceUsage().maxRSS / 1024

const size = p => `${(statSync(p).size / 1048576).toFixed(1)} MB`
console.log(`findings:        ${checks.reduce((n, c) => n + c.findings.length, 0)}`)
console.log(`all reports:     ${(ms / 1000).toFixed(2)} s   (target <= 3 s)`)
console.log(
  `cpu time:        ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s   (wall time suffers on a busy machine: load ${os.loadavg()[0].toFixed(1)} on ${os.availableParallelism()} cores)`
)
console.log(
  `peak RSS:        ${peakMb.toFixed(0)} MB   (target <= 1024 MB; ${(rssBefore / 1024).toFixed(0)} MB before the reports)`
)
console.log(`report.json           ${size(written.json)}`)
console.log(`report.html           ${size(written.html)}`)
console.log(`summary.md            ${size(written.summary)}`)
for (const [id, p] of Object.entries(written.sarif))
  console.log(`sarif/${id}.sarif`.padEnd(22) + size(p))
rmSync(root, { recursive: true, force: true })
rmSync(out, { recursive: true, force: true })
