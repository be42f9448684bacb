// The names of the action's own state: what the main step leaves for its post step. The runner
// hands a post step only the state of its own action.

/** Set by the main step: the entry tells its phase by it (see src/index.ts). */
export const STATE_IS_POST = 'isPost'
/** The mode, saved only for a mode with a post hook (rotate). */
export const STATE_MODE = 'sma-mode'
/** The region of the step's (first) secret, where the post hook works. */
export const STATE_REGION = 'sma-region'
/** The files the main step wrote (absolute paths), which the post step removes. */
export const STATE_FILES = 'sma-files'
/** The env vars the main step exported, which the post step blanks. */
export const STATE_ENV = 'sma-env'
/** rotate in-workflow: the secret and version a create or all left pending, for the post step. */
export const STATE_ARN = 'sma-rotate-arn'
export const STATE_PENDING = 'sma-rotate-pending'
