import { beforeAll, describe, expect, it } from '@jest/globals'
import { copyFileSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { mkdtempSync } from 'node:fs'
import { scan } from '../../src/engine.js'
import type { Report } from '../../src/findings/model.js'
import { renderHtml, scriptJson } from '../../src/reports/html.js'
import { projectSources } from '../../src/reports/sources.js'
import { writeReports } from '../../src/reports/write.js'
import { dumpDom } from '../support/chromium.js'
import { fixtureConfig, FIXTURES } from '../support/report-fixture.js'

// Each payload marks the page if it ever runs.
const IMG = `<img src=x onerror="document.documentElement.setAttribute('data-pwned','img');document.title='pwned'">`
const SCRIPT = `</script><script>document.documentElement.setAttribute('data-pwned','script');document.title='pwned'</script>`
const JS_LINK = `javascript:document.documentElement.setAttribute('data-pwned','link')`
const FILE = `x<img src=x onerror=document.title='pwned'>.py`

let report: Report
let html: string
let dom: string

/** A real project whose directory, file name and code carry the payloads, scanned by real ruff. */
async function hostileReport(): Promise<{ report: Report; out: string; root: string }> {
  const base = mkdtempSync(path.join(os.tmpdir(), 'pymaint-xss-'))
  const root = path.join(base, `proj<svg onload=document.title='pwned'>`)
  mkdirSync(root)
  copyFileSync(path.join(FIXTURES, 'reports-project', 'pyproject.toml'), path.join(root, 'pyproject.toml'))
  // F401 on the import; the line's comment carries the script-breaking payload.
  writeFileSync(path.join(root, FILE), `import os  # ${SCRIPT} ${IMG}\n`)
  const config = fixtureConfig(root)
  config.outDir = path.join(base, 'out')
  const report = await scan(config)
  const ruff = report.checks[0]!
  ruff.tool.version = `0.16.9${IMG}`
  const f = ruff.findings[0]!
  f.message = `${f.message} ${IMG} ${SCRIPT}`
  f.hint = SCRIPT
  f.helpUri = JS_LINK
  ruff.findings.push({ ...f, ruleId: `E${IMG}`, snippet: `  1 | ${SCRIPT}\n  2 | ${IMG}`, helpUri: ' JavaScript:alert(1)' })
  ruff.rules = { F401: { id: 'F401', helpUri: JS_LINK } }
  report.gates[0]!.message = IMG
  report.publish = [{ id: `artifact${IMG}`, result: 'failed', reason: SCRIPT, url: JS_LINK }]
  report.run = { repository: `o/r${IMG}`, sha: 'a'.repeat(40), ref: 'refs/heads/x', runId: '1', url: JS_LINK, event: 'push' }
  const w = await writeReports(report, config)
  return { report, out: w.html, root }
}

/** The <html> start tag, where the payloads would leave their mark. */
function htmlTag(d: string): string {
  return /<html[^>]*>/i.exec(d)![0]
}

beforeAll(async () => {
  const h = await hostileReport()
  report = h.report
  html = readFileSync(h.out, 'utf8')
  dom = await dumpDom(h.out)
})

describe('report.html with hostile tool output, in headless Chromium', () => {
  it('scanned the hostile file for real', () => {
    expect(report.checks[0]!.findings[0]!.path).toBe(FILE)
    expect(report.checks[0]!.findings[0]!.ruleId).toBe('F401')
  })

  it('runs its own script and renders every finding', () => {
    expect(dom).toContain('data-rendered="2"')
    expect((dom.match(/<tr class="f"/g) ?? []).length).toBe(2)
  })

  it('runs no payload', () => {
    expect(htmlTag(dom)).not.toContain('data-pwned')
    expect(dom).toMatch(/<title>pymaint: proj&lt;svg onload=document\.title='pwned'&gt;: failing<\/title>/)
    expect(dom).not.toMatch(/<(img|svg|script>document)/i)
    expect(dom).not.toMatch(/href="\s*javascript:/i)
  })

  it('shows the payloads as text', () => {
    const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    // The findings table (built by the script with textContent) and the server-rendered overview.
    expect(dom).toContain(`<td class="loc">${esc(FILE)}:1:8</td>`)
    expect(dom).toContain(esc(IMG))
    expect(dom).toContain(esc(SCRIPT))
    expect(dom).toContain(`<td class="rule">E${esc(IMG)}</td>`)
    expect(dom).toContain('<td class="rule">F401</td>')
  })

  it('still runs no payload with the Content-Security-Policy removed', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pymaint-nocsp-'))
    const file = path.join(dir, 'report.html')
    writeFileSync(file, html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, ''))
    expect(readFileSync(file, 'utf8')).not.toContain('Content-Security-Policy')
    const d = await dumpDom(file)
    expect(d).toContain('data-rendered="2"')
    expect(htmlTag(d)).toContain('data-rendered')
    expect(htmlTag(d)).not.toContain('data-pwned')
    expect(d).not.toMatch(/<title>pwned/)
  })

  it('would notice a payload that ran (control: the same payloads unescaped)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pymaint-control-'))
    const file = path.join(dir, 'control.html')
    writeFileSync(file, `<!doctype html><html><head><title>t</title></head><body>${IMG}<script>x=1${SCRIPT}</body></html>`)
    const d = await dumpDom(file)
    expect(htmlTag(d)).toContain('data-pwned')
    expect(d).toContain('<title>pwned</title>')
  })

  it('needs no network: no external URL is loaded', () => {
    expect(html).not.toMatch(/<(link|img|iframe)\b/i)
    expect(html).not.toMatch(/<script[^>]+src=/i)
    expect(html).toContain("default-src 'none'")
  })
})

describe('scriptJson', () => {
  it('escapes what could end a script element or break JS parsing', () => {
    const s = scriptJson({ a: '</script><!-- & \u2028\u2029 >' })
    expect(s).not.toMatch(/[<>&\u2028\u2029]/)
    expect(JSON.parse(s)).toEqual({ a: '</script><!-- & \u2028\u2029 >' })
  })
})

describe('renderHtml data', () => {
  it('links only http(s) help URIs and keeps source lines from the project', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'pymaint-html-'))
    copyFileSync(path.join(FIXTURES, 'reports-project', 'pyproject.toml'), path.join(root, 'pyproject.toml'))
    writeFileSync(path.join(root, 'a.py'), 'import os\n')
    renameSync(path.join(root, 'a.py'), path.join(root, 'b.py'))
    const r = await scan(fixtureConfig(root))
    const page = renderHtml(r, { sources: projectSources(root) })
    const data = JSON.parse(page.split('id="pymaint-data">')[1]!.split('</script>')[0]!) as {
      strings: string[]
      findings: unknown[][]
    }
    const [row] = data.findings
    expect(data.strings[row![4] as number]).toBe('b.py')
    expect(row![8]).toBe('1 | import os')
    expect(data.strings[row![7] as number]).toMatch(/^https:\/\/docs\.astral\.sh\/ruff\/rules\//)
  })
})

describe('report.html with 100,000 findings', () => {
  let file = ''
  beforeAll(() => {
    const levels = ['error', 'warning', 'note'] as const
    const big: Report = {
      ...report,
      publish: undefined,
      run: undefined,
      checks: ['ruff', 'mypy'].map((id, ci) => ({
        id,
        title: id,
        status: 'failed' as const,
        tool: { name: id, version: '1' },
        durationMs: 1,
        metrics: {},
        findings: Array.from({ length: 50_000 }, (_, i) => ({
          ruleId: `R${i % 100}`,
          level: levels[(i + ci) % 3]!,
          message: `message ${ci}-${i}${i === 31_337 ? ' needle' : ''}`,
          path: `src/pkg${i % 40}/mod${i % 400}.py`,
          line: (i % 300) + 1,
          column: 1,
          fingerprint: `${i}:1`,
          helpUri: `https://example.org/${i % 100}`
        }))
      }))
    }
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pymaint-big-html-'))
    file = path.join(dir, 'report.html')
    writeFileSync(file, renderHtml(big))
  })

  it('stays a reasonable size and renders one page of rows', async () => {
    expect(readFileSync(file).length).toBeLessThan(15 * 1024 * 1024)
    const d = await dumpDom(file)
    expect(htmlTag(d)).toContain('data-rendered="100000"')
    expect((d.match(/<tr class="f"/g) ?? []).length).toBe(100)
    expect(d).toContain('1–100 of 100000')
  })

  it('filters by check, level, path and text from the URL fragment', async () => {
    const d = await dumpDom(file, '#check=ruff&level=note&path=pkg17/&q=needle')
    expect(htmlTag(d)).toContain('data-shown="1"')
    expect(d).toContain('message 0-31337 needle')
    const all = await dumpDom(file, '#check=mypy&level=error')
    // mypy's errors are the i < 50,000 with (i + 1) % 3 === 0.
    const expected = Array.from({ length: 50_000 }, (_, i) => i).filter(i => (i + 1) % 3 === 0)
    expect(htmlTag(all)).toContain(`data-shown="${expected.length}"`)
  })
})
