// Every check pymaint knows, by id. Adding a tool is one module in src/checks/ plus its row here.
import type { Config } from '../config/types.js'
import type { Check } from './check.js'
import { ruffCheck } from './ruff.js'
import { ruffFormatCheck } from './ruff-format.js'
import { mypyCheck } from './mypy.js'
import { pytestCheck } from './pytest.js'

const BUILTIN: Record<string, Check> = {
  ruff: ruffCheck,
  'ruff-format': ruffFormatCheck,
  mypy: mypyCheck,
  pytest: pytestCheck
}

export function builtinCheck(id: string): Check | undefined {
  return BUILTIN[id]
}

/** The checks a config selects, in its order; ids without a module yet are left out. */
export function checksFor(config: Config): Check[] {
  const out: Check[] = []
  for (const id of config.checks) {
    const c = BUILTIN[id]
    if (c) out.push(c)
  }
  return out
}
