// The one typed, validated configuration object the engine, reports and publishers read.
import type { Severity } from '../findings/model.js'

export type InstallTools = 'missing' | 'always' | 'never'
export type FailOn = 'failing' | 'warning' | 'never'

export interface StructureConfig {
  /** Paths (files or dirs, relative to the project) that must exist; a trailing '/' means a dir. */
  required: string[]
  /** Globs that must match no file (tracked or not, outside ignored dirs). */
  forbidden: string[]
  /** When non-empty: the only names allowed at the project root (globs). */
  rootAllow: string[]
  /** Layer packages from innermost to outermost: an inner layer must not import an outer one. */
  layers: string[]
  /** Dotted package the layers live in (e.g. `pynomaly`); default: the one package under src/. */
  package: string
  /** Groups of sibling packages that must not import each other. */
  independent: string[][]
  /** Imports under `if TYPE_CHECKING:` count as imports (default false). */
  typeCheckingImports: boolean
  /** The repository's own script; its exit code decides and a SARIF/JSON it writes becomes findings. */
  script: string
  /** Whether the table was given at all (an absent table runs only the defaults). */
  configured: boolean
}

export interface CustomCheckConfig {
  id: string
  title: string
  /** argv; `{output}` is replaced with a file path the command may write its results to. */
  command: string[]
  format: 'sarif' | 'findings-json'
  /** Most findings allowed before the check's gate fails. */
  threshold: number
  timeoutMs: number
}

export interface CleanupConfig {
  mode: 'pr' | 'off' | 'dry-run'
  branch: string
  /** Extra safe-list globs. */
  extend: string[]
  /** Globs never to remove even when the safe list matches. */
  exclude: string[]
  /** Add the removed patterns to .gitignore in the same commit. */
  gitignore: boolean
}

export interface Thresholds {
  lint: number
  format: number
  typeErrors: number
  coverage: number
  testPassRate: number
  securityFailSeverity: Severity
  securityMinConfidence: Severity
  vulnerabilities: number
}

export interface PublishConfig {
  githubToken: string
  uploadSarif: 'auto' | 'true' | 'false'
  artifactName: string
  retentionDays: number
  pages: boolean
  pagesBranch: string
  pagesHistory: number
  issues: boolean
  issueLabel: string
  slackWebhookUrl: string
  cooldownHours: number
  forceNotify: boolean
}

export interface Config {
  /** Absolute workspace (GITHUB_WORKSPACE or the CLI's cwd); the project must lie inside it. */
  workspace: string
  /** Absolute project directory. */
  root: string
  /** The pyproject.toml read, if any. */
  configFile: string | null
  outDir: string
  /** Check ids in the order they are reported. */
  checks: string[]
  python: string
  installTools: InstallTools
  failOn: FailOn
  paths: string[]
  sourcePaths: string[]
  testPaths: string[]
  coverageSource: string[]
  mypyStrict: boolean
  thresholds: Thresholds
  ignoreVulnerabilities: string[]
  requirements: string[]
  timeoutMs: number
  structure: StructureConfig
  custom: Record<string, CustomCheckConfig>
  cleanup: CleanupConfig
  publish: PublishConfig
}
