// Parsers for what a step leaves behind: GITHUB_OUTPUT/GITHUB_ENV files (name=value and
// name<<delimiter heredocs) and workflow commands on stdout (::error file=..::msg ...).
export interface Annotation {
  level: 'error' | 'warning' | 'notice'
  message: string
  file?: string
  line?: number
  endLine?: number
  col?: number
  endColumn?: number
  title?: string
}
export interface WorkflowCommand {
  command: string
  properties: Record<string, string>
  message: string
}

export function parseEnvFile(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    if (!line) continue
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    if (heredoc) {
      const [, name, delim] = heredoc
      const value: string[] = []
      for (i++; i < lines.length && lines[i] !== delim; i++) value.push(lines[i]!)
      out[name!] = value.join('\n')
      continue
    }
    const eq = line.indexOf('=')
    if (eq > 0) out[line.slice(0, eq)] = line.slice(eq + 1)
  }
  return out
}

// The runner's escaping (toCommandValue/escapeData/escapeProperty in @actions/core), undone.
const unescapeData = (s: string): string =>
  s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
const unescapeProperty = (s: string): string =>
  s
    .replace(/%0D/g, '\r')
    .replace(/%0A/g, '\n')
    .replace(/%3A/g, ':')
    .replace(/%2C/g, ',')
    .replace(/%25/g, '%')

export function parseCommands(stdout: string): {
  annotations: Annotation[]
  commands: WorkflowCommand[]
} {
  const annotations: Annotation[] = []
  const commands: WorkflowCommand[] = []
  for (const raw of stdout.split(/\r?\n/)) {
    const m = /^::([A-Za-z-]+)(?: ([^:]*))?::(.*)$/.exec(raw)
    if (!m) continue
    const properties: Record<string, string> = {}
    for (const kv of (m[2] ?? '').split(',').filter(Boolean)) {
      const eq = kv.indexOf('=')
      if (eq > 0) properties[kv.slice(0, eq).trim()] = unescapeProperty(kv.slice(eq + 1))
    }
    const cmd = { command: m[1]!, properties, message: unescapeData(m[3]!) }
    commands.push(cmd)
    if (cmd.command === 'error' || cmd.command === 'warning' || cmd.command === 'notice') {
      const num = (k: string): number | undefined =>
        properties[k] ? Number(properties[k]) : undefined
      const a: Annotation = { level: cmd.command, message: cmd.message }
      if (properties.file) a.file = properties.file
      if (properties.title) a.title = properties.title
      for (const k of ['line', 'endLine', 'col', 'endColumn'] as const) {
        const v = num(k)
        if (v !== undefined) a[k] = v
      }
      annotations.push(a)
    }
  }
  return { annotations, commands }
}
