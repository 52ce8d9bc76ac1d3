import { describe, expect, it } from '@jest/globals'
import { failsRun, maxGate, minGate, verdictOf } from '../../src/gates.js'

describe('gates', () => {
  it('maxGate: clean passes, allowance warns, over fails', () => {
    expect(maxGate('lint', 'ruff', 0, 0, 'lint violations').status).toBe('passed')
    expect(maxGate('lint', 'ruff', 2, 5, 'lint violations')).toMatchObject({
      status: 'warning',
      passed: true,
      message: '2 lint violations (at most 5 allowed)'
    })
    expect(maxGate('lint', 'ruff', 6, 5, 'lint violations')).toMatchObject({
      status: 'failed',
      passed: false,
      actual: 6,
      threshold: 5
    })
  })
  it('minGate: at the threshold passes, below fails, unknown fails', () => {
    expect(minGate('coverage', 'pytest', 95, 95, 'coverage').status).toBe('passed')
    expect(minGate('coverage', 'pytest', 94.994, 95, 'coverage')).toMatchObject({
      status: 'failed',
      actual: 94.99
    })
    expect(minGate('coverage', 'pytest', null, 95, 'coverage').status).toBe('failed')
  })
  it('verdict and fail-on', () => {
    const g = (status: 'passed' | 'warning' | 'failed') => ({
      id: 'x',
      check: 'x',
      passed: status !== 'failed',
      status,
      actual: 0,
      threshold: 0,
      message: ''
    })
    expect(verdictOf([g('passed'), g('warning')])).toBe('warning')
    expect(verdictOf([g('warning'), g('failed')])).toBe('failing')
    expect(verdictOf([])).toBe('passing')
    expect(failsRun('warning', 'failing')).toBe(false)
    expect(failsRun('warning', 'warning')).toBe(true)
    expect(failsRun('failing', 'never')).toBe(false)
    expect(failsRun('failing', 'failing')).toBe(true)
  })
})
