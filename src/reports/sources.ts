// Read-only access to the project's source lines, for clamping report positions to the real
// file and for snippets. Cached; unreadable or huge files count as absent.
import { readFileSync, statSync } from 'node:fs'
import path from 'node:path'

const MAX_BYTES = 8 * 1024 * 1024

export interface SourceLines {
  /** The lines of a project-relative POSIX path, or null when it cannot be read. */
  lines(file: string): string[] | null
}

export function projectSources(root: string): SourceLines {
  const cache = new Map<string, string[] | null>()
  return {
    lines(file: string): string[] | null {
      if (!file) return null
      let got = cache.get(file)
      if (got !== undefined) return got
      got = null
      try {
        const abs = path.resolve(root, file)
        if (abs.startsWith(path.resolve(root) + path.sep) && statSync(abs).size <= MAX_BYTES)
          got = readFileSync(abs, 'utf8').split(/\r\n|\r|\n/)
      } catch {
        /* absent, a directory or unreadable: positions stay as the tool gave them */
      }
      cache.set(file, got)
      return got
    }
  }
}

/** No file access at all (tests, benchmarks of the pure renderers). */
export const noSources: SourceLines = { lines: () => null }
