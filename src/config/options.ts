// The table of settings: one row per option, shared by action inputs, CLI flags and
// [tool.pymaint]. Adding a setting is adding a row here; parse.ts validates every row the same way.

export type OptionType =
  | { kind: 'string' }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'bool' }
  | { kind: 'number'; min?: number; max?: number; integer?: boolean }
  | { kind: 'list' }

export interface OptionDef {
  /** kebab-case name: the action input, the CLI flag (`--name`) and the pyproject key. */
  name: string
  type: OptionType
  default: unknown
  description: string
  /** Where it may be set. Secrets and GitHub-only settings are not read from pyproject. */
  from: { input: boolean; cli: boolean; pyproject: boolean }
}

const everywhere = { input: true, cli: true, pyproject: true }
const actionOnly = { input: true, cli: false, pyproject: true }
const inputOnly = { input: true, cli: false, pyproject: false }

export const BUILTIN_CHECKS = [
  'structure',
  'ruff',
  'ruff-format',
  'mypy',
  'bandit',
  'safety',
  'pip-audit',
  'pytest'
] as const

const severities = ['low', 'medium', 'high'] as const

export const OPTIONS: readonly OptionDef[] = [
  {
    name: 'checks',
    type: { kind: 'list' },
    default: [...BUILTIN_CHECKS],
    description: 'Checks to run, comma-separated (default: all built-in checks plus custom ones).',
    from: everywhere
  },
  {
    name: 'skip-checks',
    type: { kind: 'list' },
    default: [],
    description: 'Checks to leave out of the default set.',
    from: everywhere
  },
  {
    name: 'python',
    type: { kind: 'string' },
    default: '',
    description:
      "The project's Python interpreter (default: .venv/venv in the project, else python3 on PATH).",
    from: everywhere
  },
  {
    name: 'install-tools',
    type: { kind: 'enum', values: ['missing', 'always', 'never'] },
    default: 'missing',
    description:
      'Install missing Python tools into an isolated venv (missing), always use that venv (always), or never install (never).',
    from: everywhere
  },
  {
    name: 'fail-on',
    type: { kind: 'enum', values: ['failing', 'warning', 'never'] },
    default: 'failing',
    description: 'Which verdict fails the step / exits 1.',
    from: everywhere
  },
  {
    name: 'out',
    type: { kind: 'string' },
    default: '',
    description:
      'Report directory (default: pymaint-reports under RUNNER_TEMP in the action, ./pymaint-reports locally).',
    from: { input: false, cli: true, pyproject: false }
  },
  {
    name: 'paths',
    type: { kind: 'list' },
    default: [],
    description:
      'Source paths for ruff and ruff-format (default: src and tests where they exist, else .).',
    from: everywhere
  },
  {
    name: 'source-paths',
    type: { kind: 'list' },
    default: [],
    description:
      'Paths type-checked by mypy and scanned by bandit (default: src if present, else the project).',
    from: everywhere
  },
  {
    name: 'test-paths',
    type: { kind: 'list' },
    default: [],
    description: 'Paths given to pytest (default: its own configuration).',
    from: everywhere
  },
  {
    name: 'coverage-source',
    type: { kind: 'list' },
    default: [],
    description: 'What coverage measures (default: source-paths).',
    from: everywhere
  },
  {
    name: 'mypy-strict',
    type: { kind: 'bool' },
    default: true,
    description: 'Run mypy with --strict.',
    from: everywhere
  },
  {
    name: 'lint-threshold',
    type: { kind: 'number', min: 0, integer: true },
    default: 0,
    description: 'Most ruff violations allowed.',
    from: everywhere
  },
  {
    name: 'format-threshold',
    type: { kind: 'number', min: 0, integer: true },
    default: 0,
    description: 'Most files allowed to need reformatting.',
    from: everywhere
  },
  {
    name: 'type-error-threshold',
    type: { kind: 'number', min: 0, integer: true },
    default: 0,
    description: 'Most mypy errors allowed.',
    from: everywhere
  },
  {
    name: 'coverage-threshold',
    type: { kind: 'number', min: 0, max: 100 },
    default: 95,
    description: 'Least line coverage in percent.',
    from: everywhere
  },
  {
    name: 'test-pass-rate',
    type: { kind: 'number', min: 0, max: 100 },
    default: 100,
    description: 'Least share of tests passing, in percent.',
    from: everywhere
  },
  {
    name: 'security-fail-severity',
    type: { kind: 'enum', values: severities },
    default: 'medium',
    description: 'bandit findings at or above this severity fail the gate.',
    from: everywhere
  },
  {
    name: 'security-min-confidence',
    type: { kind: 'enum', values: severities },
    default: 'low',
    description: 'bandit findings below this confidence do not count.',
    from: everywhere
  },
  {
    name: 'vulnerability-threshold',
    type: { kind: 'number', min: 0, integer: true },
    default: 0,
    description: 'Most known dependency vulnerabilities allowed (pip-audit, safety).',
    from: everywhere
  },
  {
    name: 'ignore-vulnerabilities',
    type: { kind: 'list' },
    default: [],
    description: 'Vulnerability ids (or aliases) to ignore.',
    from: everywhere
  },
  {
    name: 'requirements',
    type: { kind: 'list' },
    default: [],
    description: 'Requirements files for pip-audit/safety (default: the project environment).',
    from: everywhere
  },
  {
    name: 'structure-script',
    type: { kind: 'string' },
    default: '',
    description: "The repository's own structure validation script, run with the project's Python.",
    from: everywhere
  },
  {
    name: 'timeout-minutes',
    type: { kind: 'number', min: 1, max: 360 },
    default: 30,
    description: 'Per-check time limit.',
    from: everywhere
  },
  {
    name: 'github-token',
    type: { kind: 'string' },
    default: '',
    description: 'Token for publishing (default: github.token).',
    from: inputOnly
  },
  {
    name: 'upload-sarif',
    type: { kind: 'enum', values: ['auto', 'true', 'false'] },
    default: 'auto',
    description: 'Upload SARIF to code scanning.',
    from: actionOnly
  },
  {
    name: 'artifact-name',
    type: { kind: 'string' },
    default: 'maintenance-reports',
    description: 'Name of the report artifact (empty string: no artifact).',
    from: actionOnly
  },
  {
    name: 'retention-days',
    type: { kind: 'number', min: 1, max: 400, integer: true },
    default: 90,
    description: 'Artifact retention in days.',
    from: actionOnly
  },
  {
    name: 'pages',
    type: { kind: 'bool' },
    default: false,
    description: 'Publish reports to the Pages branch with history.',
    from: actionOnly
  },
  {
    name: 'pages-branch',
    type: { kind: 'string' },
    default: 'gh-pages',
    description: 'Branch GitHub Pages serves.',
    from: actionOnly
  },
  {
    name: 'pages-history',
    type: { kind: 'number', min: 1, max: 1000, integer: true },
    default: 52,
    description: 'Runs kept on the Pages branch.',
    from: actionOnly
  },
  {
    name: 'cleanup',
    type: { kind: 'enum', values: ['pr', 'off', 'dry-run'] },
    default: 'pr',
    description: 'Open a pull request removing committed junk.',
    from: actionOnly
  },
  {
    name: 'cleanup-branch',
    type: { kind: 'string' },
    default: 'pymaint/cleanup',
    description: 'Branch of the cleanup pull request.',
    from: actionOnly
  },
  {
    name: 'issues',
    type: { kind: 'bool' },
    default: true,
    description: 'Open/update/close one issue when gates fail/pass.',
    from: actionOnly
  },
  {
    name: 'issue-label',
    type: { kind: 'string' },
    default: 'maintenance',
    description: 'Label of the maintenance issue.',
    from: actionOnly
  },
  {
    name: 'slack-webhook-url',
    type: { kind: 'string' },
    default: '',
    description: 'Slack incoming webhook (a secret).',
    from: inputOnly
  },
  {
    name: 'cooldown-hours',
    type: { kind: 'number', min: 0, max: 8760 },
    default: 24,
    description: 'Least hours between repeated notifications of an unchanged verdict.',
    from: actionOnly
  },
  {
    name: 'force-notify',
    type: { kind: 'bool' },
    default: false,
    description: 'Notify even within the cooldown.',
    from: inputOnly
  }
]

export function optionByName(name: string): OptionDef | undefined {
  return OPTIONS.find(o => o.name === name)
}
