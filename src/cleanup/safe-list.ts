// The safe list of committed junk and the pure plan of what a cleanup removes. Only paths that
// match a safe-list (or user `extend`) pattern and no `exclude` pattern are ever candidates.
import picomatch from 'picomatch'
import type { CleanupConfig } from '../config/types.js'

/**
 * Patterns use .gitignore's shape: a trailing `/` means "a directory of that name, everything
 * inside it"; a pattern without a `/` matches a name at any depth; a pattern with a `/` is
 * anchored to the project root.
 */
export interface SafeRule {
  pattern: string
  reason: string
}

/**
 * Deliberately left out: `build/`, `dist/`, `*.so`, `venv/`, `.venv/`, `coverage.xml`,
 * `.hypothesis/`. Each is real content in some repositories (a `build` package, a published
 * `dist` of a JS front-end, vendored extension modules, a checked-in example database, a coverage
 * file a badge service reads). Users who know better add them with `extend`.
 */
export const SAFE_LIST: readonly SafeRule[] = [
  { pattern: '__pycache__/', reason: 'Python bytecode cache, rebuilt by the interpreter' },
  { pattern: '*.pyc', reason: 'compiled Python bytecode' },
  { pattern: '*.pyo', reason: 'compiled (optimised) Python bytecode' },
  { pattern: '.pytest_cache/', reason: 'pytest cache' },
  { pattern: '.mypy_cache/', reason: 'mypy cache' },
  { pattern: '.ruff_cache/', reason: 'ruff cache' },
  { pattern: '.dmypy.json', reason: 'mypy daemon state' },
  { pattern: '.tox/', reason: 'tox environments' },
  { pattern: '.nox/', reason: 'nox environments' },
  { pattern: '.coverage', reason: 'coverage.py data file' },
  { pattern: '.coverage.*', reason: 'coverage.py parallel data file' },
  { pattern: 'htmlcov/', reason: 'coverage.py HTML report' },
  { pattern: '*.egg-info/', reason: 'setuptools build metadata' },
  { pattern: '.eggs/', reason: 'eggs setuptools fetched at build time' },
  { pattern: '.ipynb_checkpoints/', reason: 'Jupyter autosave checkpoints' },
  { pattern: '.DS_Store', reason: 'macOS Finder metadata' },
  { pattern: 'Thumbs.db', reason: 'Windows thumbnail cache' },
  { pattern: 'ehthumbs.db', reason: 'Windows thumbnail cache' },
  { pattern: 'desktop.ini', reason: 'Windows folder settings' },
  { pattern: '*.swp', reason: 'Vim swap file' },
  { pattern: '*.swo', reason: 'Vim swap file' },
  { pattern: '*~', reason: 'editor backup file' }
]

/**
 * Never removed whatever the patterns say: the file the cleanup itself edits, git's own
 * attributes, and workflows (a GITHUB_TOKEN may not change them, so the commit would fail).
 */
const PROTECTED = ['.gitignore', '**/.gitignore', '.gitattributes', '.github/workflows/**']

export interface Removal {
  path: string
  reason: string
  pattern: string
}

export interface CleanupPlan {
  remove: Removal[]
  /** Patterns to append to .gitignore (empty unless `gitignore` is on). */
  gitignoreAdditions: string[]
}

interface CompiledRule extends SafeRule {
  dir: boolean
  match: (p: string) => boolean
}

function compile(rule: SafeRule): CompiledRule {
  let p = rule.pattern.trim()
  const dir = p.endsWith('/')
  if (dir) p = p.replace(/\/+$/, '')
  const anchored = p.includes('/')
  const glob = anchored ? p.replace(/^\/+/, '') : `**/${p}`
  return { ...rule, dir, match: picomatch(glob, { dot: true }) }
}

/** The directory prefixes of a path: `a/b/c.py` → `a`, `a/b`. */
function ancestors(p: string): string[] {
  const parts = p.split('/')
  const out: string[] = []
  for (let i = 1; i < parts.length; i++) out.push(parts.slice(0, i).join('/'))
  return out
}

function matches(rule: CompiledRule, p: string): boolean {
  return rule.dir ? ancestors(p).some(a => rule.match(a)) : rule.match(p)
}

/** Every rule in force: the safe list plus `extend`. */
export function rulesFor(config: Pick<CleanupConfig, 'extend'>): SafeRule[] {
  return [
    ...SAFE_LIST,
    ...config.extend.map(pattern => ({
      pattern,
      reason: `matches \`${pattern}\` from [tool.pymaint.cleanup] extend`
    }))
  ]
}

/** Normalises a path from a tree or `git ls-files`; null for anything not a plain relative path. */
function clean(p: string): string | null {
  const s = p.replace(/\\/g, '/').replace(/^\.\//, '')
  if (!s || s.startsWith('/') || s.split('/').some(x => x === '' || x === '.' || x === '..'))
    return null
  return s
}

/**
 * Which of the tracked paths (project-relative, POSIX) to remove and why. Paths are only ever
 * taken from `trackedPaths`, so untracked files cannot be in the plan.
 */
export function planCleanup(
  trackedPaths: readonly string[],
  config: Pick<CleanupConfig, 'extend' | 'exclude' | 'gitignore'>,
  existingGitignore = ''
): CleanupPlan {
  const rules = rulesFor(config).map(compile)
  const excludes = [
    ...config.exclude.map(pattern => compile({ pattern, reason: '' })),
    ...PROTECTED.map(pattern => compile({ pattern, reason: '' }))
  ]
  const excluded = (p: string): boolean =>
    // A non-directory exclude also covers everything under a directory of that name.
    excludes.some(r => matches(r, p) || (!r.dir && ancestors(p).some(a => r.match(a))))
  const remove: Removal[] = []
  const used = new Set<string>()
  const seen = new Set<string>()
  for (const raw of trackedPaths) {
    const p = clean(raw)
    if (p === null || seen.has(p)) continue
    seen.add(p)
    const rule = rules.find(r => matches(r, p))
    if (!rule || excluded(p)) continue
    remove.push({ path: p, reason: rule.reason, pattern: rule.pattern })
    used.add(rule.pattern)
  }
  remove.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
  const have = new Set(
    existingGitignore
      .split(/\r?\n/)
      .map(l => l.trim())
      .filter(l => l && !l.startsWith('#'))
      .flatMap(l => [l, l.replace(/^\//, ''), l.replace(/\/$/, ''), `${l.replace(/\/$/, '')}/`])
  )
  const gitignoreAdditions = config.gitignore
    ? rulesFor(config)
        .map(r => r.pattern)
        .filter(pat => used.has(pat) && !have.has(pat))
    : []
  return { remove, gitignoreAdditions: [...new Set(gitignoreAdditions)] }
}

/** The .gitignore text with the additions appended under one comment line. */
export function appendGitignore(existing: string, additions: readonly string[]): string {
  if (additions.length === 0) return existing
  const base = existing === '' || existing.endsWith('\n') ? existing : `${existing}\n`
  const sep = base === '' ? '' : '\n'
  return `${base}${sep}# Added by pymaint cleanup\n${additions.join('\n')}\n`
}
