// validateReport(report): checks a Report (or parsed report.json) against the published
// schema/report.schema.json with ajv; returns ajv's errors as readable lines ([] when valid).
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import Ajv2020Module from 'ajv/dist/2020.js'

const here = path.dirname(fileURLToPath(import.meta.url))
export const SCHEMA_PATH = path.join(here, '..', '..', 'schema', 'report.schema.json')

type AjvCtor = typeof Ajv2020Module.default
const Ajv2020 = ((Ajv2020Module as unknown as { default?: AjvCtor }).default ??
  Ajv2020Module) as AjvCtor

let compiled: ReturnType<InstanceType<AjvCtor>['compile']> | undefined

function validator(): NonNullable<typeof compiled> {
  if (!compiled) {
    const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true })
    ajv.addFormat('date-time', s => !Number.isNaN(Date.parse(s)) && /^\d{4}-\d\d-\d\dT/.test(s))
    compiled = ajv.compile(JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as object)
  }
  return compiled
}

export function validateReport(report: unknown): string[] {
  const v = validator()
  // Validate what report.json holds, not the in-memory object (undefined fields vanish).
  const data: unknown = JSON.parse(JSON.stringify(report))
  if (v(data)) return []
  return (v.errors ?? []).map(e => `${e.instancePath || '/'} ${e.message ?? ''}`.trim())
}
