// Reads findings that other programs wrote: SARIF 2.1 (runs[].results) or pymaint's own findings
// JSON (an array of findings, or {"findings": [...]}). Used by custom checks and structure scripts.
import type { Finding, Level, RuleMeta } from './model.js'
import { relPath } from '../checks/paths.js'

export interface ReadFindings {
  findings: Finding[]
  rules: Record<string, RuleMeta>
  toolName?: string
  toolVersion?: string
}

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined)
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0)

function toLevel(v: unknown, fallback: Level): Level {
  if (v === 'error' || v === 'warning' || v === 'note') return v
  if (v === 'none') return 'note'
  return fallback
}

function uriToPath(uri: string, root: string): string {
  let p = uri
  if (p.startsWith('file://')) p = decodeURIComponent(new URL(p).pathname)
  else p = decodeURIComponent(p)
  return relPath(root, p)
}

export function parseSarif(text: string, root: string): ReadFindings {
  const doc: unknown = JSON.parse(text)
  if (!isObj(doc) || !Array.isArray(doc.runs)) throw new Error('not SARIF: no runs array')
  const findings: Finding[] = []
  const rules: Record<string, RuleMeta> = {}
  let toolName: string | undefined
  let toolVersion: string | undefined
  for (const r of doc.runs) {
    if (!isObj(r)) continue
    const driver = isObj(r.tool) && isObj(r.tool.driver) ? r.tool.driver : {}
    toolName ??= str(driver.name)
    toolVersion ??= str(driver.semanticVersion) ?? str(driver.version)
    const ruleList = Array.isArray(driver.rules) ? driver.rules.filter(isObj) : []
    for (const rule of ruleList) {
      const id = str(rule.id)
      if (!id) continue
      const props = isObj(rule.properties) ? rule.properties : {}
      const sev = Number(props['security-severity'])
      rules[id] = {
        id,
        name: str(rule.name),
        shortDescription: isObj(rule.shortDescription)
          ? str(rule.shortDescription.text)
          : undefined,
        fullDescription: isObj(rule.fullDescription) ? str(rule.fullDescription.text) : undefined,
        help: isObj(rule.help) ? str(rule.help.text) : undefined,
        helpUri: str(rule.helpUri),
        securitySeverity:
          Number.isFinite(sev) && props['security-severity'] !== undefined ? sev : undefined,
        tags: Array.isArray(props.tags) ? props.tags.filter(t => typeof t === 'string') : undefined
      }
    }
    for (const res of Array.isArray(r.results) ? r.results : []) {
      if (!isObj(res)) continue
      const ruleIndex = typeof res.ruleIndex === 'number' ? res.ruleIndex : -1
      const ruleId =
        str(res.ruleId) ??
        (isObj(res.rule) ? str(res.rule.id) : undefined) ??
        str(ruleList[ruleIndex]?.id) ??
        'unknown'
      const ruleDefault = ruleList.find(x => x.id === ruleId)
      const defLevel = isObj(ruleDefault?.defaultConfiguration)
        ? ruleDefault.defaultConfiguration.level
        : undefined
      const loc = Array.isArray(res.locations) && isObj(res.locations[0]) ? res.locations[0] : {}
      const phys = isObj(loc.physicalLocation) ? loc.physicalLocation : {}
      const art = isObj(phys.artifactLocation) ? phys.artifactLocation : {}
      const region = isObj(phys.region) ? phys.region : {}
      const msg = isObj(res.message)
        ? (str(res.message.text) ?? str(res.message.markdown))
        : undefined
      const f: Finding = {
        ruleId,
        // SARIF's own default for a result without a level is "warning".
        level: toLevel(res.level, toLevel(defLevel, 'warning')),
        message: msg ?? ruleId,
        path: str(art.uri) ? uriToPath(str(art.uri)!, root) : '',
        line: num(region.startLine),
        column: num(region.startColumn),
        fingerprint: ''
      }
      if (region.endLine) f.endLine = num(region.endLine)
      if (region.endColumn) f.endColumn = num(region.endColumn)
      const help = rules[ruleId]?.helpUri
      if (help) f.helpUri = help
      findings.push(f)
    }
  }
  return { findings, rules, toolName, toolVersion }
}

/** pymaint findings JSON: the fields of Finding; ruleId and message are required. */
export function parseFindingsJson(text: string, root: string): ReadFindings {
  const doc: unknown = JSON.parse(text)
  const list = Array.isArray(doc)
    ? doc
    : isObj(doc) && Array.isArray(doc.findings)
      ? doc.findings
      : null
  if (!list) throw new Error('not pymaint findings JSON: expected an array or {"findings": [...]}')
  const findings: Finding[] = list.map((x, i) => {
    if (!isObj(x) || !str(x.ruleId) || !str(x.message))
      throw new Error(`finding ${i} lacks ruleId or message`)
    const f: Finding = {
      ruleId: str(x.ruleId)!,
      level: toLevel(x.level, 'error'),
      message: str(x.message)!,
      path: str(x.path) ? relPath(root, str(x.path)!) : '',
      line: num(x.line),
      column: num(x.column),
      fingerprint: ''
    }
    if (str(x.helpUri)) f.helpUri = str(x.helpUri)
    if (str(x.hint)) f.hint = str(x.hint)
    return f
  })
  return { findings, rules: {} }
}

/** Whichever of the two formats the text is. */
export function parseAnyFindings(text: string, root: string): ReadFindings {
  const doc: unknown = JSON.parse(text)
  if (isObj(doc) && Array.isArray(doc.runs)) return parseSarif(text, root)
  return parseFindingsJson(text, root)
}
