// A small zip reader (central directory, stored and deflated entries) so tests can open the
// artifacts the real @actions/artifact client uploads.
import { inflateRawSync } from 'node:zlib'

export interface ZipEntry {
  name: string
  data: Buffer
  /** Whether the entry is a directory (name ends in "/"). */
  directory: boolean
}

export function readZip(zip: Buffer): ZipEntry[] {
  let eocd = -1
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65557); i--)
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i
      break
    }
  if (eocd < 0) throw new Error('not a zip archive: no end of central directory')
  const count = zip.readUInt16LE(eocd + 10)
  let p = zip.readUInt32LE(eocd + 16)
  const entries: ZipEntry[] = []
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error('corrupt central directory')
    const method = zip.readUInt16LE(p + 10)
    const compressed = zip.readUInt32LE(p + 20)
    const nameLen = zip.readUInt16LE(p + 28)
    const extraLen = zip.readUInt16LE(p + 30)
    const commentLen = zip.readUInt16LE(p + 32)
    const local = zip.readUInt32LE(p + 42)
    const name = zip.subarray(p + 46, p + 46 + nameLen).toString('utf8')
    p += 46 + nameLen + extraLen + commentLen
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28)
    const raw = zip.subarray(start, start + compressed)
    const data =
      method === 0 ? Buffer.from(raw) : method === 8 ? inflateRawSync(raw) : Buffer.alloc(0)
    if (method !== 0 && method !== 8) throw new Error(`zip method ${method} not supported`)
    entries.push({ name, data, directory: name.endsWith('/') })
  }
  return entries
}

/** path -> UTF-8 content of the files in a zip (directories left out). */
export function zipFiles(zip: Buffer): Record<string, string> {
  const out: Record<string, string> = {}
  for (const e of readZip(zip)) if (!e.directory) out[e.name] = e.data.toString('utf8')
  return out
}
