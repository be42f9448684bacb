/** Step output names: GitHub expressions look them up ignoring case. */

export const OUTPUT_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/

/** The form two output names share when `steps.<id>.outputs.<name>` cannot tell them apart. */
export function outputNameKey(name: string): string {
  return name.toUpperCase()
}
