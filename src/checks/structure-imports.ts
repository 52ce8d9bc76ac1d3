// Layer and independence contracts: every import found by Python's own `ast` (run with the
// project interpreter, so its syntax is the project's), relative imports resolved, then the
// contracts checked here. Strings, comments and docstrings never look like imports to `ast`.
import path from 'node:path'
import { run } from '../tools/exec.js'
import type { Finding } from '../findings/model.js'

export interface PyImport {
  file: string
  line: number
  col: number
  /** `import a.b` → 'a.b'; `from .x import y` → 'x'; `from . import y` → ''. */
  module: string
  level: number
  names: string[]
  typeChecking: boolean
  /** Inside a def/class body (only informative). */
  nested: boolean
}

export interface ParseError {
  file: string
  line: number
  col: number
  message: string
}

export interface ImportScan {
  imports: PyImport[]
  errors: ParseError[]
}

const IMPORTS_PROGRAM = `
import ast, json, os, sys
roots = json.loads(sys.argv[1])
out = {"imports": [], "errors": []}
def is_tc(test):
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")
def visit(node, file, tc, nested):
    for field, value in ast.iter_fields(node):
        kids = value if isinstance(value, list) else [value]
        for child in kids:
            if not isinstance(child, ast.AST):
                continue
            ctc = tc or (isinstance(node, ast.If) and field == "body" and is_tc(node.test))
            cn = nested or isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda))
            if isinstance(child, ast.Import):
                for a in child.names:
                    out["imports"].append(dict(file=file, line=child.lineno, col=child.col_offset + 1,
                        module=a.name, level=0, names=[], typeChecking=ctc, nested=cn))
            elif isinstance(child, ast.ImportFrom):
                out["imports"].append(dict(file=file, line=child.lineno, col=child.col_offset + 1,
                    module=child.module or "", level=child.level or 0,
                    names=[a.name for a in child.names], typeChecking=ctc, nested=cn))
            visit(child, file, ctc, cn)
files = []
for r in roots:
    if os.path.isfile(r):
        files.append(r)
    for d, dirs, names in os.walk(r):
        dirs[:] = sorted(x for x in dirs if not x.startswith(".") and x != "__pycache__")
        files.extend(os.path.join(d, n) for n in sorted(names) if n.endswith(".py"))
for f in files:
    try:
        with open(f, "rb") as fh:
            tree = ast.parse(fh.read(), filename=f)
    except SyntaxError as e:
        out["errors"].append(dict(file=f, line=e.lineno or 0, col=e.offset or 0, message=e.msg))
        continue
    except (ValueError, UnicodeDecodeError) as e:
        out["errors"].append(dict(file=f, line=0, col=0, message=str(e)))
        continue
    visit(tree, f, False, False)
print(json.dumps(out))
`

export async function scanImports(
  python: string,
  root: string,
  dirs: string[]
): Promise<ImportScan> {
  const r = await run(python, ['-c', IMPORTS_PROGRAM, JSON.stringify(dirs)], {
    cwd: root,
    timeoutMs: 300_000
  })
  if (r.exitCode !== 0)
    throw new Error(
      `the import scanner failed under ${python}: ${(r.stderr || r.stdout).trim().split('\n').pop()}`
    )
  return JSON.parse(r.stdout) as ImportScan
}

/** Dotted module of a file under a source root: `src/a/b/__init__.py` → `a.b`. */
export function moduleOf(sourceRoot: string, file: string): { module: string; isPackage: boolean } {
  const rel = path.relative(sourceRoot, file).split(path.sep).join('/').replace(/\.py$/, '')
  const parts = rel.split('/')
  const isPackage = parts[parts.length - 1] === '__init__'
  if (isPackage) parts.pop()
  return { module: parts.join('.'), isPackage }
}

/** The absolute modules an import statement may bind (`from p import x` → `p.x`). */
export function importTargets(imp: PyImport, fileModule: string, isPackage: boolean): string[] {
  let base = imp.module
  if (imp.level > 0) {
    const pkg = fileModule.split('.')
    if (!isPackage) pkg.pop()
    const up = pkg.slice(0, Math.max(0, pkg.length - (imp.level - 1)))
    base = [...up, ...(imp.module ? [imp.module] : [])].join('.')
  }
  if (imp.names.length === 0) return [base]
  // `from p import x`: x may be the submodule p.x or a name defined in p; p.x lies in the same
  // layer as p either way once p is inside a layer, and names the layer when p is the package.
  return imp.names.map(n => (n === '*' ? base : base ? `${base}.${n}` : n))
}

const within = (mod: string, pkg: string): boolean => mod === pkg || mod.startsWith(`${pkg}.`)

export interface Contracts {
  /** Dotted root package, e.g. `shop`. */
  package: string
  layers: string[]
  independent: string[][]
  typeCheckingImports: boolean
}

/** Contract violations of one import; `relFile` is the project-relative path. */
export function contractFindings(
  scan: ImportScan,
  sourceRoot: string,
  root: string,
  c: Contracts
): Finding[] {
  const abs = (n: string): string =>
    n.includes('.') && within(n, c.package) ? n : `${c.package}.${n}`
  const layers = c.layers.map(abs)
  const groups = c.independent.map(g => g.map(abs))
  const layerOf = (m: string): number => layers.findIndex(l => within(m, l))
  const rel = (f: string): string =>
    path.relative(root, path.resolve(root, f)).split(path.sep).join('/')
  const out: Finding[] = []
  for (const imp of scan.imports) {
    if (imp.typeChecking && !c.typeCheckingImports) continue
    const { module: from, isPackage } = moduleOf(
      path.resolve(root, sourceRoot),
      path.resolve(root, imp.file)
    )
    const targets = importTargets(imp, from, isPackage)
    const here = layerOf(from)
    const seen = new Set<string>()
    for (const to of targets) {
      const there = layerOf(to)
      if (here >= 0 && there > here) {
        const key = `L${there}`
        if (seen.has(key)) continue
        seen.add(key)
        out.push({
          ruleId: 'layer-contract',
          level: 'error',
          message: `${from} (layer '${c.layers[here]}') imports ${to} from the outer layer '${c.layers[there]}'; inner layers must not depend on outer ones (${c.layers.join(' < ')})`,
          path: rel(imp.file),
          line: imp.line,
          column: imp.col,
          fingerprint: '',
          properties: {
            importer: from,
            imported: to,
            nested: imp.nested,
            typeChecking: imp.typeChecking
          }
        })
      }
      for (const g of groups) {
        const a = g.find(m => within(from, m))
        const b = g.find(m => within(to, m))
        if (a && b && a !== b && !seen.has(`I${b}`)) {
          seen.add(`I${b}`)
          out.push({
            ruleId: 'independence-contract',
            level: 'error',
            message: `${from} imports ${to}, but ${a} and ${b} must stay independent of each other`,
            path: rel(imp.file),
            line: imp.line,
            column: imp.col,
            fingerprint: '',
            properties: { importer: from, imported: to, group: g }
          })
        }
      }
    }
  }
  for (const e of scan.errors) {
    out.push({
      ruleId: 'syntax-error',
      level: 'error',
      message: `cannot parse this file, so its imports are unchecked: ${e.message}`,
      path: rel(e.file),
      line: e.line,
      column: e.col,
      fingerprint: ''
    })
  }
  return out.sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : x.line - y.line))
}
