// pip-audit and safety cannot be installed here, so their parsers are tested on outputs in the
// formats their projects document and test; the check plumbing (argv, -o file, exit codes) runs
// against stand-in executables that replay those documented outputs.
import { describe, expect, it, beforeAll } from '@jest/globals'
import { chmodSync, mkdtempSync, writeFileSync, mkdirSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { loadConfig } from '../../src/config/load.js'
import type { Config } from '../../src/config/types.js'
import { scan } from '../../src/engine.js'
import { parsePipAuditJson, pipAuditOutcome } from '../../src/checks/pip-audit.js'
import { parseSafetyJson, safetyOutcome } from '../../src/checks/safety.js'

// pip-audit 2.x `-f json` (its test/format/test_json.py shape): vulns with id, fix_versions,
// aliases, description; skipped dependencies carry only name and skip_reason.
const PIP_AUDIT_JSON = JSON.stringify({
  dependencies: [
    {
      name: 'Jinja2',
      version: '2.11.2',
      vulns: [
        {
          id: 'PYSEC-2021-66',
          fix_versions: ['2.11.3'],
          aliases: ['CVE-2020-28493', 'GHSA-g3rq-g295-4j3m'],
          description: 'ReDoS in the urlize filter.'
        },
        {
          id: 'GHSA-h5c8-rqwp-cp95',
          fix_versions: ['3.1.3'],
          aliases: ['CVE-2024-22195'],
          description: 'xmlattr allows keys with spaces.'
        }
      ]
    },
    {
      name: 'requests',
      version: '2.19.0',
      vulns: [
        {
          id: 'PYSEC-2018-28',
          fix_versions: ['2.20.0'],
          aliases: ['CVE-2018-18074'],
          description: 'Authorization header leaks on redirect.'
        }
      ]
    },
    { name: 'click', version: '8.1.7', vulns: [] },
    {
      name: 'mylocalpkg',
      skip_reason: 'Dependency not found on PyPI and could not be audited: mylocalpkg (0.1.0)'
    }
  ],
  fixes: []
})

// safety check --save-json (safety 2.3/3.x "json_version 1"): report_meta + vulnerabilities[].
const SAFETY_CHECK_JSON = JSON.stringify(
  {
    report_meta: {
      scan_target: 'files',
      scanned: ['requirements.txt'],
      api_key: false,
      safety_version: '2.3.5',
      packages_found: 3,
      vulnerabilities_found: 2,
      vulnerabilities_ignored: 0,
      json_version: 1
    },
    scanned_packages: {
      requests: { name: 'requests', version: '2.19.0' },
      jinja2: { name: 'jinja2', version: '2.11.2' }
    },
    affected_packages: {},
    announcements: [],
    vulnerabilities: [
      {
        vulnerability_id: '36546',
        package_name: 'requests',
        ignored: {},
        vulnerable_spec: ['<2.20.0'],
        all_vulnerable_specs: ['<2.20.0'],
        analyzed_version: '2.19.0',
        advisory:
          'Requests before 2.20.0 sends an HTTP Authorization header to an http URI upon receiving a same-hostname https-to-http redirect.',
        is_transitive: false,
        published_date: '2018-10-29',
        fixed_versions: ['2.20.0'],
        closest_versions_without_known_vulnerabilities: [],
        resources: [],
        CVE: 'CVE-2018-18074',
        severity: null,
        affected_versions: [],
        more_info_url: 'https://data.safetycli.com/v/36546/f17'
      },
      {
        vulnerability_id: '39525',
        package_name: 'jinja2',
        ignored: {},
        vulnerable_spec: ['<2.11.3'],
        all_vulnerable_specs: ['<2.11.3'],
        analyzed_version: '2.11.2',
        advisory: 'ReDoS in urlize.',
        is_transitive: false,
        published_date: '2021-02-01',
        fixed_versions: ['2.11.3'],
        closest_versions_without_known_vulnerabilities: [],
        resources: [],
        CVE: 'CVE-2020-28493',
        severity: null,
        affected_versions: [],
        more_info_url: 'https://data.safetycli.com/v/39525/f17'
      }
    ],
    ignored_vulnerabilities: [],
    remediations: {}
  },
  null,
  4
)

// What `safety check` prints on stdout since 3.x: the deprecation banner around the JSON.
const BANNER =
  '\n\n+===========================================================================================================================================================================================+\n\n\nDEPRECATED: this command (`check`) has been DEPRECATED, and will be unsupported beyond 01 June 2024.\n\n\nWe highly encourage switching to the new `scan` command which is easier to use, more powerful, and can be set up to mimic the deprecated command if required.\n\n\n+===========================================================================================================================================================================================+\n\n\n'

// safety scan --output json: scan_results.projects[].files[].results.dependencies[].
const SAFETY_SCAN_JSON = JSON.stringify({
  meta: { scan_type: 'scan', telemetry: { safety_version: '3.2.0' } },
  scan_results: {
    projects: [
      {
        id: 'app',
        files: [
          {
            location: 'requirements.txt',
            type: 'requirements.txt',
            results: {
              dependencies: [
                {
                  name: 'requests',
                  specifications: [
                    {
                      raw: 'requests==2.19.0',
                      vulnerabilities: {
                        known_vulnerabilities: [
                          { id: '36546', ignored: null, vulnerable_spec: '<2.20.0' },
                          {
                            id: '99999',
                            ignored: { code: 'MANUAL', reason: 'not used' },
                            vulnerable_spec: '<3'
                          }
                        ],
                        remediation: { recommended: '2.32.3' }
                      }
                    }
                  ]
                },
                {
                  name: 'click',
                  specifications: [
                    {
                      raw: 'click==8.1.7',
                      vulnerabilities: { known_vulnerabilities: [], remediation: null }
                    }
                  ]
                }
              ]
            }
          }
        ]
      }
    ]
  }
})

let project: string
function config(extra: Record<string, string> = {}): Config {
  return loadConfig({
    explicit: { checks: 'pip-audit,safety', ...extra },
    source: 'flag',
    workspace: project,
    project: '.',
    defaultOutDir: path.join(project, 'out')
  })
}
const tool = { name: 't', version: '1' }

/** A stand-in executable on PATH: a Python script replaying a documented output. */
async function withStandIn<T>(name: string, body: string, fn: () => Promise<T>): Promise<T> {
  const bin = mkdtempSync(path.join(os.tmpdir(), 'pymaint-bin-'))
  const stub = path.join(bin, name)
  writeFileSync(stub, `#!/usr/bin/env python3\nimport os, sys\n${body}`)
  chmodSync(stub, 0o755)
  const oldPath = process.env.PATH
  process.env.PATH = `${bin}${path.delimiter}${oldPath}`
  try {
    return await fn()
  } finally {
    process.env.PATH = oldPath
  }
}

beforeAll(() => {
  project = mkdtempSync(path.join(os.tmpdir(), 'pymaint-deps-'))
  mkdirSync(path.join(project, 'src'))
  writeFileSync(
    path.join(project, 'requirements.txt'),
    '# app deps\nclick==8.1.7\nJinja2==2.11.2\nrequests [socks] == 2.19.0 ; python_version > "3"\n'
  )
})

describe('pip-audit (documented JSON format)', () => {
  it('parses several vulnerabilities with aliases, fix versions and skipped packages (documented format)', () => {
    const p = parsePipAuditJson(PIP_AUDIT_JSON)
    expect(p.vulns.map(v => `${v.package}:${v.id}`)).toEqual([
      'Jinja2:PYSEC-2021-66',
      'Jinja2:GHSA-h5c8-rqwp-cp95',
      'requests:PYSEC-2018-28'
    ])
    expect(p.vulns[0]!.aliases).toEqual(['CVE-2020-28493', 'GHSA-g3rq-g295-4j3m'])
    expect(p.skipped).toEqual([
      { name: 'mylocalpkg', reason: expect.stringMatching(/not found on PyPI/) }
    ])
    expect(p.packages).toBe(4)
  })

  it('exit 1 with the documented JSON: one finding per vulnerability on its requirements line; ignore list matches ids and aliases', () => {
    const o = pipAuditOutcome(
      { exitCode: 1, json: PIP_AUDIT_JSON, stderr: '' },
      config({ requirements: 'requirements.txt', 'ignore-vulnerabilities': 'CVE-2024-22195' }),
      tool,
      []
    )
    expect(o.status).toBe('failed')
    expect(o.findings.map(f => `${f.ruleId}@${f.path}:${f.line}`)).toEqual([
      'PYSEC-2021-66@requirements.txt:3',
      'PYSEC-2018-28@requirements.txt:4'
    ])
    expect(o.findings[0]!.hint).toBe('Upgrade Jinja2 to 2.11.3')
    expect(o.metrics).toMatchObject({
      ignored: 1,
      vulnerabilities: 2,
      skipped: [{ name: 'mylocalpkg' }]
    })
  })

  it('exit 1 without JSON (a pip-audit fatal error, documented exit code) is an error, not vulnerabilities', () => {
    const o = pipAuditOutcome(
      {
        exitCode: 1,
        json: null,
        stderr: 'ERROR:pip_audit._cli:requirements.txt: No such file or directory\n'
      },
      config(),
      tool,
      []
    )
    expect(o.status).toBe('error')
    expect(o.reason).toMatch(/pip-audit failed \(exit 1, no JSON report\): .*No such file/)
  })

  it('gates on the vulnerability threshold through the real check with a stand-in pip-audit replaying the documented format', async () => {
    const bin = mkdtempSync(path.join(os.tmpdir(), 'pymaint-bin-'))
    const stub = path.join(bin, 'pip-audit')
    writeFileSync(
      stub,
      `#!/usr/bin/env python3\nimport sys\nif "--version" in sys.argv:\n    print("pip-audit 2.10.0"); sys.exit(0)\nout = sys.argv[sys.argv.index("-o") + 1]\nopen(out, "w").write(${JSON.stringify(PIP_AUDIT_JSON)})\nsys.exit(1)\n`
    )
    chmodSync(stub, 0o755)
    const oldPath = process.env.PATH
    process.env.PATH = `${bin}${path.delimiter}${oldPath}`
    try {
      const report = await scan(
        config({
          checks: 'pip-audit',
          requirements: 'requirements.txt',
          'vulnerability-threshold': '2'
        })
      )
      const c = report.checks[0]!
      expect(c.status).toBe('failed')
      expect(c.tool.version).toBe('2.10.0')
      expect(c.command).toEqual(expect.arrayContaining(['-f', 'json', '-r', 'requirements.txt']))
      expect(c.findings).toHaveLength(3)
      expect(report.gates[0]).toMatchObject({
        id: 'pip-audit',
        passed: false,
        actual: 3,
        threshold: 2
      })
    } finally {
      process.env.PATH = oldPath
    }
  })

  it('audits the project environment via PIPAPI_PYTHON_LOCATION when no requirements are set (stand-in)', async () => {
    const body = [
      'if "--version" in sys.argv: print("pip-audit 2.10.0"); sys.exit(0)',
      'assert "-r" not in sys.argv',
      'out = sys.argv[sys.argv.index("-o") + 1]',
      'doc = {"dependencies": [{"name": "env-probe", "skip_reason": os.environ.get("PIPAPI_PYTHON_LOCATION", "unset")}], "fixes": []}',
      'import json; open(out, "w").write(json.dumps(doc))',
      ''
    ].join('\n')
    const report = await withStandIn('pip-audit', body, () =>
      scan(config({ checks: 'pip-audit', 'install-tools': 'never' }))
    )
    const c = report.checks[0]!
    expect(c.status).toBe('passed')
    expect(c.metrics.source).toBe('environment')
    const skipped = c.metrics.skipped as { name: string; reason: string }[]
    expect(skipped[0]!.reason).toMatch(/python3?$/)
    expect(skipped[0]!.reason).not.toBe('unset')
  })

  it('is an error with a clear reason when pip-audit is not installed (install-tools never)', async () => {
    const report = await scan(config({ checks: 'pip-audit', 'install-tools': 'never' }))
    expect(report.checks[0]).toMatchObject({ status: 'error' })
    expect(report.checks[0]!.reason).toMatch(/pip-audit is not installed/)
  })
})

describe('safety (documented JSON formats)', () => {
  it('parses the documented safety check --save-json format with CVE aliases and fix versions', () => {
    const p = parseSafetyJson(SAFETY_CHECK_JSON)
    expect(p.vulns.map(v => `${v.package}:${v.id}:${v.aliases.join()}`)).toEqual([
      'requests:36546:CVE-2018-18074',
      'jinja2:39525:CVE-2020-28493'
    ])
    expect(p.vulns[0]!.fixVersions).toEqual(['2.20.0'])
    expect(p.packages).toBe(3)
  })

  it('finds the JSON inside the documented deprecation banner on stdout; exit 64 means vulnerabilities', () => {
    const stdout = `${BANNER}${SAFETY_CHECK_JSON}${BANNER}`
    const o = safetyOutcome(
      { exitCode: 64, text: stdout, stderr: '', mode: 'check' },
      config({ requirements: 'requirements.txt' }),
      tool,
      []
    )
    expect(o.status).toBe('failed')
    expect(o.findings.map(f => `${f.ruleId}@${f.path}:${f.line}`)).toEqual([
      '36546@requirements.txt:4',
      '39525@requirements.txt:3'
    ])
    expect(o.findings[0]!.helpUri).toBe('https://data.safetycli.com/v/36546/f17')
    const ignored = safetyOutcome(
      { exitCode: 64, text: stdout, stderr: '', mode: 'check' },
      config({ 'ignore-vulnerabilities': 'CVE-2018-18074,39525' }),
      tool,
      []
    )
    expect(ignored.findings).toHaveLength(0)
    expect(ignored.status).toBe('passed')
  })

  it('parses the documented safety scan JSON format (policy-ignored entries left out)', () => {
    const o = safetyOutcome(
      { exitCode: 64, text: SAFETY_SCAN_JSON, stderr: '', mode: 'scan' },
      config(),
      tool,
      []
    )
    expect(o.findings.map(f => `${f.ruleId}:${f.properties?.version}:${f.path}`)).toEqual([
      '36546:2.19.0:requirements.txt'
    ])
    expect(o.metrics).toMatchObject({ ignoredByPolicy: 1, packages: 2 })
  })

  it('legacy command failing without a key is skipped with the reason; with a key (scan) it is an error', () => {
    const noKey = safetyOutcome(
      {
        exitCode: 1,
        text: '',
        stderr: 'Error: the check command requires an account\n',
        mode: 'check'
      },
      config(),
      tool,
      []
    )
    expect(noKey).toMatchObject({
      status: 'skipped',
      reason: expect.stringMatching(/requires an account/)
    })
    const keyed = safetyOutcome(
      { exitCode: 2, text: '', stderr: 'Unauthorized\n', mode: 'scan' },
      config(),
      tool,
      []
    )
    expect(keyed.status).toBe('error')
  })

  it('legacy safety check through the real check: clean --save-json file, banner on stdout, exit 64 (stand-in)', async () => {
    const body = [
      'if "--version" in sys.argv: print("safety, version 3.2.0"); sys.exit(0)',
      'assert sys.argv[1:3] == ["check", "--full-report"], sys.argv',
      'out = sys.argv[sys.argv.index("--save-json") + 1]',
      `report = ${JSON.stringify(SAFETY_CHECK_JSON)}`,
      'open(out, "w").write(report)',
      `print(${JSON.stringify(BANNER)} + report + ${JSON.stringify(BANNER)})`,
      'sys.exit(64)',
      ''
    ].join('\n')
    const saved = process.env.SAFETY_API_KEY
    delete process.env.SAFETY_API_KEY
    try {
      const report = await withStandIn('safety', body, () =>
        scan(
          config({ checks: 'safety', 'install-tools': 'never', requirements: 'requirements.txt' })
        )
      )
      const c = report.checks[0]!
      expect(c.status).toBe('failed')
      expect(c.command).toEqual(
        expect.arrayContaining(['check', '--full-report', '--save-json', '-r', 'requirements.txt'])
      )
      expect(c.findings.map(f => f.ruleId)).toEqual(['36546', '39525'])
      expect(report.gates[0]).toMatchObject({
        id: 'safety',
        passed: false,
        actual: 2,
        threshold: 0
      })
    } finally {
      if (saved !== undefined) process.env.SAFETY_API_KEY = saved
    }
  })

  it('without SAFETY_API_KEY and without safety installed the real check is skipped with the reason', async () => {
    const saved = process.env.SAFETY_API_KEY
    delete process.env.SAFETY_API_KEY
    try {
      const report = await scan(config({ checks: 'safety', 'install-tools': 'never' }))
      expect(report.checks[0]).toMatchObject({ id: 'safety', status: 'skipped' })
      expect(report.checks[0]!.reason).toMatch(/no SAFETY_API_KEY.*safety is not installed/)
      expect(report.gates).toHaveLength(0)
    } finally {
      if (saved !== undefined) process.env.SAFETY_API_KEY = saved
    }
  })
})
