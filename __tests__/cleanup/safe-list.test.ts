import { describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { appendGitignore, planCleanup, SAFE_LIST } from '../../src/cleanup/safe-list.js'

const cfg = { extend: [] as string[], exclude: [] as string[], gitignore: false }

describe('planCleanup', () => {
  it('removes tracked junk and keeps real files that only look alike', () => {
    const tracked = [
      'src/pkg/__init__.py',
      'src/pkg/__pycache__/__init__.cpython-312.pyc',
      'src/pkg/mod.pyc',
      '.coverage',
      '.coverage.host.123.456',
      '.coveragerc',
      'htmlcov/index.html',
      'src/pkg.egg-info/PKG-INFO',
      'docs/.DS_Store',
      'notes.txt~',
      '.mod.py.swp',
      'build/lib/pkg/x.py',
      'dist/pkg-1.0.tar.gz',
      'my__pycache__/x.py',
      '__pycache__',
      'src/pkg/pyc.py',
      'mod.pyc.bak',
      '.pytest_cache/v/cache/lastfailed',
      '.github/workflows/old.yml~',
      '.gitignore'
    ]
    const plan = planCleanup(tracked, cfg)
    expect(plan.remove.map(r => r.path)).toEqual([
      '.coverage',
      '.coverage.host.123.456',
      '.mod.py.swp',
      '.pytest_cache/v/cache/lastfailed',
      'docs/.DS_Store',
      'htmlcov/index.html',
      'notes.txt~',
      'src/pkg.egg-info/PKG-INFO',
      'src/pkg/__pycache__/__init__.cpython-312.pyc',
      'src/pkg/mod.pyc'
    ])
    const why = Object.fromEntries(plan.remove.map(r => [r.path, r.pattern]))
    expect(why['src/pkg/__pycache__/__init__.cpython-312.pyc']).toBe('__pycache__/')
    expect(why['src/pkg/mod.pyc']).toBe('*.pyc')
    expect(plan.gitignoreAdditions).toEqual([])
  })

  it('honours extend and exclude, anchored and unanchored', () => {
    const tracked = ['build/x.o', 'src/build/y.py', 'tests/data/.coverage', 'a/__pycache__/b.pyc']
    const plan = planCleanup(tracked, {
      extend: ['/build/'],
      exclude: ['tests/data/', '__pycache__'],
      gitignore: false
    })
    expect(plan.remove).toEqual([
      {
        path: 'build/x.o',
        pattern: '/build/',
        reason: 'matches `/build/` from [tool.pymaint.cleanup] extend'
      }
    ])
  })

  it('proposes only the .gitignore lines that matched and are not there yet', () => {
    const tracked = ['a/__pycache__/b.pyc', 'x.pyc', '.DS_Store']
    const plan = planCleanup(tracked, { ...cfg, gitignore: true }, '# mine\n__pycache__\n')
    expect(plan.gitignoreAdditions).toEqual(['*.pyc', '.DS_Store'])
    expect(appendGitignore('# mine\n__pycache__', plan.gitignoreAdditions)).toBe(
      '# mine\n__pycache__\n\n# Added by pymaint cleanup\n*.pyc\n.DS_Store\n'
    )
    expect(appendGitignore('', ['*.pyc'])).toBe('# Added by pymaint cleanup\n*.pyc\n')
  })

  it('ignores paths that are not plain relative paths', () => {
    const plan = planCleanup(['/etc/x.pyc', '../x.pyc', 'a//b.pyc', './ok.pyc'], cfg)
    expect(plan.remove.map(r => r.path)).toEqual(['ok.pyc'])
  })
})

// An oracle written independently of picomatch: segment and suffix tests straight from the
// list's meaning. A path may be removed only if the oracle says it is junk.
const DIR_NAMES = new Set([
  '__pycache__',
  '.pytest_cache',
  '.mypy_cache',
  '.ruff_cache',
  '.tox',
  '.nox',
  'htmlcov',
  '.eggs',
  '.ipynb_checkpoints'
])
const FILE_NAMES = new Set([
  '.dmypy.json',
  '.coverage',
  '.DS_Store',
  'Thumbs.db',
  'ehthumbs.db',
  'desktop.ini'
])
function oracleJunk(p: string): boolean {
  const segs = p.split('/')
  const dirs = segs.slice(0, -1)
  const name = segs[segs.length - 1]!
  if (p === '.gitignore' || name === '.gitignore' || p === '.gitattributes') return false
  if (p.startsWith('.github/workflows/')) return false
  if (dirs.some(d => DIR_NAMES.has(d) || (d.endsWith('.egg-info') && d.length > 0))) return true
  if (FILE_NAMES.has(name)) return true
  if (name.startsWith('.coverage.')) return true
  return ['.pyc', '.pyo', '.swp', '.swo', '~'].some(s => name.endsWith(s))
}

const segment = fc.oneof(
  fc.constantFrom(
    'src',
    'pkg',
    'tests',
    'build',
    'dist',
    'docs',
    '.github',
    'workflows',
    '__pycache__',
    'my__pycache__',
    '__pycache__x',
    '.pytest_cache',
    '.mypy_cache',
    '.ruff_cache',
    'htmlcov',
    'pkg.egg-info',
    'egg-info',
    '.eggs',
    '.tox',
    '.ipynb_checkpoints',
    'node_modules',
    '.venv'
  ),
  fc.stringMatching(/^[a-zA-Z_.~-]{1,8}$/).filter(s => s !== '.' && s !== '..')
)
const leaf = fc.oneof(
  fc.constantFrom(
    'mod.py',
    'mod.pyc',
    'mod.pyo',
    'mod.pyc.bak',
    'pyc',
    '.coverage',
    '.coveragerc',
    '.coverage.x.1',
    'coverage.xml',
    '.DS_Store',
    'Thumbs.db',
    'desktop.ini',
    'a.swp',
    'a.swo',
    'a~',
    '~a',
    '.gitignore',
    'setup.cfg',
    'README.md',
    'x.so',
    '__pycache__'
  ),
  segment
)
const pathArb = fc
  .tuple(fc.array(segment, { maxLength: 4 }), leaf)
  .map(([dirs, name]) => [...dirs, name].join('/'))

describe('planCleanup property', () => {
  it('never plans a path outside the safe list, and finds every one inside it', () => {
    fc.assert(
      fc.property(fc.uniqueArray(pathArb, { maxLength: 60 }), tracked => {
        const plan = planCleanup(tracked, cfg)
        const removed = new Set(plan.remove.map(r => r.path))
        for (const p of removed) {
          expect(tracked).toContain(p)
          expect(oracleJunk(p)).toBe(true)
        }
        for (const p of tracked) if (oracleJunk(p)) expect(removed.has(p)).toBe(true)
      }),
      { numRuns: 400 }
    )
  })

  it('never plans an excluded path, whatever the exclude patterns', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(pathArb, { maxLength: 40 }),
        fc.array(segment, { minLength: 1, maxLength: 3 }),
        (tracked, excl) => {
          const plan = planCleanup(tracked, { ...cfg, exclude: excl.map(e => `${e}/`) })
          for (const r of plan.remove) {
            const dirs = r.path.split('/').slice(0, -1)
            expect(dirs.some(d => excl.includes(d))).toBe(false)
          }
        }
      ),
      { numRuns: 200 }
    )
  })

  it('lists a reason from the safe list for every removal', () => {
    const reasons = new Set(SAFE_LIST.map(r => r.reason))
    fc.assert(
      fc.property(fc.uniqueArray(pathArb, { maxLength: 40 }), tracked => {
        for (const r of planCleanup(tracked, cfg).remove) expect(reasons.has(r.reason)).toBe(true)
      }),
      { numRuns: 100 }
    )
  })
})
