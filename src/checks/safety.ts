// safety: `safety scan` when SAFETY_API_KEY is set, else the legacy `safety check` writing a
// clean JSON file (its stdout wraps the JSON in a banner). Exit 64 = vulnerabilities found.
// Without a key and without a working legacy command the check is skipped, with the reason.
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Check, CheckContext, CheckOutcome } from './check.js'
import { errorOutcome } from './check.js'
import type { CheckResult, ToolInfo } from '../findings/model.js'
import type { Config } from '../config/types.js'
import { run, toolEnv } from '../tools/exec.js'
import { lastLine } from '../tools/resolve.js'
import {
  declarations,
  extractJsonObject,
  isIgnored,
  normName,
  vulnFindings,
  vulnGate,
  vulnRules,
  type Vuln
} from './deps.js'

export const SAFETY = { name: 'safety', executable: 'safety', module: 'safety', pip: ['safety'] }
const INFO_URI = 'https://docs.safetycli.com/'
/** safety's exit code when it found vulnerabilities (both `check` and `scan`). */
export const SAFETY_VULNS_EXIT = 64

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const strs = (v: unknown): string[] =>
  Array.isArray(v) ? v.map(String) : typeof v === 'string' && v ? [v] : []

export interface SafetyParsed {
  vulns: Vuln[]
  /** Vulnerabilities safety itself was told to ignore (policy file). */
  ignoredByPolicy: number
  packages: number | null
  /** Where `scan` says each package was declared (project-relative). */
  locations: Map<string, string>
}

/** `safety check --save-json` (2.x/3.x: report_meta + vulnerabilities[]) or 1.x's list of lists. */
function parseCheck(doc: unknown): SafetyParsed {
  const vulns: Vuln[] = []
  if (Array.isArray(doc)) {
    for (const row of doc) {
      if (!Array.isArray(row) || row.length < 5) continue
      vulns.push({
        package: String(row[0]),
        spec: String(row[1]),
        version: String(row[2]),
        description: String(row[3]),
        id: String(row[4]),
        aliases: [],
        fixVersions: []
      })
    }
    return { vulns, ignoredByPolicy: 0, packages: null, locations: new Map() }
  }
  const d = doc as Obj
  for (const v of Array.isArray(d.vulnerabilities) ? d.vulnerabilities : []) {
    if (!isObj(v)) continue
    const cve = typeof v.CVE === 'string' ? v.CVE : typeof v.cve === 'string' ? v.cve : ''
    vulns.push({
      package: String(v.package_name ?? v.name ?? ''),
      version: String(v.analyzed_version ?? v.installed_version ?? ''),
      id: String(v.vulnerability_id ?? v.id ?? ''),
      aliases: cve ? [cve] : [],
      fixVersions: strs(v.fixed_versions),
      description: String(v.advisory ?? ''),
      spec: strs(v.vulnerable_spec).join(', ') || undefined,
      moreInfo: typeof v.more_info_url === 'string' ? v.more_info_url : undefined
    })
  }
  const meta = isObj(d.report_meta) ? d.report_meta : {}
  return {
    vulns,
    ignoredByPolicy: Array.isArray(d.ignored_vulnerabilities)
      ? d.ignored_vulnerabilities.length
      : 0,
    packages: typeof meta.packages_found === 'number' ? meta.packages_found : null,
    locations: new Map()
  }
}

/** `safety scan --output json`: scan_results.projects[].files[].results.dependencies[]. */
function parseScan(d: Obj): SafetyParsed {
  const vulns: Vuln[] = []
  const locations = new Map<string, string>()
  let ignored = 0
  let packages = 0
  const sr = isObj(d.scan_results) ? d.scan_results : {}
  for (const p of Array.isArray(sr.projects) ? sr.projects.filter(isObj) : []) {
    for (const f of Array.isArray(p.files) ? p.files.filter(isObj) : []) {
      const loc = typeof f.location === 'string' ? f.location : ''
      const res = isObj(f.results) ? f.results : {}
      for (const dep of Array.isArray(res.dependencies) ? res.dependencies.filter(isObj) : []) {
        packages++
        const name = String(dep.name ?? '')
        if (loc) locations.set(name, loc)
        for (const spec of Array.isArray(dep.specifications)
          ? dep.specifications.filter(isObj)
          : []) {
          const raw = String(spec.raw ?? '')
          const version = /==\s*([^\s;,]+)/.exec(raw)?.[1] ?? raw
          const vs = isObj(spec.vulnerabilities) ? spec.vulnerabilities : {}
          const rem = isObj(vs.remediation) ? vs.remediation : {}
          const fix = strs(rem.recommended ?? rem.recommended_version)
          for (const k of Array.isArray(vs.known_vulnerabilities)
            ? vs.known_vulnerabilities.filter(isObj)
            : []) {
            if (k.ignored) {
              ignored++
              continue
            }
            vulns.push({
              package: name,
              version,
              id: String(k.id ?? ''),
              aliases: [],
              fixVersions: fix,
              description: '',
              spec: strs(k.vulnerable_spec).join(', ') || undefined
            })
          }
        }
      }
    }
  }
  return { vulns, ignoredByPolicy: ignored, packages, locations }
}

/** Either format; `text` may be stdout with the banner around the JSON. */
export function parseSafetyJson(text: string): SafetyParsed {
  let doc: unknown
  try {
    doc = JSON.parse(text.trim())
  } catch {
    doc = extractJsonObject(text)
  }
  if (isObj(doc) && isObj(doc.scan_results)) return parseScan(doc)
  if (Array.isArray(doc) || (isObj(doc) && Array.isArray(doc.vulnerabilities)))
    return parseCheck(doc)
  throw new Error('not a safety JSON report (no vulnerabilities or scan_results)')
}

export interface SafetyRun {
  exitCode: number
  /** The clean JSON file's text, or stdout when no file was written. */
  text: string
  stderr: string
  mode: 'scan' | 'check'
}

export function safetyOutcome(
  r: SafetyRun,
  config: Config,
  tool: ToolInfo,
  command: string[]
): CheckOutcome {
  const bad = (why: string): CheckOutcome =>
    // A key holder expects safety to work: its failure is an error. Without a key the legacy
    // command is best effort (deprecated, may be gone): not working means skipped.
    r.mode === 'scan'
      ? errorOutcome(tool, why, command)
      : { status: 'skipped', reason: why, tool, findings: [], command }
  if (r.exitCode !== 0 && r.exitCode !== SAFETY_VULNS_EXIT)
    return bad(
      `safety ${r.mode} exited ${r.exitCode}: ${lastLine(r.stderr || r.text) || 'no output'}`
    )
  let parsed: SafetyParsed
  try {
    parsed = parseSafetyJson(r.text)
  } catch (e) {
    return bad(`safety ${r.mode} printed no readable JSON report (${(e as Error).message})`)
  }
  if (r.exitCode === SAFETY_VULNS_EXIT && parsed.vulns.length === 0)
    return bad(
      `safety ${r.mode} exited ${SAFETY_VULNS_EXIT} (vulnerabilities) but its report lists none`
    )
  const kept = parsed.vulns.filter(v => !isIgnored(v, config.ignoreVulnerabilities))
  const decl = declarations(config.root, config.requirements)
  for (const [name, loc] of parsed.locations) {
    const rel = path.isAbsolute(loc) ? path.relative(config.root, loc) : loc
    if (!decl.has(normName(name)) && !rel.startsWith('..'))
      decl.set(normName(name), { path: rel.split(path.sep).join('/'), line: 0 })
  }
  const findings = vulnFindings(kept, decl)
  return {
    status: findings.length ? 'failed' : 'passed',
    tool,
    findings,
    rules: vulnRules(kept),
    command,
    metrics: {
      mode: r.mode,
      packages: parsed.packages,
      vulnerabilities: findings.length,
      ignored: parsed.vulns.length - kept.length,
      ignoredByPolicy: parsed.ignoredByPolicy
    }
  }
}

export const safetyCheck: Check = {
  id: 'safety',
  title: 'Dependency vulnerabilities (safety)',
  weight: 3,
  async run(ctx: CheckContext): Promise<CheckOutcome> {
    const info: ToolInfo = { name: 'safety', version: null, informationUri: INFO_URI }
    const keyed = !!process.env.SAFETY_API_KEY
    const res = await ctx.tools.resolve(SAFETY)
    if (!res.ok) {
      if (keyed) return errorOutcome(info, res.reason)
      return {
        status: 'skipped',
        reason: `no SAFETY_API_KEY and the legacy safety check is unavailable: ${res.reason}`,
        tool: info,
        findings: []
      }
    }
    const t = res.tool
    const tool = { ...info, version: t.version }
    const root = ctx.config.root
    let args: string[]
    const out = path.join(ctx.tmpDir, 'safety.json')
    if (keyed) {
      // The key reaches safety through its environment only, never the argv (which is logged).
      args = [...t.prefix, 'scan', '--output', 'json']
    } else {
      const reqs = ctx.config.requirements.filter(r => path.basename(r) !== 'pyproject.toml')
      if (reqs.length === 0) {
        // safety check audits the interpreter it runs in; audit the project's instead.
        const py = await ctx.tools.projectPython()
        const freeze = await run(py, ['-m', 'pip', 'freeze', '--all'], {
          cwd: root,
          timeoutMs: 120_000
        })
        if (freeze.exitCode !== 0)
          return {
            status: 'skipped',
            reason: `cannot list the project's packages (${py} -m pip freeze): ${lastLine(freeze.stderr)}`,
            tool,
            findings: []
          }
        const frozen = path.join(ctx.tmpDir, 'environment.txt')
        await writeFile(frozen, freeze.stdout)
        reqs.push(frozen)
      }
      args = [
        ...t.prefix,
        'check',
        '--full-report',
        '--save-json',
        out,
        ...reqs.flatMap(r => ['-r', r])
      ]
    }
    const command = [t.command, ...args]
    const r = await run(t.command, args, {
      cwd: root,
      env: toolEnv(t.env),
      timeoutMs: ctx.config.timeoutMs
    })
    if (r.timedOut || r.spawnError) {
      const why = `safety ${r.timedOut ? 'timed out' : `could not start: ${r.spawnError}`}`
      return keyed
        ? errorOutcome(tool, why, command)
        : { status: 'skipped', reason: why, tool, findings: [], command }
    }
    const file = keyed ? null : await readFile(out, 'utf8').catch(() => null)
    return safetyOutcome(
      {
        exitCode: r.exitCode,
        text: file ?? r.stdout,
        stderr: r.stderr,
        mode: keyed ? 'scan' : 'check'
      },
      ctx.config,
      tool,
      command
    )
  },
  gates(result: CheckResult, config: Config) {
    return [vulnGate('safety', result, config)]
  }
}
