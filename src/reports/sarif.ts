// SARIF 2.1.0, one file and one run per check, shaped for GitHub code scanning: full rule
// metadata, repo-relative URIs, clamped regions, line-hash fingerprints and GitHub's size limits.
import { gzipSync } from 'node:zlib'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type * as Sarif from 'sarif'
import type { Config } from '../config/types.js'
import type { CheckResult, Finding, RuleMeta } from '../findings/model.js'
import type { SourceLines } from './sources.js'
import { noSources } from './sources.js'

export const MAX_RESULTS = 25_000
export const MAX_GZIP_BYTES = 10 * 1024 * 1024
export const PYMAINT_URI = 'https://github.com/pymaint/pymaint'
export const SECURITY_CHECKS = new Set(['bandit', 'pip-audit', 'safety'])
const SEVERITY_SCORE = { high: 8.0, medium: 5.5, low: 3.0 } as const
const TOOL_URIS: Record<string, string> = {
  ruff: 'https://docs.astral.sh/ruff/',
  mypy: 'https://mypy.readthedocs.io/',
  bandit: 'https://bandit.readthedocs.io/',
  'pip-audit': 'https://github.com/pypa/pip-audit',
  safety: 'https://github.com/pyupio/safety',
  pytest: 'https://docs.pytest.org/'
}
/** Where a finding without a file (a vulnerable package) is shown: the first that exists. */
const MANIFESTS = ['requirements.txt', 'pyproject.toml', 'setup.cfg', 'setup.py', 'Pipfile']

export interface SarifOptions {
  /** The project directory relative to the repository root (POSIX, '' at the root). */
  prefix: string
  /** Absolute repository root, for originalUriBaseIds. */
  srcRoot: string
  /** Project-relative file that holds dependency findings, or null. */
  manifest: string | null
  sources: SourceLines
  pymaintVersion: string
  maxResults?: number
  maxGzipBytes?: number
}

export interface SarifRun {
  log: Sarif.Log
  text: string
  kept: number
  omitted: number
  /** false for checks whose run must not replace existing alerts (the tool did not run). */
  uploadable: boolean
}

export function isHttpUri(u: string | undefined): u is string {
  return !!u && /^https?:\/\/[^\s]+$/i.test(u)
}

/** Larger = more severe: level first, then the security score, then tool severity. */
export function severityRank(f: Finding, rules?: Record<string, RuleMeta>): number {
  const level = { error: 3, warning: 2, note: 1 }[f.level] ?? 0
  const score = rules?.[f.ruleId]?.securitySeverity ?? 0
  const sev = f.severity ? { high: 3, medium: 2, low: 1 }[f.severity] : 0
  return level * 1000 + Math.round(score * 10) * 4 + sev
}

export function sortBySeverity(findings: Finding[], rules?: Record<string, RuleMeta>): Finding[] {
  const ranks = new Map<Finding, number>()
  for (const f of findings) ranks.set(f, severityRank(f, rules))
  return [...findings].sort((a, b) => ranks.get(b)! - ranks.get(a)!)
}

function encodeUri(p: string): string {
  return /^[\w./-]*$/.test(p) ? p : p.split('/').map(encodeURIComponent).join('/')
}

/** Code-point column (1-based) to a UTF-16 column, clamped to the line. */
function utf16Column(line: string, cp: number): number {
  let units = 0
  // Walk cp - 1 code points; a surrogate pair is one code point and two units.
  for (let i = 1; i < cp && units < line.length; i++) {
    const c = line.charCodeAt(units)
    units += c >= 0xd800 && c <= 0xdbff && units + 1 < line.length ? 2 : 1
  }
  return units + 1
}

function region(f: Finding, lines: string[] | null): Sarif.Region {
  if (!lines) {
    const r: Sarif.Region = { startLine: Math.max(1, f.line) }
    if (f.line > 0 && f.column > 0) r.startColumn = f.column
    if (f.line > 0 && f.endLine && f.endLine >= f.line) {
      r.endLine = f.endLine
      if (f.endColumn && f.endColumn > 0 && (f.endLine > f.line || f.endColumn >= f.column))
        r.endColumn = f.endColumn
    }
    return r
  }
  const last = Math.max(1, lines.length)
  const startLine = Math.min(Math.max(1, f.line), last)
  const r: Sarif.Region = { startLine }
  if (f.line < 1 || f.column < 1) return r
  r.startColumn = utf16Column(lines[startLine - 1] ?? '', f.column)
  if (f.endLine && f.endLine >= f.line) {
    const endLine = Math.min(f.endLine, last)
    if (endLine > startLine || f.endLine === f.line) {
      r.endLine = endLine
      if (f.endColumn && f.endColumn > 0) {
        const endColumn = utf16Column(lines[endLine - 1] ?? '', f.endColumn)
        if (endLine > startLine || endColumn >= r.startColumn) r.endColumn = endColumn
      }
    }
  }
  return r
}

function ruleDescriptor(
  id: string,
  meta: RuleMeta | undefined,
  check: CheckResult,
  sample: Finding
): Sarif.ReportingDescriptor {
  const short = meta?.shortDescription || meta?.name || sample.message || id
  const full = meta?.fullDescription || short
  const helpUri = [meta?.helpUri, sample.helpUri].find(isHttpUri)
  const helpText = meta?.help || (helpUri ? `${full}\n\nSee ${helpUri}` : full)
  const help = { text: helpText, markdown: helpUri ? `${helpText}\n\n[Documentation](${helpUri})` : helpText }
  const d: Sarif.ReportingDescriptor = {
    id,
    shortDescription: { text: oneLine(short) },
    fullDescription: { text: full },
    help
  }
  if (meta?.name && meta.name !== id) d.name = meta.name
  if (helpUri) d.helpUri = helpUri
  const tags = [...(meta?.tags ?? [])]
  const props: Record<string, unknown> = {}
  if (SECURITY_CHECKS.has(check.id)) {
    if (!tags.includes('security')) tags.push('security')
    const score =
      meta?.securitySeverity ??
      (sample.severity ? SEVERITY_SCORE[sample.severity] : sample.level === 'error' ? 7.0 : 4.0)
    props['security-severity'] = score.toFixed(1)
  }
  if (tags.length) props.tags = tags.slice(0, 20)
  if (Object.keys(props).length) d.properties = props
  return d
}

function oneLine(s: string): string {
  const l = s.split('\n')[0]!.trim()
  return l.length > 1000 ? `${l.slice(0, 997)}...` : l || 'rule'
}

export function defaultManifest(config: Config, sources: SourceLines): string | null {
  for (const m of [...config.requirements, ...MANIFESTS]) if (sources.lines(m)) return m
  return null
}

export function sarifOptions(config: Config, sources: SourceLines, version: string): SarifOptions {
  const rel = path.relative(config.workspace, config.root).split(path.sep).join('/')
  return {
    prefix: rel && !rel.startsWith('..') ? `${rel}/` : '',
    srcRoot: rel.startsWith('..') ? config.root : config.workspace,
    manifest: defaultManifest(config, sources),
    sources,
    pymaintVersion: version
  }
}

/** The SARIF log of one check. */
export function renderSarif(check: CheckResult, o: SarifOptions): SarifRun {
  const sources = o.sources ?? noSources
  const notifications: Sarif.Notification[] = []
  const ordered = sortBySeverity(check.findings, check.rules)
  const placeable: Finding[] = []
  let unplaceable = 0
  for (const f of ordered) {
    if (f.path || o.manifest) placeable.push(f)
    else unplaceable++
  }
  if (unplaceable)
    notifications.push({
      level: 'warning',
      descriptor: { id: 'pymaint/no-location' },
      message: {
        text: `${unplaceable} finding${unplaceable === 1 ? '' : 's'} without a file were left out: no requirements file or pyproject.toml to attach them to.`
      }
    })
  let limit = Math.min(placeable.length, o.maxResults ?? MAX_RESULTS)
  const maxGzip = o.maxGzipBytes ?? MAX_GZIP_BYTES
  const success = check.status === 'passed' || check.status === 'failed'
  if (!success)
    notifications.push({
      level: 'error',
      descriptor: { id: 'pymaint/check-error' },
      message: { text: `${check.title}: ${check.status}: ${check.reason ?? 'no reason given'}` }
    })
  const results: Sarif.Result[] = []
  const rules: Sarif.ReportingDescriptor[] = []
  const ruleIndex = new Map<string, number>()
  // Results beyond the limit are never built: the most severe come first.
  for (const f of placeable.slice(0, limit)) {
    let idx = ruleIndex.get(f.ruleId)
    if (idx === undefined) {
      idx = rules.length
      ruleIndex.set(f.ruleId, idx)
      rules.push(ruleDescriptor(f.ruleId, check.rules?.[f.ruleId], check, f))
    }
    const file = f.path || o.manifest!
    const loc: Sarif.Location = {
      physicalLocation: {
        artifactLocation: { uri: encodeUri(o.prefix + file), uriBaseId: '%SRCROOT%' },
        region: f.path ? region(f, sources.lines(f.path)) : { startLine: 1 }
      }
    }
    const r: Sarif.Result = {
      ruleId: f.ruleId,
      ruleIndex: idx,
      level: f.level,
      message: { text: f.message || f.ruleId },
      locations: [loc]
    }
    if (f.fingerprint) r.partialFingerprints = { primaryLocationLineHash: f.fingerprint }
    results.push(r)
  }
  const build = (n: number): { log: Sarif.Log; text: string } => {
    const kept = results.slice(0, n)
    const used = new Set(kept.map(r => r.ruleId))
    // Keep rule indexes valid when truncation drops rules.
    const keptRules = rules.filter(r => used.has(r.id))
    const reindex = new Map(keptRules.map((r, i) => [r.id, i]))
    const notes = [...notifications]
    const omitted = placeable.length - n
    if (omitted > 0)
      notes.push({
        level: 'warning',
        descriptor: { id: 'pymaint/truncated' },
        message: {
          text: `${omitted} of ${placeable.length} results were left out to stay within GitHub's limits (${o.maxResults ?? MAX_RESULTS} results, ${Math.round(maxGzip / 1048576)} MB gzipped per upload); the ${n} most severe are kept. report.json has them all.`
        }
      })
    const tool = check.tool
    const driver: Sarif.ToolComponent = {
      name: tool.name || check.id,
      informationUri: [tool.informationUri, TOOL_URIS[tool.name], PYMAINT_URI].find(isHttpUri),
      rules: keptRules
    }
    if (tool.version) driver.version = tool.version
    const run: Sarif.Run = {
      tool: { driver },
      automationDetails: { id: `pymaint/${check.id}/` },
      originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(o.srcRoot).href.replace(/\/?$/, '/') } },
      invocations: [
        { executionSuccessful: success, ...(notes.length ? { toolExecutionNotifications: notes } : {}) }
      ],
      results:
        keptRules.length === rules.length
          ? kept
          : kept.map(r => ({ ...r, ruleIndex: reindex.get(r.ruleId!) })),
      columnKind: 'utf16CodeUnits',
      properties: { pymaintVersion: o.pymaintVersion, checkStatus: check.status, omittedResults: omitted }
    }
    const log: Sarif.Log = {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [run]
    }
    return { log, text: JSON.stringify(log) + '\n' }
  }
  let out = build(limit)
  // Shrink in proportion to the excess until the gzipped upload fits (gzip never grows
  // text by more than a few bytes, so text under the limit needs no compression to know).
  const gzSize = (t: string): number =>
    Buffer.byteLength(t) < maxGzip - 1024 ? 0 : gzipSync(t).length
  for (let size = gzSize(out.text); size > maxGzip && limit > 0; ) {
    limit = Math.max(0, Math.floor(limit * (maxGzip / size) * 0.95))
    out = build(limit)
    size = gzSize(out.text)
  }
  return {
    ...out,
    kept: limit,
    omitted: placeable.length - limit + unplaceable,
    uploadable: success
  }
}
