/**
 * True when the text holds a UTF-16 surrogate without its pair: UTF-8 has no bytes for it, so
 * any file (the runner's GITHUB_ENV and GITHUB_OUTPUT too) would get U+FFFD in its place.
 * Code units, no `u` flag: a Unicode property in a regex literal costs V8 an ICU lookup at load.
 */
export function hasLoneSurrogate(text: string): boolean {
  return LONE.test(text)
}

const LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/
