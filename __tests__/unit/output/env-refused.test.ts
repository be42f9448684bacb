import { describe, expect, it } from '@jest/globals'
import {
  REFUSED_ENV_GROUPS,
  REFUSED_ENV_NAMES,
  REFUSED_ENV_PREFIXES,
  envPlatform,
  refusedEnvNameReason
} from '../../../src/output/env-refused.js'

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
    'FUNCNEST',
    'TMOUT',
    'POSIXLY_CORRECT',
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
    'AWS_ENDPOINT_URL_SECRETS_MANAGER',
    // named in issue 12 or found since
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
    'CORECLR_PROFILER_PATH',
    'COR_PROFILER',
    'AWS_EC2_METADATA_SERVICE_ENDPOINT',
    'AWS_CONTAINER_CREDENTIALS_FULL_URI',
    'OPENSSL_CONF',
    'BASH_FUNC_ls'
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
