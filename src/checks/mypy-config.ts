// When a module with a syntax error is imported by others, --exclude is not enough: mypy follows
// the import and aborts again. This writes a copy of the project's mypy config (same settings)
// that adds `follow_imports = skip` for those modules, so their importers still get checked.
import { existsSync, readFileSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import { parse as parseToml, stringify as stringifyToml } from 'smol-toml'

export interface MypyConfigFile {
  file: string
  kind: 'ini' | 'toml'
}

/** The config file mypy itself would read in `root`, in mypy's own search order. */
export function projectMypyConfig(root: string): MypyConfigFile | null {
  for (const name of ['mypy.ini', '.mypy.ini']) {
    const f = path.join(root, name)
    if (existsSync(f)) return { file: f, kind: 'ini' }
  }
  const py = path.join(root, 'pyproject.toml')
  if (existsSync(py) && /^\s*\[\s*tool\.mypy\s*[\].]/m.test(readFileSync(py, 'utf8')))
    return { file: py, kind: 'toml' }
  const cfg = path.join(root, 'setup.cfg')
  if (existsSync(cfg) && /^\s*\[mypy[\]-]/m.test(readFileSync(cfg, 'utf8')))
    return { file: cfg, kind: 'ini' }
  return null
}

function isPackageDir(dir: string): boolean {
  return existsSync(path.join(dir, '__init__.py')) || existsSync(path.join(dir, '__init__.pyi'))
}

/**
 * The dotted names a project file may be imported as: the name through its enclosing packages
 * (what mypy computes for regular packages), plus, without an `__init__`, every path suffix.
 */
export function moduleNames(root: string, rel: string): string[] {
  const abs = path.join(root, rel)
  const parts = rel.replace(/\.pyi?$/, '').split('/')
  const isInit = parts[parts.length - 1] === '__init__'
  if (isInit) parts.pop()
  let packages = 0
  for (let dir = path.dirname(abs); path.relative(root, dir) !== '' && isPackageDir(dir);) {
    packages++
    dir = path.dirname(dir)
  }
  const names = new Set<string>()
  names.add(parts.slice(Math.max(0, parts.length - packages - (isInit ? 0 : 1))).join('.'))
  if (!isPackageDir(path.dirname(abs)))
    for (let i = 0; i < parts.length; i++) names.add(parts.slice(i).join('.'))
  return [...names].filter(n => /^\w+(\.\w+)*$/.test(n))
}

/** Writes the config copy into dir; returns its path, or null when the original is unreadable. */
export async function writeSkipConfig(
  original: MypyConfigFile | null,
  modules: string[],
  dir: string
): Promise<string | null> {
  // $MYPY_CONFIG_FILE_DIR must keep meaning the project's config directory.
  const text = original
    ? readFileSync(original.file, 'utf8').replaceAll(
        '$MYPY_CONFIG_FILE_DIR',
        path.dirname(original.file)
      )
    : ''
  if (original?.kind === 'toml') {
    let doc: Record<string, unknown>
    try {
      doc = parseToml(text) as Record<string, unknown>
    } catch {
      return null
    }
    const mypy = { ...((doc.tool as Record<string, unknown>)?.mypy as Record<string, unknown>) }
    const overrides = Array.isArray(mypy.overrides) ? [...(mypy.overrides as unknown[])] : []
    overrides.push({ module: modules, follow_imports: 'skip' })
    mypy.overrides = overrides
    const file = path.join(dir, 'pymaint-mypy.toml')
    await writeFile(file, stringifyToml({ tool: { mypy } }))
    return file
  }
  const sections = modules.map(m => `\n[mypy-${m}]\nfollow_imports = skip\n`)
  const base = original ? text : '[mypy]\n'
  const file = path.join(dir, 'pymaint-mypy.ini')
  await writeFile(file, `${base}\n${sections.join('')}`)
  return file
}
