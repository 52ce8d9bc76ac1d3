// Shared by pip-audit and safety: one finding per vulnerability per package, placed on the
// requirements/pyproject line that declares the package, the ignore list, and the gate.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { Finding, GateResult, RuleMeta } from '../findings/model.js'
import type { Config } from '../config/types.js'
import { maxGate } from '../gates.js'

export interface Vuln {
  package: string
  version: string
  id: string
  aliases: string[]
  fixVersions: string[]
  description: string
  /** Affected range as the tool states it (safety). */
  spec?: string
  moreInfo?: string
}

/** PEP 503 name normalisation: `Foo_Bar.baz` and `foo-bar-baz` are one package. */
export function normName(n: string): string {
  return n.toLowerCase().replace(/[-_.]+/g, '-')
}

export interface Declaration {
  path: string
  line: number
}

/** Where each package is declared: requirement lines and pyproject's dependency strings. */
export function declarations(root: string, files: string[]): Map<string, Declaration> {
  const out = new Map<string, Declaration>()
  const add = (name: string, p: string, line: number): void => {
    const k = normName(name)
    if (!out.has(k)) out.set(k, { path: p, line })
  }
  const reqFiles = files.filter(f => !f.endsWith('pyproject.toml'))
  for (const f of reqFiles) {
    const abs = path.join(root, f)
    if (!existsSync(abs)) continue
    readFileSync(abs, 'utf8')
      .split(/\r?\n/)
      .forEach((l, i) => {
        const m = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:[[<>=!~;@ ]|$)/.exec(l)
        if (m && !l.trim().startsWith('-')) add(m[1]!, f, i + 1)
      })
  }
  const pp = 'pyproject.toml'
  if (existsSync(path.join(root, pp))) {
    readFileSync(path.join(root, pp), 'utf8')
      .split(/\r?\n/)
      .forEach((l, i) => {
        for (const m of l.matchAll(/["']([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:[[<>=!~;@ ]|["'])/g))
          add(m[1]!, pp, i + 1)
      })
  }
  return out
}

export function isIgnored(v: Vuln, ignore: string[]): boolean {
  const ids = new Set(ignore.map(s => s.toUpperCase()))
  return ids.has(v.id.toUpperCase()) || v.aliases.some(a => ids.has(a.toUpperCase()))
}

function advisoryUri(v: Vuln): string | undefined {
  if (v.moreInfo) return v.moreInfo
  if (/^(PYSEC|GHSA|CVE|OSV|PYUP)-/i.test(v.id)) return `https://osv.dev/vulnerability/${v.id}`
  return undefined
}

export function vulnFindings(vulns: Vuln[], decl: Map<string, Declaration>): Finding[] {
  return vulns.map(v => {
    const d = decl.get(normName(v.package))
    const aka = v.aliases.length ? ` (${v.aliases.join(', ')})` : ''
    const desc = v.description.split('\n')[0]!.trim().slice(0, 300)
    const f: Finding = {
      ruleId: v.id,
      level: 'error',
      message: `${v.package} ${v.version} has known vulnerability ${v.id}${aka}${desc ? `: ${desc}` : ''}`,
      path: d?.path ?? '',
      line: d?.line ?? 0,
      column: 0,
      fingerprint: '',
      hint: v.fixVersions.length
        ? `Upgrade ${v.package} to ${v.fixVersions.join(' or ')}`
        : `No fixed version of ${v.package} is published yet`,
      properties: {
        package: v.package,
        version: v.version,
        aliases: v.aliases,
        fixVersions: v.fixVersions,
        ...(v.spec ? { affected: v.spec } : {})
      }
    }
    const uri = advisoryUri(v)
    if (uri) f.helpUri = uri
    return f
  })
}

export function vulnRules(vulns: Vuln[]): Record<string, RuleMeta> {
  const rules: Record<string, RuleMeta> = {}
  for (const v of vulns) {
    rules[v.id] ??= {
      id: v.id,
      name: v.id,
      shortDescription: `Known vulnerability ${v.id} in ${v.package}`,
      fullDescription: v.description || `${v.id} affects ${v.package} ${v.version}`,
      help: v.fixVersions.length
        ? `Upgrade ${v.package} to ${v.fixVersions.join(' or ')}.`
        : `No fix is published; consider replacing ${v.package} or ignoring ${v.id} with a reason.`,
      helpUri: advisoryUri(v),
      tags: ['security', 'dependency', ...v.aliases]
    }
  }
  return rules
}

export function vulnGate(
  check: string,
  result: { findings: Finding[] },
  config: Config
): GateResult {
  return maxGate(
    check,
    check,
    result.findings.length,
    config.thresholds.vulnerabilities,
    'known vulnerabilities'
  )
}

/** The first JSON object in text that may carry a banner or log lines around it. */
export function extractJsonObject(text: string): unknown {
  const trimmed = text.trim()
  try {
    return JSON.parse(trimmed)
  } catch {
    /* a banner around it: scan for a balanced object below */
  }
  for (let start = text.indexOf('{'); start >= 0; start = text.indexOf('{', start + 1)) {
    let depth = 0
    let inStr = false
    for (let i = start; i < text.length; i++) {
      const c = text[i]
      if (inStr) {
        if (c === '\\') i++
        else if (c === '"') inStr = false
      } else if (c === '"') inStr = true
      else if (c === '{') depth++
      else if (c === '}' && --depth === 0) {
        try {
          return JSON.parse(text.slice(start, i + 1))
        } catch {
          break
        }
      }
    }
  }
  throw new Error('no JSON object in the output')
}
