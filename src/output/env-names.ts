import { jsonObject } from './json.js'

/**
 * Env var names exactly as aws-actions/aws-secretsmanager-get-secrets derives them
 * (src/utils.ts: transformToValidEnvName, injectSecret), and the names we never export.
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
function segment(raw: string, transformation: NameTransformation): string {
  return TRANSFORMS[transformation](raw.replace(/[^a-zA-Z0-9_]/g, '_'))
}

/**
 * One env var per leaf of a JSON object, named PREFIX_KEY_SUBKEY. A prefix of '' gives bare
 * key names, as a blank alias does. Strings are exported as they are, any other leaf as its
 * JSON text ('100', 'true', 'null', '["a",1]'), as the official injectSecret does.
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
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? '')
}

interface RefusedGroup {
  /** Why a name in this group would let a secret hijack later steps. */
  reason: string
  /** As programs read them; compared exactly, or ignoring case where noted. */
  names: readonly string[]
  prefixes: readonly string[]
  /** Programs read these in any letter case, so they are refused in any case on every OS. */
  anyCase?: boolean
}

/** Names a secret must never set: each would let its content take over later steps. */
export const REFUSED_ENV_GROUPS: readonly RefusedGroup[] = [
  {
    reason: 'the runner and GitHub Actions own it (job context, tokens, OIDC, step inputs, state)',
    names: [],
    prefixes: ['GITHUB_', 'RUNNER_', 'ACTIONS_', 'INPUT_', 'STATE_']
  },
  {
    reason: 'it changes which programs or shared libraries later steps load',
    names: ['PATH', 'PATHEXT', 'COMSPEC', 'GCONV_PATH'],
    prefixes: ['LD_', 'DYLD_']
  },
  {
    reason: 'shells run code from it or parse every later script line differently',
    names: [
      'BASH_ENV',
      'ENV',
      'SHELL',
      'SHELLOPTS',
      'BASHOPTS',
      'IFS',
      'PS4',
      'PROMPT_COMMAND',
      'CDPATH',
      'ZDOTDIR'
    ],
    prefixes: []
  },
  {
    reason: 'a language runtime loads code or options from it in every later step',
    names: [
      'NODE_OPTIONS',
      'NODE_PATH',
      'JAVA_TOOL_OPTIONS',
      '_JAVA_OPTIONS',
      'JDK_JAVA_OPTIONS',
      'CLASSPATH',
      'PYTHONPATH',
      'PYTHONHOME',
      'PYTHONSTARTUP',
      'PYTHONWARNINGS',
      'PERL5OPT',
      'PERL5LIB',
      'PERLLIB',
      'PERL5DB',
      'RUBYOPT',
      'RUBYLIB',
      'GOFLAGS',
      'RUSTC_WRAPPER',
      'DOTNET_STARTUP_HOOKS',
      'PSModulePath'
    ],
    prefixes: []
  },
  {
    reason: 'git or another tool runs the command or program it names',
    names: [
      'GIT_SSH_COMMAND',
      'GIT_SSH',
      'GIT_ASKPASS',
      'SSH_ASKPASS',
      'GIT_EXEC_PATH',
      'GIT_PROXY_COMMAND',
      'GIT_EXTERNAL_DIFF',
      'GIT_EDITOR',
      'GIT_SEQUENCE_EDITOR',
      'GIT_PAGER',
      'GIT_TEMPLATE_DIR',
      'GIT_DIR',
      'GIT_WORK_TREE',
      'EDITOR',
      'VISUAL',
      'PAGER',
      'BROWSER'
    ],
    prefixes: []
  },
  {
    reason: 'tools load their configuration (which can run commands) from it',
    names: ['HOME', 'XDG_CONFIG_HOME', 'GIT_CONFIG', 'CURL_HOME', 'WGETRC', 'DOCKER_CONFIG'],
    prefixes: ['GIT_CONFIG_']
  },
  {
    reason: 'npm reads it, in any letter case, as configuration (registry, script-shell)',
    names: [],
    prefixes: ['NPM_CONFIG_'],
    anyCase: true
  },
  {
    reason: 'it reroutes later network traffic, exposing other credentials',
    names: ['HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY', 'NO_PROXY', 'DOCKER_HOST'],
    prefixes: [],
    anyCase: true
  },
  {
    reason: 'it changes which TLS certificates later steps trust',
    names: [
      'NODE_EXTRA_CA_CERTS',
      'NODE_TLS_REJECT_UNAUTHORIZED',
      'SSL_CERT_FILE',
      'SSL_CERT_DIR',
      'REQUESTS_CA_BUNDLE',
      'CURL_CA_BUNDLE',
      'GIT_SSL_NO_VERIFY',
      'GIT_SSL_CAINFO',
      'AWS_CA_BUNDLE'
    ],
    prefixes: []
  },
  {
    reason: 'it replaces or redirects the AWS credentials later steps and our post step use',
    names: [
      'AWS_ACCESS_KEY_ID',
      'AWS_SECRET_ACCESS_KEY',
      'AWS_SESSION_TOKEN',
      'AWS_SECURITY_TOKEN',
      'AWS_PROFILE',
      'AWS_CONFIG_FILE',
      'AWS_SHARED_CREDENTIALS_FILE',
      'AWS_ROLE_ARN',
      'AWS_WEB_IDENTITY_TOKEN_FILE',
      'AWS_CONTAINER_CREDENTIALS_FULL_URI',
      'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
      'AWS_CONTAINER_AUTHORIZATION_TOKEN',
      'AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE'
    ],
    prefixes: ['AWS_ENDPOINT_URL']
  }
]

export const REFUSED_ENV_NAMES: readonly string[] = REFUSED_ENV_GROUPS.flatMap(g => g.names)
export const REFUSED_ENV_PREFIXES: readonly string[] = REFUSED_ENV_GROUPS.flatMap(g => g.prefixes)

const VALID_ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

/**
 * Why `name` must never be exported, or undefined when it may be. The reason never repeats the
 * name. Windows compares env var names ignoring case, so there every list entry does too.
 */
export function refusedEnvNameReason(
  name: string,
  platform: NodeJS.Platform = process.platform
): string | undefined {
  if (name === '') return 'the name is empty'
  if (/[\0\r\n]/.test(name)) return 'the name contains a NUL, CR or LF character'
  if (name.includes('=')) return "the name contains '='"
  if (/ghadelimiter/i.test(name)) {
    return "the name contains 'ghadelimiter', the runner's file command delimiter"
  }
  if (!VALID_ENV_NAME.test(name)) {
    return 'not a valid env var name (letters, digits and _, not starting with a digit)'
  }
  const group = REFUSED_ENV_GROUPS.find(g => inGroup(g, name, platform === 'win32' || !!g.anyCase))
  return group && `reserved: ${group.reason}`
}

function inGroup(group: RefusedGroup, name: string, ignoreCase: boolean): boolean {
  const fold = (text: string) => (ignoreCase ? text.toUpperCase() : text)
  const folded = fold(name)
  return (
    group.names.some(entry => fold(entry) === folded) ||
    group.prefixes.some(entry => folded.startsWith(fold(entry)))
  )
}
