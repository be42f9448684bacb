import { describe, expect, it } from '@jest/globals'
import { jsonObject } from '../../../src/output/json.js'
import {
  flattenJsonToEnv,
  REFUSED_ENV_GROUPS,
  REFUSED_ENV_NAMES,
  REFUSED_ENV_PREFIXES,
  envPlatform,
  refusedEnvNameReason,
  toEnvName,
  type NameTransformation
} from '../../../src/output/env-names.js'

// Cases marked "official" are the inputs and expected names of
// aws-actions/aws-secretsmanager-get-secrets __tests__/utils.test.ts, index.test.ts and README.
describe('toEnvName', () => {
  it.each<[string, NameTransformation, string]>([
    ['prod/db/admin', 'uppercase', 'PROD_DB_ADMIN'], // official
    ['0Admin', 'uppercase', '_0ADMIN'], // official
    ['secret3', 'uppercase', 'SECRET3'], // official
    ['Secret3', 'lowercase', 'secret3'], // official
    ['Secret3', 'none', 'Secret3'], // official
    ['test/secret', 'uppercase', 'TEST_SECRET'], // official
    ['exampleSecretName', 'uppercase', 'EXAMPLESECRETNAME'], // official README
    ['exampleSecretName', 'lowercase', 'examplesecretname'], // official README
    ['0/test/secret', 'uppercase', '_0_TEST_SECRET'], // official README
    ['/prod/example/secret', 'uppercase', '_PROD_EXAMPLE_SECRET'], // official README
    ['beta_NewSecret', 'uppercase', 'BETA_NEWSECRET'], // official README
    ['My-Secret.v2', 'none', 'My_Secret_v2'],
    ['My-Secret.v2', 'lowercase', 'my_secret_v2'],
    ['9lives', 'none', '_9lives'],
    ['9lives', 'lowercase', '_9lives'],
    ['-1abc', 'uppercase', '_1ABC'], // the digit check runs before replacement
    ['a+b=c@d', 'uppercase', 'A_B_C_D'],
    ['café', 'uppercase', 'CAF_'],
    ['cafe\u0301', 'uppercase', 'CAFE_'], // decomposed accent: one extra code unit
    ['🔑key', 'uppercase', '__KEY'], // a surrogate pair is two code units
    ['１abc', 'uppercase', '_ABC'], // a full-width digit is not [0-9]
    ['ключ', 'none', '____'],
    ['', 'uppercase', '']
  ])('%j (%s) -> %j', (raw, transformation, expected) => {
    expect(toEnvName(raw, transformation)).toBe(expected)
  })

  it('maps different secret names to the same env var name (official collision case)', () => {
    expect(toEnvName('TEST/SECRET/2', 'uppercase')).toBe(toEnvName('TEST/SECRET@2', 'uppercase'))
    expect(toEnvName('MySecret', 'uppercase')).toBe(toEnvName('mysecret', 'uppercase'))
  })

  it('is idempotent, so a derived prefix can be passed back in', () => {
    for (const t of ['uppercase', 'lowercase', 'none'] as const) {
      const once = toEnvName('0/odd name-É', t)
      expect(toEnvName(once, t)).toBe(once)
    }
  })
})

const SIMPLE_JSON = { api_key: 'testkey', user: 'testuser' }
const NESTED_JSON = JSON.parse(
  '{"host":"127.0.0.1", "port": "3600", "config":{"db_user":"testuser","db_password":"testpw",' +
    '"options":{"a":"YES","b":"NO", "c": 100 }}}'
)

describe('flattenJsonToEnv', () => {
  it('names each key after the prefix (official)', () => {
    expect(flattenJsonToEnv('TEST_SECRET', SIMPLE_JSON, 'uppercase')).toEqual([
      { name: 'TEST_SECRET_API_KEY', value: 'testkey' },
      { name: 'TEST_SECRET_USER', value: 'testuser' }
    ])
  })

  it('flattens nested objects, numbers as their JSON text (official)', () => {
    expect(flattenJsonToEnv('TEST_SECRET', NESTED_JSON, 'uppercase')).toEqual([
      { name: 'TEST_SECRET_HOST', value: '127.0.0.1' },
      { name: 'TEST_SECRET_PORT', value: '3600' },
      { name: 'TEST_SECRET_CONFIG_DB_USER', value: 'testuser' },
      { name: 'TEST_SECRET_CONFIG_DB_PASSWORD', value: 'testpw' },
      { name: 'TEST_SECRET_CONFIG_OPTIONS_A', value: 'YES' },
      { name: 'TEST_SECRET_CONFIG_OPTIONS_B', value: 'NO' },
      { name: 'TEST_SECRET_CONFIG_OPTIONS_C', value: '100' }
    ])
  })

  it('keeps one underscore before a key starting with a digit (official)', () => {
    expect(flattenJsonToEnv('DB', { '7Value': 'test-value' }, 'uppercase')).toEqual([
      { name: 'DB_7VALUE', value: 'test-value' }
    ])
    expect(flattenJsonToEnv('TEST_SECRET', { '7Value': 'v' }, 'uppercase')[0].name).toBe(
      'TEST_SECRET_7VALUE'
    )
  })

  it('gives bare key names for a blank alias (official)', () => {
    const json = { username: 'integ', password: 'integpw', config: { id1: 'example1' } }
    expect(flattenJsonToEnv('', json, 'uppercase')).toEqual([
      { name: 'USERNAME', value: 'integ' },
      { name: 'PASSWORD', value: 'integpw' },
      { name: 'CONFIG_ID1', value: 'example1' }
    ])
  })

  it('derives the prefix from a raw secret name too (official README example 3)', () => {
    const json = { api_user: 'user', api_key: 'key', config: { active: 'true' } }
    expect(flattenJsonToEnv('test/secret', json, 'uppercase').map(e => e.name)).toEqual([
      'TEST_SECRET_API_USER',
      'TEST_SECRET_API_KEY',
      'TEST_SECRET_CONFIG_ACTIVE'
    ])
  })

  it('prefixes a bare top-level key starting with a digit with _', () => {
    expect(flattenJsonToEnv('', { '7a': 'x', cfg: { '9b': 'y' } }, 'uppercase')).toEqual([
      { name: '_7A', value: 'x' },
      { name: 'CFG_9B', value: 'y' }
    ])
  })

  it.each<[NameTransformation, string[]]>([
    ['uppercase', ['APP_DB_HOST', 'APP_DB_PORT']],
    ['lowercase', ['app_db_host', 'app_db_port']],
    ['none', ['App_Db_Host', 'App_Db_Port']]
  ])('applies the %s transformation to prefix and keys', (t, names) => {
    const json = { Db: { Host: 'h', Port: 1 } }
    expect(flattenJsonToEnv('App', json, t).map(e => e.name)).toEqual(names)
  })

  it.each<[string, unknown, string]>([
    ['number', 1.5, '1.5'],
    ['large number', 1e21, '1e+21'],
    ['true', true, 'true'],
    ['false', false, 'false'],
    ['null', null, 'null'],
    ['empty string', '', ''],
    ['array', ['a', 1, null], '["a",1,null]'],
    ['array of objects (not flattened)', [{ a: 1 }], '[{"a":1}]'],
    ['string holding an array', '[1,2]', '[1,2]'],
    ['string holding null', 'null', 'null'],
    ['string holding a number', '007', '007']
  ])('exports a %s leaf as the official action does', (_label, leaf, text) => {
    expect(flattenJsonToEnv('S', { k: leaf }, 'uppercase')).toEqual([{ name: 'S_K', value: text }])
  })

  it('descends into a string leaf that holds a JSON object, as the official action does', () => {
    expect(flattenJsonToEnv('S', { cfg: '{"a":"b","n":2}' }, 'uppercase')).toEqual([
      { name: 'S_CFG_A', value: 'b' },
      { name: 'S_CFG_N', value: '2' }
    ])
  })

  it('exports nothing for an empty object, nested or held in a string', () => {
    expect(flattenJsonToEnv('S', { a: {}, b: '{}', c: 'x' }, 'uppercase')).toEqual([
      { name: 'S_C', value: 'x' }
    ])
    expect(flattenJsonToEnv('S', {}, 'uppercase')).toEqual([])
  })

  it('joins an empty key into its parent name', () => {
    expect(flattenJsonToEnv('DB', { '': 'x' }, 'uppercase')).toEqual([{ name: 'DB', value: 'x' }])
    expect(flattenJsonToEnv('', { '': { a: 'y' } }, 'uppercase')).toEqual([
      { name: 'A', value: 'y' }
    ])
  })

  it('turns special and unicode characters in keys into _', () => {
    expect(flattenJsonToEnv('S', { 'a-b.c': 1, clé: 2, '🔑': 3 }, 'uppercase')).toEqual([
      { name: 'S_A_B_C', value: '1' },
      { name: 'S_CL_', value: '2' },
      { name: 'S___', value: '3' }
    ])
  })

  it('keeps duplicate names for the caller to reject', () => {
    const names = flattenJsonToEnv('S', { 'a-b': 1, a_b: 2 }, 'uppercase').map(e => e.name)
    expect(names).toEqual(['S_A_B', 'S_A_B'])
  })

  it('walks keys in JSON.parse order: integer keys first, as for...in does', () => {
    const json = JSON.parse('{"b":1,"a":2,"10":3,"2":4}')
    expect(flattenJsonToEnv('S', json, 'uppercase').map(e => e.name)).toEqual([
      'S_2',
      'S_10',
      'S_B',
      'S_A'
    ])
  })

  it('treats a non-object value as a single leaf', () => {
    expect(flattenJsonToEnv('S', 'plain', 'uppercase')).toEqual([{ name: 'S', value: 'plain' }])
    expect(flattenJsonToEnv('S', '{"k":"v"}', 'uppercase')).toEqual([{ name: 'S_K', value: 'v' }])
  })
})

describe('refusedEnvNameReason', () => {
  it.each([
    ['', 'empty'],
    ['A=B', "'='"],
    ['A\0B', 'NUL'],
    ['A\rB', 'CR'],
    ['A\nB', 'LF'],
    ['X_ghadelimiter_1', 'ghadelimiter'],
    ['X_GHADELIMITER', 'ghadelimiter'],
    ['1ABC', 'not a valid'],
    ['A-B', 'not a valid'],
    ['A B', 'not a valid'],
    ['CAFÉ', 'not a valid']
  ])('refuses %j (%s)', (name, why) => {
    expect(refusedEnvNameReason(name, 'linux')).toContain(why)
  })

  it.each([
    // runner and GitHub Actions
    'GITHUB_TOKEN',
    'GITHUB_ENV',
    'GITHUB_PATH',
    'RUNNER_TEMP',
    'ACTIONS_ID_TOKEN_REQUEST_URL',
    'ACTIONS_RUNTIME_TOKEN',
    'INPUT_TOKEN',
    'STATE_CLEANUP',
    // program lookup and loading
    'PATH',
    'PATHEXT',
    'COMSPEC',
    'GCONV_PATH',
    'LD_PRELOAD',
    'LD_LIBRARY_PATH',
    'DYLD_INSERT_LIBRARIES',
    // shells
    'BASH_ENV',
    'ENV',
    'SHELL',
    'SHELLOPTS',
    'IFS',
    'PS4',
    'PROMPT_COMMAND',
    // runtimes
    'NODE_OPTIONS',
    'NODE_PATH',
    'JAVA_TOOL_OPTIONS',
    '_JAVA_OPTIONS',
    'PYTHONPATH',
    'PYTHONSTARTUP',
    'PERL5OPT',
    'RUBYOPT',
    'GOFLAGS',
    'DOTNET_STARTUP_HOOKS',
    'PSModulePath',
    // tool hooks and configuration
    'GIT_SSH_COMMAND',
    'GIT_ASKPASS',
    'EDITOR',
    'HOME',
    'GIT_CONFIG',
    'GIT_CONFIG_GLOBAL',
    'GIT_CONFIG_KEY_0',
    'NPM_CONFIG_REGISTRY',
    'npm_config_script_shell',
    'Npm_Config_Registry',
    // network and TLS
    'HTTPS_PROXY',
    'http_proxy',
    'no_proxy',
    'DOCKER_HOST',
    'NODE_EXTRA_CA_CERTS',
    'NODE_TLS_REJECT_UNAUTHORIZED',
    'SSL_CERT_FILE',
    // AWS credentials
    'AWS_ACCESS_KEY_ID',
    'AWS_SECRET_ACCESS_KEY',
    'AWS_SESSION_TOKEN',
    'AWS_CONFIG_FILE',
    'AWS_ENDPOINT_URL',
    'AWS_ENDPOINT_URL_SECRETS_MANAGER'
  ])('refuses the reserved name %s on Linux', name => {
    expect(refusedEnvNameReason(name, 'linux')).toMatch(/^reserved: /)
  })

  it.each(['path', 'Home', 'node_options', 'github_token', 'ld_preload', 'aws_session_token'])(
    'refuses %s on Windows, where names ignore case',
    name => {
      expect(refusedEnvNameReason(name, 'win32')).toMatch(/^reserved: /)
    }
  )

  it.each(['path', 'home', 'node_options', 'github_token', 'ld_preload', 'aws_session_token'])(
    'allows %s on Linux, where names are case-sensitive',
    name => {
      expect(refusedEnvNameReason(name, 'linux')).toBeUndefined()
    }
  )

  it.each([
    'DB_PASSWORD',
    'TEST_SECRET_API_KEY',
    '_0_TEST_SECRET',
    'MY_PATH',
    'PATH_PREFIX',
    'HOMEPAGE_URL',
    'GIT_TOKEN',
    'AWS_REGION',
    'GITHUBTOKEN',
    'STATEFUL',
    'x'
  ])('allows the ordinary name %s', name => {
    expect(refusedEnvNameReason(name, 'linux')).toBeUndefined()
    expect(refusedEnvNameReason(name, 'win32')).toBeUndefined()
  })

  it('defaults to the platform it runs on', () => {
    expect(refusedEnvNameReason('PATH')).toMatch(/^reserved: /)
    expect(refusedEnvNameReason('OK_NAME')).toBeUndefined()
  })

  it('never repeats the name in the reason', () => {
    for (const name of ['SeCrEtNaMe=1', 'SECRET\nNAME', 'GITHUB_SECRETNAME', '1SECRETNAME']) {
      expect(refusedEnvNameReason(name, 'linux')).not.toMatch(/secretname/i)
    }
  })

  it('exports the documented lists, every entry refused by its own check', () => {
    expect(REFUSED_ENV_NAMES).toEqual(expect.arrayContaining(['PATH', 'NODE_OPTIONS', 'HOME']))
    expect(REFUSED_ENV_PREFIXES).toEqual(expect.arrayContaining(['GITHUB_', 'LD_', 'DYLD_']))
    for (const name of REFUSED_ENV_NAMES) {
      expect(refusedEnvNameReason(name, 'linux')).toMatch(/^reserved: /)
    }
    for (const prefix of REFUSED_ENV_PREFIXES) {
      expect(refusedEnvNameReason(`${prefix}X`, 'linux')).toMatch(/^reserved: /)
    }
    expect(REFUSED_ENV_GROUPS.every(g => g.reason.length > 0)).toBe(true)
  })
})

describe('flattenJsonToEnv numbers', () => {
  it('exports each number as the secret writes it, nested in arrays too', () => {
    const json = jsonObject(
      '{"n":1e400,"t":-1e-400,"id":12345678901234567890,"a":[1.50,{"x":2E3}]}'
    )
    expect(flattenJsonToEnv('p', json, 'uppercase')).toEqual([
      { name: 'P_N', value: '1e400' },
      { name: 'P_T', value: '-1e-400' },
      { name: 'P_ID', value: '12345678901234567890' },
      { name: 'P_A', value: '[1.50,{"x":2E3}]' }
    ])
  })
})

describe('every entry of REFUSED_ENV_GROUPS', () => {
  // Each name as listed, each prefix with something after it and alone, and their twins in
  // other letter cases (Windows compares names ignoring case).
  const entries = REFUSED_ENV_GROUPS.flatMap(group => [
    ...group.names.map(name => ({ group, name })),
    ...group.prefixes.flatMap(prefix => [
      { group, name: `${prefix}X` },
      { group, name: `${prefix}SOME_KEY_1` }
    ])
  ])
  const twins = (name: string) => [name.toLowerCase(), name.toUpperCase(), capitalized(name)]
  const capitalized = (name: string) => name.charAt(0) + name.slice(1).toLowerCase()

  it.each(entries.map(({ group, name }): [string, string] => [name, group.reason]))(
    '%s is refused on Linux and Windows, with its group reason',
    (name, reason) => {
      expect(refusedEnvNameReason(name, 'linux')).toBe(`reserved: ${reason}`)
      expect(refusedEnvNameReason(name, 'win32')).toBe(`reserved: ${reason}`)
    }
  )

  it.each(entries.map(({ group, name }): [string, boolean] => [name, group.anyCase === true]))(
    'twins of %s in other letter cases are refused on Windows (on Linux only if any-case: %s)',
    (name, anyCase) => {
      for (const twin of twins(name)) {
        expect(refusedEnvNameReason(twin, 'win32')).toMatch(/^reserved: /)
        if (anyCase) expect(refusedEnvNameReason(twin, 'linux')).toMatch(/^reserved: /)
      }
    }
  )

  it.each([
    'MAKEFLAGS',
    'MFLAGS',
    'GNUMAKEFLAGS',
    'LESSOPEN',
    'LESSCLOSE',
    'LUA_INIT',
    'LUA_INIT_5_4',
    'ERL_AFLAGS',
    'ERL_ZFLAGS',
    'ERL_FLAGS',
    'CARGO_HOME',
    'CARGO_BUILD_RUSTC_WRAPPER',
    'RUSTC_WRAPPER',
    'PIP_INDEX_URL',
    'GOPROXY',
    'GOFLAGS',
    'GOENV',
    'GOTOOLCHAIN',
    'YARN_NPM_REGISTRY_SERVER',
    'yarn_registry',
    'BUNDLE_GEMFILE',
    'GEM_HOME',
    'COMPOSER_HOME',
    'MAVEN_OPTS',
    'GRADLE_OPTS',
    'KUBECONFIG',
    'GIT_CONFIG_PARAMETERS',
    'GIT_TRACE_CURL',
    'DOTNET_STARTUP_HOOKS',
    'CORECLR_PROFILER_PATH',
    'COR_PROFILER',
    'AWS_EC2_METADATA_SERVICE_ENDPOINT',
    'AWS_CONTAINER_CREDENTIALS_FULL_URI',
    'OPENSSL_CONF',
    'BASH_FUNC_ls'
  ])('refuses %s, named in issue 12 or found since', name => {
    expect(refusedEnvNameReason(name, 'linux')).toMatch(/^reserved: /)
  })

  it('has no entry listed twice, and every name is a valid env var name', () => {
    const all = [...REFUSED_ENV_NAMES, ...REFUSED_ENV_PREFIXES].map(name => name.toUpperCase())
    expect(all.length).toBe(new Set(all).size)
    for (const name of REFUSED_ENV_NAMES) expect(name).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/)
  })
})

describe('envPlatform', () => {
  it('is Windows when the runner says so, whatever this process runs on', () => {
    expect(envPlatform({ RUNNER_OS: 'Windows' }, 'linux')).toBe('win32')
    expect(envPlatform({ RUNNER_OS: 'Linux' }, 'linux')).toBe('linux')
    expect(envPlatform({}, 'win32')).toBe('win32')
  })
})
