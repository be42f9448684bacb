// What the bundle gives the SDK for `bowser`, a browser detector (35 KB): @aws-sdk/core requires
// it inside its browser user-agent provider, which parses `window.navigator.userAgent` and never
// runs in Node. Bundled as published, the module is compiled at every start all the same (ncc
// parenthesizes each module's factory, and V8 compiles those as the chunk loads);
// src/tsconfig.json's `paths` routes the require here.

/** What the SDK's own fallback gives without bowser: no browser, no OS. */
export function parse(): Record<string, never> {
  return {}
}
