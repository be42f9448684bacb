import * as core from '../actions-core.js'
import { InputError } from '../errors.js'

/** Reads one raw input by name; the default reads the runner's INPUT_* variables. */
export type ReadInput = (name: string) => string

export const readActionInput: ReadInput = name => core.getInput(name)

/** Typed accessors over raw inputs; every refusal names the input. */
export class Inputs {
  constructor(private readonly read: ReadInput = readActionInput) {}

  string(name: string): string {
    return this.read(name).trim()
  }

  optional(name: string): string | undefined {
    return this.string(name) || undefined
  }

  /** Keeps the text as written (multi-line values, secret strings). */
  raw(name: string): string {
    return this.read(name)
  }

  required(name: string, why: string): string {
    const value = this.string(name)
    if (!value) throw new InputError(name, `is required ${why}`)
    return value
  }

  bool(name: string, fallback?: boolean): boolean {
    const value = this.string(name).toLowerCase()
    if (value === '' && fallback !== undefined) return fallback
    if (value === 'true') return true
    if (value === 'false') return false
    throw new InputError(name, `must be true or false, got '${this.string(name)}'`)
  }

  int(name: string, range: { min: number; max: number }, fallback?: number): number {
    const text = this.string(name)
    if (text === '' && fallback !== undefined) return fallback
    if (!/^\d+$/.test(text)) {
      throw new InputError(name, `must be a whole number, got '${text}'`)
    }
    const value = Number(text)
    if (value < range.min || value > range.max) {
      throw new InputError(name, `must be between ${range.min} and ${range.max}, got ${value}`)
    }
    return value
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback?: T): T {
    const text = this.string(name)
    if (text === '' && fallback !== undefined) return fallback
    const match = allowed.find(option => option.toLowerCase() === text.toLowerCase())
    if (match === undefined) {
      throw new InputError(name, `must be one of ${allowed.join(', ')}; got '${text}'`)
    }
    return match
  }

  /** Refuses inputs that mean nothing in this configuration, rather than ignoring them. */
  forbid(names: readonly string[], reason: string): void {
    const given = names.find(name => this.optional(name) !== undefined)
    if (given !== undefined) throw new InputError(given, reason)
  }

  /** Non-empty lines, trimmed. */
  lines(name: string): string[] {
    return this.read(name)
      .split(/\r?\n/)
      .map(line => line.trim())
      .filter(line => line !== '')
  }
}
