// GitHub's REST contract from @octokit/openapi (api.github.com): routes, request-body and query
// checks with GitHub's error wording, response-schema checks, and the spec's response examples.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv'

type Json = Record<string, unknown>
interface Param {
  name: string
  in: string
  required?: boolean
  schema?: Json
  'x-multi-segment'?: boolean
}
export interface Operation {
  method: string
  template: string
  operationId: string
  documentationUrl: string
  raw: Json
}
export interface RouteMatch {
  op: Operation
  params: Record<string, string>
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head']
const NOOP_FORMATS = ['int32', 'int64', 'uri-template', 'uri', 'email', 'binary', 'hostname']
const DATE_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:?\d\d)$/

interface Route {
  template: string
  regex: RegExp
  names: string[]
  weight: number
  methods: Record<string, Json>
}

interface Spec {
  doc: Json
  routes: Route[]
}

let spec: Spec | undefined

function resolveRef(doc: Json, ref: string): Json {
  let node: unknown = doc
  for (const part of ref.replace(/^#\//, '').split('/')) node = (node as Json)[part]
  return node as Json
}

// OpenAPI 3.0 `nullable` means nothing to JSON Schema: turn it into anyOf [..., null], in place.
function rewriteNullable(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewriteNullable)
  if (!node || typeof node !== 'object') return node
  const o = node as Json
  for (const k of Object.keys(o)) o[k] = rewriteNullable(o[k])
  if (o.nullable === true) {
    const { nullable: _n, ...rest } = o
    return { anyOf: [rest, { type: 'null' }] }
  }
  return o
}

function retarget(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(retarget)
  if (!node || typeof node !== 'object') return node
  const out: Json = {}
  for (const [k, v] of Object.entries(node as Json))
    out[k] = k === '$ref' && typeof v === 'string' && v.startsWith('#/') ? `spec${v}` : retarget(v)
  return out
}

// The component schemas a schema reaches, transitively, so each operation compiles alone.
function reachable(doc: Json, root: unknown): Json {
  const schemas = (doc.components as Json).schemas as Json
  const found: Json = {}
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk)
    if (!node || typeof node !== 'object') return
    for (const [k, v] of Object.entries(node as Json)) {
      if (k === '$ref' && typeof v === 'string' && v.startsWith('#/components/schemas/')) {
        const name = v.slice('#/components/schemas/'.length)
        if (!(name in found)) {
          found[name] = schemas[name]
          walk(schemas[name])
        }
      } else walk(v)
    }
  }
  walk(root)
  return found
}

export function loadSpec(): Spec {
  if (spec) return spec
  const require = createRequire(import.meta.url)
  const file = require.resolve('@octokit/openapi/generated/api.github.com.json')
  const doc = JSON.parse(readFileSync(file, 'utf8')) as Json
  const routes: Route[] = []
  for (const [template, item] of Object.entries(doc.paths as Record<string, Json>)) {
    const methods: Record<string, Json> = {}
    for (const m of METHODS) if (item[m]) methods[m] = item[m] as Json
    const multi = new Set<string>()
    for (const op of Object.values(methods))
      for (const p of (op.parameters as Json[] | undefined) ?? []) {
        const param = (p.$ref ? resolveRef(doc, p.$ref as string) : p) as unknown as Param
        if (param['x-multi-segment']) multi.add(param.name)
      }
    const names: string[] = []
    const source = template
      .split(/(\{[^}]+\})/)
      .map(part => {
        const m = /^\{(.+)\}$/.exec(part)
        if (!m) return part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')
        names.push(m[1]!)
        return multi.has(m[1]!) ? '(.+)' : '([^/]+)'
      })
      .join('')
    const weight = template.replace(/\{[^}]+\}/g, '').length
    routes.push({ template, regex: new RegExp(`^${source}/?$`), names, weight, methods })
  }
  // Literal segments win over parameters, as on GitHub (e.g. .../git/matching-refs/{ref}).
  routes.sort((a, b) => b.weight - a.weight)
  spec = { doc, routes }
  return spec
}

/** Finds the spec operation for a request; null when no route exists or the method is absent. */
export function matchRoute(method: string, pathname: string): RouteMatch | null {
  const { routes } = loadSpec()
  const m = method.toLowerCase()
  for (const r of routes) {
    const op = r.methods[m]
    if (!op) continue
    const hit = r.regex.exec(pathname)
    if (!hit) continue
    const params: Record<string, string> = {}
    r.names.forEach((n, i) => (params[n] = decodeURIComponent(hit[i + 1]!)))
    const docs = (op.externalDocs as Json | undefined)?.url as string | undefined
    return {
      op: {
        method: m,
        template: r.template,
        operationId: op.operationId as string,
        documentationUrl: docs ?? 'https://docs.github.com/rest',
        raw: op
      },
      params
    }
  }
  return null
}

// Two strategies: a request check compiles only what its operation reaches (fast start-up for
// every test); the response check shares one compiled copy of all components, since checking
// many big responses would otherwise recompile the same schemas again and again.
class Validators {
  private ajv: Ajv
  private cache = new Map<string, ValidateFunction | null>()
  constructor(
    allErrors: boolean,
    private readonly shared: boolean
  ) {
    this.ajv = new Ajv({ strict: false, allErrors, validateSchema: false, logger: false })
    for (const f of NOOP_FORMATS) this.ajv.addFormat(f, true)
    this.ajv.addFormat('date-time', DATE_TIME)
    if (shared) {
      const schemas = (loadSpec().doc.components as Json).schemas as Json
      this.ajv.addSchema(
        { components: { schemas: rewriteNullable(structuredClone(schemas)) } },
        'spec'
      )
    }
  }
  get(key: string, schema: () => Json | undefined): ValidateFunction | null {
    if (!this.cache.has(key)) {
      const raw = schema()
      let fn: ValidateFunction | null = null
      if (raw && this.shared) fn = this.ajv.compile(rewriteNullable(retarget(raw)) as Json)
      else if (raw) {
        const own = structuredClone({
          ...raw,
          components: { schemas: reachable(loadSpec().doc, raw) }
        })
        fn = this.ajv.compile(rewriteNullable(own) as Json)
      }
      this.cache.set(key, fn)
    }
    return this.cache.get(key)!
  }
}

let requestValidators: Validators | undefined
let responseValidators: Validators | undefined

function params(op: Operation): Param[] {
  const doc = loadSpec().doc
  return ((op.raw.parameters as Json[] | undefined) ?? []).map(
    p => (p.$ref ? resolveRef(doc, p.$ref as string) : p) as unknown as Param
  )
}

function requestSchema(op: Operation): Json | undefined {
  let body = op.raw.requestBody as Json | undefined
  if (!body) return undefined
  if (body.$ref) body = resolveRef(loadSpec().doc, body.$ref as string)
  return ((body.content as Json | undefined)?.['application/json'] as Json | undefined)?.schema as
    Json | undefined
}

function fieldPath(instancePath: string, extra?: string): string {
  const parts = instancePath
    .split('/')
    .slice(1)
    .map(p => (/^\d+$/.test(p) ? 'items' : `properties/${p}`))
  if (extra) parts.push(`properties/${extra}`)
  return parts.join('/')
}

function show(v: unknown): string {
  return v === null || v === undefined ? 'nil' : JSON.stringify(v)
}

// GitHub words schema failures like its Ruby validator; these mirror its common shapes.
function githubWording(e: ErrorObject, data: unknown): string {
  let value: unknown = data
  for (const p of e.instancePath.split('/').slice(1))
    value = (value as Json | undefined)?.[decodeURIComponent(p)]
  const at = fieldPath(e.instancePath)
  const prefix = at ? `For '${at}', ` : ''
  switch (e.keyword) {
    case 'additionalProperties':
      return `${prefix}"${(e.params as { additionalProperty: string }).additionalProperty}" is not a permitted key.`
    case 'required':
      return `${prefix}"${(e.params as { missingProperty: string }).missingProperty}" wasn't supplied.`
    case 'pattern':
      return `${prefix}${show(value)} does not match /${(e.params as { pattern: string }).pattern.replace(/\//g, '\\/')}/.`
    case 'type':
      return `${prefix}${show(value)} is not ${/^[aeiou]/.test(String(e.params.type)) ? 'an' : 'a'} ${String(e.params.type)}.`
    case 'enum':
      return `${prefix}${show(value)} is not a member of ${JSON.stringify((e.params as { allowedValues: unknown[] }).allowedValues)}.`
    case 'oneOf':
    case 'anyOf':
      return `${prefix}${show(value)} No subschema in "${e.keyword}" matched.`
    case 'minLength':
    case 'maxLength':
    case 'minimum':
    case 'maximum':
    case 'minItems':
    case 'maxItems':
      return `${prefix}${show(value)} is ${e.message ?? 'out of range'}.`
    default:
      return `${prefix}${show(value)} ${e.message ?? 'is invalid'}.`
  }
}

function summarize(errors: ErrorObject[], data: unknown): string[] {
  // A failed oneOf/anyOf drags in every branch's errors; GitHub reports just the oneOf.
  const combinators = errors.filter(e => e.keyword === 'oneOf' || e.keyword === 'anyOf')
  const chosen = combinators.length
    ? combinators.filter(
        c =>
          !combinators.some(
            o =>
              o !== c &&
              c.schemaPath.startsWith(o.schemaPath.replace(/\/(oneOf|anyOf)$/, '/')) &&
              o.schemaPath.length < c.schemaPath.length
          )
      )
    : errors
  return [...new Set(chosen.map(e => githubWording(e, data)))]
}

/** Request problems in GitHub's words; empty when the request conforms. */
export function validateRequest(op: Operation, query: URLSearchParams, body: unknown): string[] {
  const problems: string[] = []
  for (const p of params(op)) {
    if (p.in !== 'query') continue
    const v = query.get(p.name)
    const schema = (p.schema ?? {}) as Json
    if (v === null) continue
    if (schema.type === 'integer' && !/^-?\d+$/.test(v))
      problems.push(`For '${p.name}', ${JSON.stringify(v)} is not an integer.`)
    if (Array.isArray(schema.enum) && !schema.enum.includes(v))
      problems.push(
        `For '${p.name}', ${JSON.stringify(v)} is not a member of ${JSON.stringify(schema.enum)}.`
      )
  }
  requestValidators ??= new Validators(false, false)
  const validate = requestValidators.get(`${op.method} ${op.template}`, () => requestSchema(op))
  if (validate && !validate(body)) problems.push(...summarize(validate.errors ?? [], body))
  return problems
}

function responseEntry(op: Operation, status: number): Json | undefined {
  const responses = op.raw.responses as Record<string, Json>
  let r = responses[String(status)]
  if (!r) return undefined
  if (r.$ref) r = resolveRef(loadSpec().doc, r.$ref as string)
  return (r.content as Json | undefined)?.['application/json'] as Json | undefined
}

/** Response-schema violations (ajv wording); a status the spec does not list is one too. */
export function validateResponse(op: Operation, status: number, body: unknown): string[] {
  const responses = op.raw.responses as Record<string, Json>
  if (!responses[String(status)])
    return [`status ${status} is not documented for ${op.operationId}`]
  responseValidators ??= new Validators(true, true)
  const validate = responseValidators.get(
    `${op.method} ${op.template} ${status}`,
    () => responseEntry(op, status)?.schema as Json | undefined
  )
  if (!validate || validate(body)) return []
  return (validate.errors ?? []).map(
    e => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`
  )
}

/** The spec's example bodies for a response, used as templates for complete objects. */
export function responseExamples(method: string, template: string, status: number): unknown[] {
  const m = matchTemplate(method, template)
  if (!m) return []
  const entry = responseEntry(m, status)
  const doc = loadSpec().doc
  return Object.values((entry?.examples as Record<string, Json> | undefined) ?? {}).map(e =>
    structuredClone((e.$ref ? resolveRef(doc, e.$ref as string) : e).value)
  )
}

function matchTemplate(method: string, template: string): Operation | null {
  const r = loadSpec().routes.find(x => x.template === template)
  const op = r?.methods[method.toLowerCase()]
  if (!op) return null
  return {
    method: method.toLowerCase(),
    template,
    operationId: op.operationId as string,
    documentationUrl: '',
    raw: op
  }
}
