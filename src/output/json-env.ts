import { segment, toEnvName, type EnvEntry, type NameTransformation } from './env-names.js'
import { jsonObject, jsonText } from './json.js'

// JSON secrets as env vars. Parsing (lossless-json and ./json.ts) loads only with
// parse-json-secrets, render and the modes that read JSON: a plain fetch never compiles it.

export { jsonObject }

/**
 * One env var per leaf of a JSON object, named PREFIX_KEY_SUBKEY. A prefix of '' gives bare
 * key names, as a blank alias does. Strings are exported as they are, any other leaf as its
 * JSON text ('100', 'true', 'null', '["a",1]'), as the official injectSecret does, except that
 * numbers keep the secret's spelling (1e400, 1.50), which the official JSON.parse changes.
 */
export function flattenJsonToEnv(
  prefix: string,
  json: unknown,
  transformation: NameTransformation
): EnvEntry[] {
  const entries: EnvEntry[] = []
  walk(prefix === '' ? '' : toEnvName(prefix, transformation), json, transformation, entries)
  return entries
}

function walk(name: string, value: unknown, transformation: NameTransformation, out: EnvEntry[]) {
  const object = jsonObject(value)
  if (object === undefined) {
    // The official action re-derives the full name here, so a bare key '7a' becomes '_7A'.
    out.push({ name: toEnvName(name, transformation), value: leafText(value) })
    return
  }
  for (const key of Object.keys(object)) {
    // A key after a prefix keeps its leading digit (official hasPrefix = true): DB_7VALUE.
    const child = [name, segment(key, transformation)].filter(part => part !== '').join('_')
    walk(child, object[key], transformation, out)
  }
}

function leafText(value: unknown): string {
  return typeof value === 'string' ? value : jsonText(value)
}
