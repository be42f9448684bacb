/** A bad input: the message names the input and what is wrong, never a secret value. */
export class InputError extends Error {
  constructor(
    readonly input: string,
    detail: string
  ) {
    super(`Input '${input}': ${detail}`)
    this.name = 'InputError'
  }
}

/** A failure the user can act on; the message is already written for them. */
export class ActionError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ActionError'
  }
}

/**
 * Both results, once both have settled: the first's error wins over the second's, so a step
 * reports its own work's failure (and nothing is still running when it does), not a side load's.
 */
export async function bothSettled<A, B>(first: Promise<A>, second: Promise<B>): Promise<[A, B]> {
  const [a, b] = await Promise.allSettled([first, second])
  if (a.status === 'rejected') throw a.reason
  if (b.status === 'rejected') throw b.reason
  return [a.value, b.value]
}
