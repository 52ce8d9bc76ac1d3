// The job summary's publishing table: one row per publisher, results and reasons escaped.
import { describe, expect, it } from '@jest/globals'
import { renderPublishSection } from '../../src/publish/summary.js'

describe('renderPublishSection', () => {
  it('lists each publisher with its result, reason and link', () => {
    const md = renderPublishSection([
      { id: 'code-scanning', result: 'skipped', reason: 'code scanning is not enabled | 403' },
      { id: 'pages', result: 'failed', reason: 'GitHub failed (500 <boom>)', required: false },
      {
        id: 'artifact',
        result: 'done',
        reason: '5 files',
        url: 'https://github.com/o/r/actions/runs/1/artifacts/2'
      }
    ])
    const rows = md
      .split('\n')
      .filter(l => l.startsWith('| ') && !l.startsWith('| Publisher') && !l.startsWith('| ---'))
    expect(rows).toHaveLength(3)
    expect(rows[0]).toContain('⏭️ skipped')
    expect(rows[0]).toContain('not enabled \\| 403')
    expect(rows[1]).toContain('&lt;boom&gt;')
    expect(rows[2]).toContain('[link](https://github.com/o/r/actions/runs/1/artifacts/2)')
  })
  it('marks a failed required publisher', () => {
    expect(
      renderPublishSection([{ id: 'code-scanning', result: 'failed', required: true }])
    ).toContain('failed (required)')
  })
  it('is empty without publishers', () => {
    expect(renderPublishSection([])).toBe('')
  })
})
