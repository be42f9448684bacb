import { describe, expect, it } from '@jest/globals'
import { pendingEnvName } from '../../../src/rotation/in-workflow.js'
import {
  blockingPending,
  describeLabels,
  dropLabel,
  formatAge,
  promotedStages,
  stageRows
} from '../../../src/rotation/stages.js'
import { pollDelays } from '../../../src/rotation/waiter.js'

describe('stages', () => {
  it('shows a promotion as AWS makes it: AWSPREVIOUS moves to the version AWSCURRENT left', () => {
    const stages = { old: ['AWSPREVIOUS'], cur: ['AWSCURRENT'], next: ['AWSPENDING'], x: ['TAG'] }
    expect(promotedStages(stages, 'next', false)).toEqual({
      cur: ['AWSPREVIOUS'],
      next: ['AWSCURRENT'],
      x: ['TAG']
    })
    expect(promotedStages(stages, 'next', true)).toEqual({
      cur: ['AWSPREVIOUS'],
      next: ['AWSCURRENT', 'AWSPENDING'],
      x: ['TAG']
    })
    // Already current (a finish run again): only AWSPENDING goes.
    const done = { cur: ['AWSPREVIOUS'], next: ['AWSCURRENT', 'AWSPENDING'] }
    expect(promotedStages(done, 'next', false)).toEqual({
      cur: ['AWSPREVIOUS'],
      next: ['AWSCURRENT']
    })
    expect(stages.next).toEqual(['AWSPENDING'])
  })

  it('finds the AWSPENDING that blocks a rotation, not one left on AWSCURRENT', () => {
    expect(blockingPending({ a: ['AWSCURRENT'], b: ['AWSPENDING'] })).toBe('b')
    expect(blockingPending({ a: ['AWSCURRENT', 'AWSPENDING'], b: ['AWSPREVIOUS'] })).toBe(undefined)
    expect(blockingPending({ a: ['AWSCURRENT'] })).toBe(undefined)
  })

  it('drops a label and forgets a version left without labels', () => {
    const stages = { a: ['AWSCURRENT', 'AWSPENDING'], b: ['AWSPENDING'] }
    dropLabel(stages, 'a', 'AWSPENDING')
    dropLabel(stages, 'b', 'AWSPENDING')
    expect(stages).toEqual({ a: ['AWSCURRENT'] })
  })

  it('describes labels and summary rows with ids only', () => {
    expect(describeLabels({ a: ['AWSCURRENT'], b: ['AWSPENDING', 'x'] })).toBe(
      'a: AWSCURRENT; b: AWSPENDING, x'
    )
    expect(describeLabels({})).toBe('(no labelled versions)')
    expect(stageRows({ a: ['AWSCURRENT'] }, { a: ['AWSPREVIOUS'], b: ['AWSCURRENT'] })).toEqual([
      ['a', 'AWSCURRENT', 'AWSPREVIOUS'],
      ['b', '-', 'AWSCURRENT']
    ])
  })

  it('says how old a stale version is', () => {
    expect(formatAge(10_000)).toBe('less than a minute')
    expect(formatAge(60_000)).toBe('1 minute')
    expect(formatAge(90 * 60_000)).toBe('90 minutes')
    expect(formatAge(5 * 3_600_000)).toBe('5 hours')
    expect(formatAge(3 * 86_400_000)).toBe('3 days')
  })
})

describe('pollDelays', () => {
  it('keeps the first delay under the timeout, as createWaiter requires', () => {
    for (const timeout of [1, 3, 300, 3600]) {
      const { minDelay, maxDelay } = pollDelays(timeout)
      expect(minDelay).toBeGreaterThan(0)
      expect(minDelay).toBeLessThan(timeout)
      expect(maxDelay).toBeGreaterThanOrEqual(minDelay)
    }
    expect(pollDelays(300)).toEqual({ minDelay: 2, maxDelay: 20 })
  })
})

describe('pendingEnvName', () => {
  it('names rotated fields PENDING_<FIELD>', () => {
    expect(pendingEnvName('password')).toBe('PENDING_PASSWORD')
    expect(pendingEnvName('db-pass.v2')).toBe('PENDING_DB_PASS_V2')
    expect(pendingEnvName('2fa')).toBe('PENDING_2FA')
  })
})
