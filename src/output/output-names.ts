/** Step output names: GitHub expressions look them up ignoring case. */

const OUTPUT_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/

/**
 * Why a name cannot be a step output, or undefined. `__proto__` matches the pattern, but set on
 * a plain object it changes the object's prototype instead of adding a key: it would vanish.
 */
export function outputNameProblem(name: string): string | undefined {
  if (!OUTPUT_NAME.test(name)) return 'is not valid'
  if (name === '__proto__') return 'is reserved (__proto__)'
  return undefined
}

/** The form two output names share when `steps.<id>.outputs.<name>` cannot tell them apart. */
export function outputNameKey(name: string): string {
  return name.toUpperCase()
}
