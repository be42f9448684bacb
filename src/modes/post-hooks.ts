import type { PostContext } from '../rotation/post-context.js'

export type PostHook = (context: PostContext) => Promise<void>

/**
 * The post step's router: the modes that leave work for the post step, each hook loaded on first
 * use. Apart from the main step's router, so a post step reaches no mode's main-step code, and
 * no mode's chunk carries again what the main step has already loaded.
 */
export const postHooks: Record<string, () => Promise<PostHook>> = {
  rotate: async () => (await import('../rotation/cancel.js')).cancelUnfinished
}
