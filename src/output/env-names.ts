/**
 * Env var names exactly as aws-actions/aws-secretsmanager-get-secrets derives them
 * (src/utils.ts: transformToValidEnvName, injectSecret). The names we never export are in
 * env-refused.ts, which only the output layer loads.
 */

export type NameTransformation = 'uppercase' | 'lowercase' | 'none'

export interface EnvEntry {
  name: string
  value: string
}

const TRANSFORMS: Record<NameTransformation, (text: string) => string> = {
  uppercase: text => text.toUpperCase(),
  lowercase: text => text.toLowerCase(),
  none: text => text
}

/**
 * The official transformToValidEnvName: a leading ASCII digit gets a '_' in front, every
 * character outside [A-Za-z0-9_] becomes '_', then the case transformation is applied.
 */
export function toEnvName(raw: string, transformation: NameTransformation): string {
  return segment(/^[0-9]/.test(raw) ? `_${raw}` : raw, transformation)
}

// The replacement runs per UTF-16 code unit, as the official regex has no 'u' flag:
// 'é' becomes '_' but an emoji (a surrogate pair) becomes '__'.
export function segment(raw: string, transformation: NameTransformation): string {
  return TRANSFORMS[transformation](raw.replace(/[^a-zA-Z0-9_]/g, '_'))
}
