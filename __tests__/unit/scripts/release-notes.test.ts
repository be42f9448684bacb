import { describe, expect, it } from '@jest/globals'
import { releaseNotes } from '../../../scripts/release-notes.mjs'

const CHANGELOG = [
  '# Changelog',
  '',
  '## [Unreleased]',
  '',
  '## [1.2.0] - 2026-12-01',
  '',
  '### Fixed',
  '',
  '- one fix',
  '',
  '## [1.1.0] - 2026-11-01',
  '',
  '- older'
].join('\r\n')

describe('scripts/release-notes.mjs', () => {
  it("gives the tag's CHANGELOG section without its heading", () => {
    expect(releaseNotes(CHANGELOG, 'v1.2.0')).toBe('### Fixed\n\n- one fix')
    expect(releaseNotes(CHANGELOG, 'v1.1.0')).toBe('- older')
  })

  it('gives nothing for a version without a section, or an empty one', () => {
    expect(releaseNotes(CHANGELOG, 'v1.3.0')).toBeUndefined()
    expect(releaseNotes('## [1.0.0]\n\n## [0.9.0]\n- x', 'v1.0.0')).toBeUndefined()
    expect(releaseNotes(CHANGELOG, 'v1.2')).toBeUndefined()
  })
})
