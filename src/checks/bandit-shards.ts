// bandit is single-threaded: on big trees pymaint lists the files bandit would scan (same walk,
// same include/exclude matching as bandit's manager), splits them into size-balanced shards run
// side by side, and merges the JSON reports so the result equals one bandit process.
import path from 'node:path'
import { writeFile } from 'node:fs/promises'
import { run } from '../tools/exec.js'
import type { BanditReport } from './bandit-parse.js'
import { compareResults } from './bandit-parse.js'

/**
 * Each shard must carry at least this much source (~15k lines, 1–2.5 s of bandit at 6–18k
 * lines/s) so it repays bandit's ~0.3 s start-up several times over; below 2 × this the tree is
 * scanned by one process.
 */
export const MIN_SHARD_BYTES = 512 * 1024

export interface PyFile {
  path: string
  size: number
}

export interface Listing {
  files: PyFile[]
  /** `.bandit` files bandit itself would discover under the targets (recursive mode). */
  iniFiles: string[]
}

// Mirrors bandit.core.manager.discover_files/_is_file_included (1.6 and 1.7 alike): os.walk,
// fnmatch on the joined path, exclusions as globs OR substrings, a dir in -x becomes `dir/*`.
const LIST_PROGRAM = `
import fnmatch, json, os, sys
spec = json.loads(sys.argv[1])
inc = spec["include"] or ["*.py"]
exc = []
for p in spec["exclude"]:
    exc.append(os.path.join(p, "*") if os.path.isdir(p) else p)
def match(p, globs):
    return any(fnmatch.fnmatch(p, g) for g in globs)
files, inis = [], []
for t in spec["targets"]:
    if os.path.isdir(t):
        for root, _, names in os.walk(t):
            for n in names:
                p = os.path.join(root, n)
                if n == ".bandit":
                    inis.append(p)
                if match(p, inc) and not match(p, exc) and not any(x in p for x in exc):
                    files.append([p, os.path.getsize(p)])
    elif os.path.isfile(t) and not match(t, exc) and not any(x in t for x in exc):
        files.append([t, os.path.getsize(t)])
files = sorted(set(map(tuple, files)))
print(json.dumps({"files": [{"path": p, "size": s} for p, s in files], "iniFiles": sorted(inis)}))
`

export async function listBanditFiles(
  python: string,
  root: string,
  targets: string[],
  exclude: string[]
): Promise<Listing> {
  const spec = JSON.stringify({ targets, exclude, include: ['*.py'] })
  const r = await run(python, ['-c', LIST_PROGRAM, spec], { cwd: root, timeoutMs: 120_000 })
  if (r.exitCode !== 0)
    throw new Error(`listing Python files failed: ${(r.stderr || r.stdout).trim().slice(0, 200)}`)
  return JSON.parse(r.stdout) as Listing
}

/** How many shards a tree is worth on `cores` cores (1 = do not shard). */
export function shardCount(totalBytes: number, cores: number, fileCount: number): number {
  return Math.max(1, Math.min(cores, fileCount, Math.floor(totalBytes / MIN_SHARD_BYTES)))
}

/** Longest-processing-time-first: biggest file to the lightest shard; paths sorted within. */
export function splitShards(files: PyFile[], n: number): PyFile[][] {
  const shards: { bytes: number; files: PyFile[] }[] = Array.from({ length: n }, () => ({
    bytes: 0,
    files: []
  }))
  const bySize = [...files].sort((a, b) => b.size - a.size || (a.path < b.path ? -1 : 1))
  for (const f of bySize) {
    let best = shards[0]!
    for (const s of shards) if (s.bytes < best.bytes) best = s
    best.files.push(f)
    best.bytes += Math.max(1, f.size)
  }
  return shards
    .filter(s => s.files.length > 0)
    .map(s => s.files.sort((a, b) => (a.path < b.path ? -1 : 1)))
}

export function mergeReports(reports: BanditReport[]): BanditReport {
  const totals: Record<string, number> = {}
  const metrics: Record<string, Record<string, number>> = {}
  for (const r of reports) {
    for (const [k, v] of Object.entries(r.metrics ?? {})) {
      if (k !== '_totals') {
        metrics[k] = v
        continue
      }
      for (const [mk, mv] of Object.entries(v)) totals[mk] = (totals[mk] ?? 0) + mv
    }
  }
  metrics._totals = totals
  return {
    errors: reports.flatMap(r => r.errors).sort((a, b) => (a.filename < b.filename ? -1 : 1)),
    results: reports.flatMap(r => r.results).sort(compareResults),
    metrics
  }
}

/** Writes each shard's file list for the log/troubleshooting and returns the argv file lists. */
export async function describeShards(tmpDir: string, shards: PyFile[][]): Promise<string[][]> {
  const lists = shards.map(s => s.map(f => f.path))
  await writeFile(path.join(tmpDir, 'shards.json'), JSON.stringify(lists, null, 1))
  return lists
}
