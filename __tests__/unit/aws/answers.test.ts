import { describe, expect, it } from '@jest/globals'
import { isoDate, replicationStatus } from '../../../src/aws/answers.js'

describe('isoDate', () => {
  it('is ISO text, or undefined for a date outside the range of Date', () => {
    expect(isoDate(new Date(0))).toBe('1970-01-01T00:00:00.000Z')
    expect(isoDate(new Date(8.64e15 + 1))).toBeUndefined()
    expect(isoDate(undefined)).toBeUndefined()
  })
})

describe('replicationStatus', () => {
  it('maps each region to its status, Unknown when none is given', () => {
    expect(
      replicationStatus([{ Region: 'eu-west-1', Status: 'InSync' }, { Region: 'us-west-2' }])
    ).toEqual({ 'eu-west-1': 'InSync', 'us-west-2': 'Unknown' })
    expect(replicationStatus(undefined)).toEqual({})
  })
})
