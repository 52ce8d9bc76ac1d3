// Path normalisation shared by every check: tools print absolute or cwd-relative paths in their
// own style; findings carry repository-relative POSIX paths.
import path from 'node:path'

export function relPath(root: string, file: string): string {
  if (!file) return ''
  const abs = path.isAbsolute(file) ? file : path.resolve(root, file)
  const rel = path.relative(root, abs)
  return rel.split(path.sep).join('/')
}
