// Every check pymaint knows, by id. Adding a tool is one module in src/checks/ plus its row here.
import type { Config } from '../config/types.js'
import type { Check } from './check.js'
import { ruffCheck } from './ruff.js'
import { ruffFormatCheck } from './ruff-format.js'
import { mypyCheck } from './mypy.js'
import { pytestCheck } from './pytest.js'
import { banditCheck } from './bandit.js'
import { structureCheck } from './structure.js'
import { customCheck } from './custom.js'
import { pipAuditCheck } from './pip-audit.js'
import { safetyCheck } from './safety.js'

const BUILTIN: Record<string, Check> = {
  ruff: ruffCheck,
  'ruff-format': ruffFormatCheck,
  mypy: mypyCheck,
  pytest: pytestCheck,
  bandit: banditCheck,
  structure: structureCheck,
  'pip-audit': pipAuditCheck,
  safety: safetyCheck
}

export function builtinCheck(id: string): Check | undefined {
  return BUILTIN[id]
}

/** The checks a config selects, in its order (custom ones from [tool.pymaint.checks.<id>]);
 * ids without a module yet are left out. */
export function checksFor(config: Config): Check[] {
  const out: Check[] = []
  for (const id of config.checks) {
    const def = config.custom[id]
    const c = BUILTIN[id] ?? (def ? customCheck(def) : undefined)
    if (c) out.push(c)
  }
  return out
}
