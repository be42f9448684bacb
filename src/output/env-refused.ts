// The env var names a secret must never set, and how each platform compares names. Loaded with
// the output layer (emit, render) and by the post step, not on the way to the first request.

export interface RefusedGroup {
  /** Why a name in this group would let a secret hijack later steps (README says the same). */
  reason: string
  /** As programs read them; compared exactly, or ignoring case where noted. */
  names: readonly string[]
  prefixes: readonly string[]
  /** Programs read these in any letter case, so they are refused in any case on every OS. */
  anyCase?: boolean
}

/**
 * Names a secret must never set: each would let its content run code in, or redirect the
 * traffic or trust of, later steps. The README's Security table is this table, row for row.
 */
export const REFUSED_ENV_GROUPS: readonly RefusedGroup[] = [
  {
    reason: 'the runner and GitHub Actions own it (job context, tokens, OIDC, step inputs, state)',
    names: [],
    prefixes: ['GITHUB_', 'RUNNER_', 'ACTIONS_', 'INPUT_', 'STATE_']
  },
  {
    reason: 'it changes which programs, shared libraries or crypto modules later steps load',
    names: [
      'PATH',
      'PATHEXT',
      'COMSPEC',
      'SYSTEMROOT',
      'WINDIR',
      'GCONV_PATH',
      'OPENSSL_CONF',
      'OPENSSL_ENGINES',
      'OPENSSL_MODULES'
    ],
    prefixes: ['LD_', 'DYLD_']
  },
  {
    reason: 'shells run code from it, or run or parse every later script line differently',
    names: [
      'BASH_ENV',
      'ENV',
      'SHELL',
      'SHELLOPTS',
      'BASHOPTS',
      'BASH_XTRACEFD',
      'BASH_COMPAT',
      'GLOBIGNORE',
      'IFS',
      'PS0',
      'PS1',
      'PS2',
      'PS3',
      'PS4',
      'PROMPT_COMMAND',
      'CDPATH',
      'ZDOTDIR',
      'INPUTRC',
      'PSExecutionPolicyPreference',
      'PSModulePath',
      'FUNCNEST',
      'TMOUT',
      'POSIXLY_CORRECT',
      'EXECIGNORE',
      'BASH_LOADABLES_PATH'
    ],
    prefixes: ['BASH_FUNC_']
  },
  {
    reason: 'Node.js, the JVM or .NET loads code or options from it in every later step',
    names: [
      'NODE_OPTIONS',
      'NODE_PATH',
      'NODE_REPL_EXTERNAL_MODULE',
      'JAVA_TOOL_OPTIONS',
      '_JAVA_OPTIONS',
      'JDK_JAVA_OPTIONS',
      'JAVA_OPTS',
      'JAVA_HOME',
      'CLASSPATH',
      'DOTNET_STARTUP_HOOKS',
      'DOTNET_ADDITIONAL_DEPS',
      'DOTNET_SHARED_STORE',
      'DOTNET_ROOT'
    ],
    prefixes: ['CORECLR_', 'COR_']
  },
  {
    reason: 'Python, Perl, Ruby, Lua, Erlang, PHP, Tcl or R runs code or loads modules from it',
    names: [
      'PYTHONPATH',
      'PYTHONHOME',
      'PYTHONSTARTUP',
      'PYTHONWARNINGS',
      'PYTHONBREAKPOINT',
      'PYTHONUSERBASE',
      'PYTHONINSPECT',
      'PERL5OPT',
      'PERL5LIB',
      'PERLLIB',
      'PERL5DB',
      'PERL5SHELL',
      'PERL_MB_OPT',
      'PERL_MM_OPT',
      'RUBYOPT',
      'RUBYLIB',
      'RUBYSHELL',
      'ERL_AFLAGS',
      'ERL_ZFLAGS',
      'ERL_FLAGS',
      'ERL_LIBS',
      'ELIXIR_ERL_OPTIONS',
      'PHPRC',
      'PHP_INI_SCAN_DIR',
      'TCLLIBPATH',
      'R_PROFILE',
      'R_PROFILE_USER',
      'R_ENVIRON',
      'R_ENVIRON_USER',
      'R_LIBS',
      'R_LIBS_USER'
    ],
    prefixes: ['LUA_INIT', 'LUA_PATH', 'LUA_CPATH']
  },
  {
    reason: 'make, a compiler or a build tool runs the commands, flags or files it names',
    names: [
      'MAKEFLAGS',
      'MFLAGS',
      'GNUMAKEFLAGS',
      'MAKEFILES',
      'CC',
      'CXX',
      'CPP',
      'LD',
      'AR',
      'CFLAGS',
      'CXXFLAGS',
      'CPPFLAGS',
      'LDFLAGS',
      'RUSTFLAGS',
      'RUSTDOCFLAGS',
      'RUSTDOC',
      'MAVEN_OPTS',
      'MAVEN_ARGS',
      'GRADLE_OPTS',
      'GRADLE_USER_HOME',
      'SBT_OPTS',
      'ANT_OPTS',
      'ANT_ARGS',
      // make's built-in variables: the environment overrides its defaults ($(RM) in `make clean`)
      'RM',
      'AS',
      'FC',
      'F77',
      'OBJC',
      'YACC',
      'LEX',
      'M4',
      'MAKEINFO',
      'TEX',
      'NM',
      'RANLIB',
      'STRIP',
      'OBJCOPY',
      'OBJDUMP',
      'LIBS',
      'CUDACXX',
      'CUDAHOSTCXX',
      'HOSTCC',
      'CC_FOR_BUILD',
      'CXX_FOR_BUILD',
      'CROSS_COMPILE',
      'PKG_CONFIG',
      'PKG_CONFIG_PATH'
    ],
    // CMAKE_<LANG>_COMPILER_LAUNCHER and CMAKE_TOOLCHAIN_FILE name programs and scripts to run.
    prefixes: ['RUSTC', 'CGO_', 'CMAKE_', 'CCACHE_']
  },
  {
    reason: 'MSBuild (read in any letter case) imports the project files it names',
    names: [
      'CustomBeforeMicrosoftCommonTargets',
      'CustomAfterMicrosoftCommonTargets',
      'CustomBeforeMicrosoftCommonProps',
      'CustomAfterMicrosoftCommonProps',
      'DirectoryBuildPropsPath',
      'DirectoryBuildTargetsPath'
    ],
    prefixes: ['MSBuild'],
    anyCase: true
  },
  {
    reason: 'Go reads its flags, toolchain, module proxy or checksum database from it',
    names: [
      'GOFLAGS',
      'GOPROXY',
      'GOENV',
      'GOTOOLCHAIN',
      'GOSUMDB',
      'GONOSUMDB',
      'GONOSUMCHECK',
      'GOPRIVATE',
      'GONOPROXY',
      'GOINSECURE',
      'GOVCS',
      'GOAUTH',
      'GOCACHEPROG',
      'GOROOT',
      'GOPATH',
      'GOBIN'
    ],
    prefixes: []
  },
  {
    reason: 'a package manager reads it as configuration (registry, index, scripts, install hooks)',
    names: [
      'GEM_HOME',
      'GEM_PATH',
      'GEMRC',
      'COMPOSER',
      'NUGET_PLUGIN_PATHS',
      'NUGET_CREDENTIALPROVIDERS_PATH',
      'RUBYGEMS_GEMDEPS',
      'CONDARC',
      'PERL_CPANM_OPT',
      'PUB_HOSTED_URL'
    ],
    prefixes: [
      'CARGO_',
      'RUSTUP_',
      'PIP_',
      'UV_',
      'POETRY_',
      'BUNDLE_',
      'COMPOSER_',
      'COREPACK_',
      'BUN_CONFIG_',
      'PIPENV_',
      'PDM_',
      'CONDA_',
      'NIX_',
      'JULIA_'
    ]
  },
  {
    reason: 'npm, yarn and pnpm read it as configuration (registry, script-shell, install scripts)',
    names: [],
    prefixes: ['NPM_CONFIG_', 'YARN_'],
    anyCase: true
  },
  {
    reason:
      'git, ssh or another tool runs the command or program it names, or reads a repository from it',
    names: [
      'GIT_SSH_COMMAND',
      'GIT_SSH',
      'GIT_SSH_VARIANT',
      'GIT_ASKPASS',
      'SSH_ASKPASS',
      'SSH_ASKPASS_REQUIRE',
      'SSH_AUTH_SOCK',
      'GIT_EXEC_PATH',
      'GIT_PROXY_COMMAND',
      'GIT_EXTERNAL_DIFF',
      'GIT_EDITOR',
      'GIT_SEQUENCE_EDITOR',
      'GIT_PAGER',
      'GIT_TEMPLATE_DIR',
      'GIT_DIR',
      'GIT_WORK_TREE',
      'GIT_COMMON_DIR',
      'GIT_INDEX_FILE',
      'GIT_OBJECT_DIRECTORY',
      'GIT_ALTERNATE_OBJECT_DIRECTORIES',
      'GIT_ALLOW_PROTOCOL',
      'GIT_PROTOCOL_FROM_USER',
      'RSYNC_RSH',
      'RSYNC_CONNECT_PROG',
      'CLOUDSDK_PYTHON',
      'EDITOR',
      'VISUAL',
      'PAGER',
      'MANPAGER',
      'AWS_PAGER',
      'GH_PAGER',
      'GH_EDITOR',
      'GH_BROWSER',
      'LESSOPEN',
      'LESSCLOSE',
      'LESSEDIT',
      'LESSKEY',
      'LESSKEYIN',
      'BROWSER',
      'SUDO_ASKPASS',
      'SUDO_EDITOR',
      'KUBE_EDITOR',
      'KUBECTL_EXTERNAL_DIFF',
      'DBUS_SESSION_BUS_ADDRESS'
    ],
    // ANSIBLE_SSH_ARGS and ANSIBLE_SSH_EXECUTABLE run commands; ANSIBLE_CONFIG loads a config.
    prefixes: ['ANSIBLE_']
  },
  {
    reason: 'a tool loads its configuration (which can run commands) from it',
    names: [
      'HOME',
      'XDG_CONFIG_HOME',
      'XDG_CONFIG_DIRS',
      'GIT_CONFIG',
      'CURL_HOME',
      'WGETRC',
      'DOCKER_CONFIG',
      'DOCKER_CONTEXT',
      'KUBECONFIG',
      'GH_CONFIG_DIR',
      'CLOUDSDK_CONFIG',
      'AZURE_CONFIG_DIR',
      'BOTO_CONFIG',
      'TF_CLI_CONFIG_FILE',
      'TF_PLUGIN_CACHE_DIR'
    ],
    prefixes: ['GIT_CONFIG_', 'TF_CLI_ARGS']
  },
  {
    reason: 'it writes secrets or traffic of later steps to a log or a file',
    names: ['GIT_CURL_VERBOSE', 'SSLKEYLOGFILE', 'NODE_DEBUG', 'GRPC_TRACE'],
    prefixes: ['GIT_TRACE', 'TF_LOG']
  },
  {
    reason: 'it reroutes later network traffic, exposing other credentials',
    names: [
      'HTTP_PROXY',
      'HTTPS_PROXY',
      'ALL_PROXY',
      'NO_PROXY',
      'FTP_PROXY',
      'RSYNC_PROXY',
      'GRPC_PROXY',
      'SOCKS_PROXY',
      'SOCKS5_PROXY',
      'DOCKER_HOST',
      'GH_HOST',
      'HOSTALIASES',
      'RES_OPTIONS',
      'LOCALDOMAIN',
      'BUILDKIT_HOST',
      'VAULT_ADDR',
      'CONSUL_HTTP_ADDR',
      'NOMAD_ADDR'
    ],
    prefixes: ['AWS_CSM_'],
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
      'AWS_CA_BUNDLE',
      'DOCKER_CERT_PATH',
      'DOCKER_TLS_VERIFY',
      'DENO_CERT',
      'GRPC_DEFAULT_SSL_ROOTS_FILE_PATH'
    ],
    prefixes: ['GIT_SSL_']
  },
  {
    reason:
      'it replaces or redirects the AWS or cloud credentials later steps and our post step use',
    names: [
      'AWS_ACCESS_KEY_ID',
      'AWS_SECRET_ACCESS_KEY',
      'AWS_SESSION_TOKEN',
      'AWS_SECURITY_TOKEN',
      'AWS_CREDENTIAL_EXPIRATION',
      'AWS_PROFILE',
      'AWS_DEFAULT_PROFILE',
      'AWS_CONFIG_FILE',
      'AWS_SHARED_CREDENTIALS_FILE',
      'AWS_DATA_PATH',
      'AWS_ROLE_ARN',
      'AWS_ROLE_SESSION_NAME',
      'AWS_WEB_IDENTITY_TOKEN_FILE',
      'GOOGLE_APPLICATION_CREDENTIALS'
    ],
    prefixes: ['AWS_ENDPOINT_URL', 'AWS_CONTAINER_', 'AWS_EC2_METADATA_']
  }
]

export const REFUSED_ENV_NAMES: readonly string[] = REFUSED_ENV_GROUPS.flatMap(g => g.names)
export const REFUSED_ENV_PREFIXES: readonly string[] = REFUSED_ENV_GROUPS.flatMap(g => g.prefixes)

const VALID_ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

/**
 * The platform whose env var rules apply: Windows when the runner says so (RUNNER_OS) or when
 * this process runs there. Windows compares env var names ignoring case.
 */
export function envPlatform(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform
): NodeJS.Platform {
  return env.RUNNER_OS === 'Windows' ? 'win32' : platform
}

/** The form two env var names share when the platform treats them as one variable. */
export function envNameKey(name: string, platform: NodeJS.Platform): string {
  return platform === 'win32' ? name.toUpperCase() : name
}

/**
 * Why `name` must never be exported, or undefined when it may be. The reason never repeats the
 * name. Windows compares env var names ignoring case, so there every list entry does too.
 */
export function refusedEnvNameReason(
  name: string,
  platform: NodeJS.Platform = envPlatform()
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
