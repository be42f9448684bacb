// Which modes the bundle routes today: the keys of `handlers` in src/modes/index.ts. Tables of
// cases carry the mode they exercise; cases of modes not registered yet are skipped, so a mode
// is covered by the security suites the moment it is registered.
import { it } from '@jest/globals'
import type { Mode } from '../../src/inputs/common.js'
import { handlers } from '../../src/modes/index.js'

export const registeredModes: readonly string[] = Object.keys(handlers)

export function isRegistered(mode: Mode): boolean {
  return registeredModes.includes(mode)
}

export interface CaseGate {
  mode: Mode
  /** A feature the case needs that is not merged yet (e.g. 'role-assumption'): skipped. */
  pending?: string
}

/** `it` for a case whose mode is registered and that waits for nothing, else `it.skip`. */
export function caseTest(gate: CaseGate): typeof it | typeof it.skip {
  return isRegistered(gate.mode) && gate.pending === undefined ? it : it.skip
}

/** The test name of a case: the mode first, and why a skipped case waits. */
export function caseName(gate: CaseGate, what: string): string {
  const waiting = !isRegistered(gate.mode)
    ? ` [skipped: mode ${gate.mode} not registered]`
    : gate.pending
      ? ` [skipped: waits for ${gate.pending}]`
      : ''
  return `${gate.mode}: ${what}${waiting}`
}
