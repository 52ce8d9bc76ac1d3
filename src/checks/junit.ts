// A small JUnit XML reader for pytest's --junitxml: testsuites/testsuite/testcase with
// failure/error/skipped children. Only the elements and attributes pymaint reads; no DTDs.

export type CaseOutcome = 'passed' | 'failed' | 'error' | 'skipped'

export interface JUnitCase {
  classname: string
  name: string
  file?: string
  /** As pytest writes it: 0-based line of the test's `def`. */
  line?: number
  outcome: CaseOutcome
  /** The `message` attribute of the failure/error/skipped element. */
  message: string
  /** The element's text (the traceback). */
  details: string
  /** `type` of the skipped element (pytest.skip, pytest.xfail). */
  type?: string
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

export function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, e: string) => {
    if (e[0] === '#') {
      const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)
      return Number.isFinite(n) && n >= 0 && n <= 0x10ffff ? String.fromCodePoint(n) : all
    }
    return ENTITIES[e.toLowerCase()] ?? all
  })
}

function attrs(s: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const m of s.matchAll(/([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g))
    out[m[1]!] = decodeXml(m[3] ?? m[4] ?? '')
  return out
}

function text(s: string): string {
  // CDATA sections are kept verbatim, everything else is entity-decoded.
  let out = ''
  let rest = s
  for (;;) {
    const i = rest.indexOf('<![CDATA[')
    if (i < 0) break
    const j = rest.indexOf(']]>', i)
    if (j < 0) break
    out += decodeXml(rest.slice(0, i).replace(/<[^>]*>/g, '')) + rest.slice(i + 9, j)
    rest = rest.slice(j + 3)
  }
  return out + decodeXml(rest.replace(/<[^>]*>/g, ''))
}

const RANK: Record<CaseOutcome, number> = { passed: 0, skipped: 1, error: 2, failed: 3 }

/** Every testcase in document order; throws when the text is not a JUnit report. */
export function parseJUnit(xml: string): JUnitCase[] {
  const body = xml.replace(/<!--[\s\S]*?-->/g, '').replace(/<\?[\s\S]*?\?>/g, '')
  if (!/<testsuites?\b/.test(body)) throw new Error('no <testsuite> element')
  const cases: JUnitCase[] = []
  const re = /<testcase\b((?:[^>"']|"[^"]*"|'[^']*')*?)(\/>|>([\s\S]*?)<\/testcase\s*>)/g
  for (const m of body.matchAll(re)) {
    const a = attrs(m[1]!)
    const inner = m[3] ?? ''
    const c: JUnitCase = {
      classname: a.classname ?? '',
      name: a.name ?? '',
      outcome: 'passed',
      message: '',
      details: ''
    }
    if (a.file) c.file = a.file
    if (a.line !== undefined && /^\d+$/.test(a.line)) c.line = Number(a.line)
    // A test can fail in its call and error in teardown: the failure is what it is counted as.
    const child =
      /<(failure|error|skipped)\b((?:[^>"']|"[^"]*"|'[^']*')*?)(\/>|>([\s\S]*?)<\/\1\s*>)/g
    for (const e of inner.matchAll(child)) {
      const kind = e[1] === 'failure' ? 'failed' : e[1] === 'error' ? 'error' : 'skipped'
      if (RANK[kind] <= RANK[c.outcome]) continue
      const ea = attrs(e[2]!)
      c.outcome = kind
      c.message = ea.message ?? ''
      c.details = text(e[4] ?? '')
      if (ea.type) c.type = ea.type
    }
    cases.push(c)
  }
  return cases
}

export interface TestCounts {
  total: number
  passed: number
  failed: number
  errors: number
  skipped: number
}

export function countCases(cases: JUnitCase[]): TestCounts {
  const n: TestCounts = { total: cases.length, passed: 0, failed: 0, errors: 0, skipped: 0 }
  for (const c of cases) {
    if (c.outcome === 'passed') n.passed++
    else if (c.outcome === 'failed') n.failed++
    else if (c.outcome === 'error') n.errors++
    else n.skipped++
  }
  return n
}
