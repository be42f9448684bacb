// Fields of AWS answers as the action shows them. Such a field can be out of range (a date far
// off, from an odd endpoint): it is then shown as unknown, never thrown on.

/** A date as ISO text, or undefined for one outside a Date's range. */
export function isoDate(value: Date | undefined): string | undefined {
  return value && !Number.isNaN(value.getTime()) ? value.toISOString() : undefined
}

/** Region to replication status, as DescribeSecret and ListSecrets report them. */
export function replicationStatus(
  list: Array<{ Region?: string; Status?: string }> | undefined
): Record<string, string> {
  return Object.fromEntries((list ?? []).map(r => [r.Region ?? '', r.Status ?? 'Unknown']))
}
