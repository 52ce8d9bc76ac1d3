// Typed user-facing configuration errors: one line naming the input and what is allowed (exit 2).

export class ConfigError extends Error {
  constructor(
    readonly input: string,
    detail: string
  ) {
    super(`${input}: ${detail}`)
    this.name = 'ConfigError'
  }
}

export function isConfigError(e: unknown): e is ConfigError {
  return e instanceof ConfigError
}
