export const id = 730;
export const ids = [730];
export const modules = {

/***/ 4212:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ry: () => (/* binding */ clientSettings),
  mb: () => (/* binding */ createSecretsManagerClient)
});

// UNUSED EXPORTS: DEFAULT_REQUEST_TIMEOUT_MS

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-secrets-manager/dist-cjs/index.js
var dist_cjs = __webpack_require__(2994);
// EXTERNAL MODULE: ./src/aws/http.ts
var http = __webpack_require__(5421);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/secrets/ids.ts
var ids = __webpack_require__(5783);
;// CONCATENATED MODULE: ./src/aws/region.ts


/** Input first, then the region of a secret ARN, then the environment. */
function resolveRegion(input, arns, env) {
    const fromArn = arns.map(ids/* regionFromArn */.e0).find(region => region !== undefined);
    const region = input || fromArn || env.AWS_REGION || env.AWS_DEFAULT_REGION;
    if (!region) {
        throw new errors/* ActionError */.l("No AWS region: set the 'aws-region' input, use a secret ARN, or set AWS_REGION " +
            '(aws-actions/configure-aws-credentials sets it).');
    }
    return region;
}

;// CONCATENATED MODULE: ./src/aws/client.ts



const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;
/** Everything every AWS client of this run shares, resolved once. */
function clientSettings(config, secretArns, env) {
    const region = resolveRegion(config.region, secretArns, env);
    const endpoint = config.endpoint || env.AWS_ENDPOINT_URL_SECRETS_MANAGER || env.AWS_ENDPOINT_URL || undefined;
    const host = endpoint ? new URL(endpoint).hostname : `secretsmanager.${region}.amazonaws.com`;
    return {
        region,
        endpoint,
        maxAttempts: config.maxAttempts,
        proxy: (0,http/* proxyFor */.iJ)(host, config.proxy, env),
        requestTimeoutMs: Number(env.SMA_REQUEST_TIMEOUT_MS) || DEFAULT_REQUEST_TIMEOUT_MS,
        given: { endpoint: config.endpoint, proxy: config.proxy }
    };
}
/** The one place a Secrets Manager client is built. */
function createSecretsManagerClient(settings) {
    return new dist_cjs/* SecretsManagerClient */._H({
        region: settings.region,
        endpoint: settings.endpoint,
        maxAttempts: settings.maxAttempts,
        retryMode: 'standard',
        credentials: settings.credentials,
        requestHandler: (0,http/* httpHandler */.bu)(settings)
    });
}


/***/ }),

/***/ 7562:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  z8: () => (/* binding */ resolveCredentials)
});

// UNUSED EXPORTS: REFRESH_WINDOW_MS, defaultSessionName

// EXTERNAL MODULE: ./src/actions-core.ts
var actions_core = __webpack_require__(1938);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/output/mask.ts
var mask = __webpack_require__(2533);
;// CONCATENATED MODULE: ./src/aws/oidc.ts



const PERMISSION_HINT = 'The job needs `permissions: id-token: write` (set it on the workflow or the job; a job that ' +
    'sets any permissions must list it too). Without it, use role-chaining with credentials ' +
    'already present.';
/** A GitHub OIDC token for the audience, from the runner's token endpoint; masked at once. */
async function requestIdToken(audience, env) {
    if (!env.ACTIONS_ID_TOKEN_REQUEST_URL || !env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
        throw new errors/* ActionError */.l(`Cannot request a GitHub OIDC token: ${PERMISSION_HINT}`);
    }
    let token;
    try {
        // core.getIDToken registers the token with the runner (setSecret) before returning it.
        token = await actions_core/* getIDToken */.V9(audience);
    }
    catch (error) {
        throw new errors/* ActionError */.l(tokenFailure(error, audience));
    }
    mask/* masker */.KB.add(token);
    return token;
}
/** The endpoint's answer is summed up by its status; its body is not ours to print. */
function tokenFailure(error, audience) {
    const message = String(error?.message ?? error);
    if (/ACTIONS_ID_TOKEN_REQUEST/.test(message)) {
        return `Cannot request a GitHub OIDC token: ${PERMISSION_HINT}`;
    }
    const status = /Error Code\s*:\s*(\d{3})/.exec(message)?.[1];
    const base = `GitHub's OIDC token endpoint refused a token for audience '${audience}'`;
    if (status === '401' || status === '403')
        return `${base} (HTTP ${status}). ${PERMISSION_HINT}`;
    if (status)
        return `${base} (HTTP ${status}): a GitHub-side failure; re-run the job.`;
    if (/ID Token field/.test(message))
        return `${base}: its answer held no token; re-run the job.`;
    return `Could not reach GitHub's OIDC token endpoint for audience '${audience}'; re-run the job.`;
}
/** The `sub` claim of a JWT (not a secret: it names the repository and ref), if it has one. */
function tokenSubject(token) {
    const payload = token.split('.')[1];
    if (!payload)
        return undefined;
    try {
        const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
        const sub = claims?.sub;
        return typeof sub === 'string' ? sub : undefined;
    }
    catch {
        return undefined;
    }
}

// EXTERNAL MODULE: ./src/aws/errors.ts
var aws_errors = __webpack_require__(9378);
;// CONCATENATED MODULE: ./src/aws/role-errors.ts

const GITHUB_ISSUER = 'token.actions.githubusercontent.com';
/** Explains a failed role assumption: which role, how, and what to change. Never a credential. */
function describeAssumeError(error, attempt) {
    const { role } = attempt;
    const failure = (0,aws_errors/* awsFailure */.MT)(error);
    const how = role.chaining
        ? 'sts:AssumeRole with the credentials already present (role-chaining)'
        : 'sts:AssumeRoleWithWebIdentity with GitHub OIDC';
    const head = `Could not assume role ${role.arn} (${how})`;
    if ((0,aws_errors/* isAccessDenied */.w7)(error) || /IDPRejectedClaim/.test(failure.name)) {
        return `${head}: access denied. ${role.chaining ? chainingHint(role) : oidcHint(attempt)}`;
    }
    if (/InvalidIdentityToken/.test(failure.name)) {
        return (`${head}: STS rejected the token. Account ${accountOf(role.arn)} needs the IAM OIDC ` +
            `identity provider https://${GITHUB_ISSUER} with the audience '${role.audience}'.`);
    }
    if ((0,aws_errors/* isThrottled */.B5)(error)) {
        return `${head}: throttled by STS after all retries; raise max-attempts or re-run the job.`;
    }
    if (failure.name === 'CredentialsProviderError' || /credential/i.test(failure.name)) {
        return (`${head}: no credentials are present to chain from. Run ` +
            `aws-actions/configure-aws-credentials first, or set role-chaining to false to use OIDC.`);
    }
    const code = error?.code;
    if (code && aws_errors/* NETWORK_CODES */.Co.includes(code)) {
        return (`${head}: could not reach STS (${code}). Check AWS_ENDPOINT_URL_STS, endpoint-url, ` +
            `http-proxy and the network.`);
    }
    if (/DurationSeconds|session limit/i.test(failure.message)) {
        return (`${head}: role-duration-seconds (${role.durationSeconds}) exceeds what the role allows: ` +
            `its maximum session duration, and 1 hour for a chained role.`);
    }
    const status = failure.status ? `, HTTP ${failure.status}` : '';
    return `${head}: ${failure.name}${status}: ${failure.message}`;
}
function oidcHint({ role, subject, env }) {
    const sub = subject
        ? `this run's token has sub '${subject}'`
        : `e.g. 'repo:${env.GITHUB_REPOSITORY ?? '<owner>/<repo>'}:ref:${env.GITHUB_REF ?? '<ref>'}'`;
    return (`The role's trust policy must allow sts:AssumeRoleWithWebIdentity for the federated ` +
        `principal arn:aws:iam::${accountOf(role.arn)}:oidc-provider/${GITHUB_ISSUER}, with the ` +
        `condition ${GITHUB_ISSUER}:aud = '${role.audience}' and a ${GITHUB_ISSUER}:sub condition ` +
        `that matches this workflow (${sub}).`);
}
function chainingHint(role) {
    const externalId = role.externalId
        ? ', with an sts:ExternalId condition equal to role-external-id'
        : '';
    return (`The credentials already present need sts:AssumeRole on this role, and the role's trust ` +
        `policy must trust their principal${externalId}.`);
}
function accountOf(roleArn) {
    return roleArn.split(':')[4] ?? '<account>';
}

;// CONCATENATED MODULE: ./src/aws/credentials.ts





/** As the SDK: credentials this close to expiry are renewed before a request. */
const REFRESH_WINDOW_MS = 5 * 60_000;
/**
 * Credentials for this step's clients: the default chain, or an assumed role. The role is
 * assumed here, at once, so a refusal fails the step before any secret is touched; the
 * credentials live only in the returned provider (never in env vars or files), and are
 * assumed again when they near expiry (a long rotation, say).
 */
async function resolveCredentials(role, settings, env) {
    if (role === undefined)
        return undefined;
    // STS and its XML parser are compiled only in a step that assumes a role.
    const sts = await Promise.all(/* import() */[__webpack_require__.e(695), __webpack_require__.e(665)]).then(__webpack_require__.bind(__webpack_require__, 8665));
    const client = sts.createStsClient(settings, env);
    const assume = () => assumeRole(sts, client, role, env);
    let current = await assume();
    let renewing;
    return async () => {
        if (!expiresSoon(current))
            return current;
        renewing ??= assume()
            .then(fresh => (current = fresh))
            .finally(() => (renewing = undefined));
        return renewing;
    };
}
function expiresSoon(credentials) {
    const expiration = credentials.expiration?.getTime();
    return expiration !== undefined && expiration - Date.now() < REFRESH_WINDOW_MS;
}
async function assumeRole({ AssumeRoleCommand, AssumeRoleWithWebIdentityCommand }, sts, role, env) {
    const request = {
        RoleArn: role.arn,
        RoleSessionName: role.sessionName ?? defaultSessionName(env),
        DurationSeconds: role.durationSeconds
    };
    let subject;
    let credentials;
    try {
        if (role.chaining) {
            const command = new AssumeRoleCommand({ ...request, ExternalId: role.externalId });
            credentials = (await sts.send(command)).Credentials;
        }
        else {
            const token = await requestIdToken(role.audience, env);
            subject = tokenSubject(token);
            const command = new AssumeRoleWithWebIdentityCommand({ ...request, WebIdentityToken: token });
            credentials = (await sts.send(command)).Credentials;
        }
    }
    catch (error) {
        if (error instanceof errors/* ActionError */.l)
            throw error;
        throw new errors/* ActionError */.l(describeAssumeError(error, { role, subject, env }));
    }
    const identity = maskedIdentity(credentials, role);
    const how = role.chaining ? 'role chaining' : 'GitHub OIDC';
    actions_core/* info */.pq(`Assumed role ${role.arn} as session ${request.RoleSessionName} (${how}); ` +
        'its credentials stay inside this step.');
    return identity;
}
/** Masks each part the moment it arrives, then checks STS gave all three. */
function maskedIdentity(credentials, role) {
    const { AccessKeyId, SecretAccessKey, SessionToken, Expiration } = credentials ?? {};
    for (const part of [AccessKeyId, SecretAccessKey, SessionToken])
        if (part)
            mask/* masker */.KB.add(part);
    if (!AccessKeyId || !SecretAccessKey || !SessionToken) {
        throw new errors/* ActionError */.l(`STS answered without credentials for role ${role.arn}.`);
    }
    return {
        accessKeyId: AccessKeyId,
        secretAccessKey: SecretAccessKey,
        sessionToken: SessionToken,
        expiration: Expiration
    };
}
const SESSION_NAME_MAX = 64;
/** `GitHubActions-<run id>-<attempt>`, in the alphabet STS allows, at most 64 characters. */
function defaultSessionName(env) {
    const parts = ['GitHubActions', env.GITHUB_RUN_ID, env.GITHUB_RUN_ATTEMPT].filter(Boolean);
    return parts
        .join('-')
        .replace(/[^\w+=,.@-]/g, '_')
        .slice(0, SESSION_NAME_MAX);
}


/***/ }),

/***/ 9378:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   B5: () => (/* binding */ isThrottled),
/* harmony export */   Co: () => (/* binding */ NETWORK_CODES),
/* harmony export */   MT: () => (/* binding */ awsFailure),
/* harmony export */   Pp: () => (/* binding */ describeAwsError),
/* harmony export */   c4: () => (/* binding */ isNotFound),
/* harmony export */   w7: () => (/* binding */ isAccessDenied),
/* harmony export */   xg: () => (/* binding */ isUnreadableResponse)
/* harmony export */ });
/* unused harmony export isTimeout */
function awsFailure(error) {
    const err = error;
    return {
        name: err?.name ?? err?.code ?? 'Error',
        status: err?.$metadata?.httpStatusCode,
        message: String(err?.message ?? error)
    };
}
const NETWORK_CODES = [
    'ECONNREFUSED',
    'ECONNRESET',
    'ENOTFOUND',
    'ETIMEDOUT',
    'EPIPE',
    'EAI_AGAIN'
];
const DNS_CODES = ['ENOTFOUND', 'EAI_AGAIN'];
/**
 * A response that is not the service's JSON: an HTML error page, a proxy's answer, a mangled
 * body. The parser's message quotes the body around the fault, and a body may hold secret
 * values that were never registered as masks: such a message is never shown.
 */
function isUnreadableResponse(error) {
    const err = error;
    if (err === null || typeof err !== 'object')
        return false;
    return (err.name === 'SyntaxError' ||
        '$responseBodyText' in err ||
        /Deserialization error/.test(String(err.message)));
}
/** No answer within the request timeout (the handler's or the connection's). */
function isTimeout(error) {
    const err = error;
    if (err?.code === 'ETIMEDOUT')
        return true;
    return err?.name === 'TimeoutError' && !NETWORK_CODES.includes(err.code ?? '');
}
function isNotFound(error) {
    const { name, status } = awsFailure(error);
    return (name === 'ResourceNotFoundException' || (status === 404 && name !== 'AccessDeniedException'));
}
function isAccessDenied(error) {
    const { name, status } = awsFailure(error);
    // moto answers denials as XML, which the JSON client reports as a SyntaxError with status 403.
    return /AccessDenied|UnauthorizedOperation|NotAuthorized/.test(name) || status === 403;
}
function isThrottled(error) {
    const { name, status } = awsFailure(error);
    return /Throttl|TooManyRequests|RequestLimitExceeded/.test(name) || status === 429;
}
/** Actions that cannot be limited to one secret's ARN (their policy Resource is "*"). */
const UNSCOPED = ['GetRandomPassword', 'ListSecrets', 'BatchGetSecretValue'];
const READS = ['GetSecretValue', 'BatchGetSecretValue'];
const WRITES = ['PutSecretValue', 'CreateSecret'];
function permissionHint(operation) {
    const where = UNSCOPED.includes(operation) ? ' (Resource "*")' : ' on this secret';
    const kms = READS.includes(operation)
        ? ' and kms:Decrypt on its KMS key if it is a customer managed key'
        : WRITES.includes(operation)
            ? ' and kms:GenerateDataKey on its KMS key if it is a customer managed key'
            : '';
    return `the credentials need secretsmanager:${operation}${where}${kms}.`;
}
/**
 * Explains a failed call: what happened to which secret, and what to do.
 * AWS error messages carry names and ARNs, never secret values.
 */
function describeAwsError(error, operation, secret) {
    const failure = awsFailure(error);
    const target = secret ? ` for '${secret}'` : '';
    if (isAccessDenied(error)) {
        return `Access denied to secretsmanager:${operation}${target}: ${permissionHint(operation)}`;
    }
    if (isNotFound(error)) {
        return `Secret${target ? ` '${secret}'` : ''} not found (${operation}): check the name or ARN and the region.`;
    }
    if (isThrottled(error)) {
        return `Throttled by Secrets Manager${target} (${operation}) after all retries: raise max-attempts or read fewer secrets at once.`;
    }
    if (failure.name === 'InvalidRequestException' && /delet/i.test(failure.message)) {
        return `Secret${target ? ` '${secret}'` : ''} is scheduled for deletion (${operation}): restore it first.`;
    }
    if (failure.name === 'DecryptionFailure') {
        return `Could not decrypt${target}: the credentials need kms:Decrypt on the secret's KMS key.`;
    }
    if (failure.name === 'CredentialsProviderError' || /credential/i.test(failure.name)) {
        return (`No usable AWS credentials (${operation}): use role-to-assume, or run ` +
            `aws-actions/configure-aws-credentials before this step.`);
    }
    if (isTimeout(error)) {
        return (`No answer from Secrets Manager within the request timeout (${operation}${target}) ` +
            `after ${attemptsOf(error)}: check endpoint-url, http-proxy and the network, or raise ` +
            `max-attempts.`);
    }
    const { code, hostname } = error;
    if (code && NETWORK_CODES.includes(code)) {
        const host = hostname ? ` at ${hostname}` : '';
        const check = DNS_CODES.includes(code)
            ? 'Check aws-region (an unknown region has no endpoint), endpoint-url and the network.'
            : 'Check endpoint-url, http-proxy and the network.';
        return `Could not reach Secrets Manager${host} (${operation}${target}): ${code}. ${check}`;
    }
    const status = failure.status ? ` HTTP ${failure.status}` : '';
    if (isUnreadableResponse(error)) {
        return (`${operation}${target} failed: the endpoint answered${status} with something that is not a ` +
            `Secrets Manager response (not shown: it may hold secret values). Check aws-region, ` +
            `endpoint-url and http-proxy.`);
    }
    return `${operation}${target} failed: ${failure.name}${status && `,${status}`}: ${failure.message}`;
}
function attemptsOf(error) {
    const attempts = error?.$metadata?.attempts;
    return attempts ? `${attempts} attempt${attempts === 1 ? '' : 's'}` : 'all attempts';
}


/***/ }),

/***/ 5421:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   bu: () => (/* binding */ httpHandler),
/* harmony export */   iJ: () => (/* binding */ proxyFor)
/* harmony export */ });
/* unused harmony export bypassesProxy */
/* harmony import */ var _smithy_node_http_handler__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1279);
/* harmony import */ var http_proxy_agent__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8947);
/* harmony import */ var https_proxy_agent__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1566);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4708);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_https__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_3__);





/** True when NO_PROXY lists the host (exact, domain suffix, or *). */
function bypassesProxy(host, noProxy) {
    if (!noProxy)
        return false;
    return noProxy
        .split(',')
        .map(entry => entry.trim().toLowerCase().replace(/:\d+$/, ''))
        .filter(entry => entry !== '')
        .some(entry => {
        if (entry === '*')
            return true;
        const domain = entry.replace(/^\*?\./, '');
        return host === domain || host.endsWith(`.${domain}`);
    });
}
function proxyFor(endpointHost, input, env) {
    const proxy = input || env.HTTPS_PROXY || env.https_proxy || env.HTTP_PROXY || env.http_proxy;
    if (!proxy)
        return undefined;
    return bypassesProxy(endpointHost.toLowerCase(), env.NO_PROXY ?? env.no_proxy) ? undefined : proxy;
}
function httpHandler(settings) {
    // Keep-alive agents with enough sockets for the parallel batches.
    const agentOptions = { keepAlive: true, maxSockets: 50 };
    const proxy = settings.proxy;
    return new _smithy_node_http_handler__WEBPACK_IMPORTED_MODULE_4__.NodeHttpHandler({
        httpAgent: proxy ? new http_proxy_agent__WEBPACK_IMPORTED_MODULE_0__/* .HttpProxyAgent */ .s(proxy, agentOptions) : new node_http__WEBPACK_IMPORTED_MODULE_3__.Agent(agentOptions),
        httpsAgent: proxy ? new https_proxy_agent__WEBPACK_IMPORTED_MODULE_1__/* .HttpsProxyAgent */ .b(proxy, agentOptions) : new node_https__WEBPACK_IMPORTED_MODULE_2__.Agent(agentOptions),
        connectionTimeout: 5000,
        requestTimeout: settings.requestTimeoutMs,
        // Without it a request past the timeout only logs a warning and can wait forever.
        throwOnRequestTimeout: true
    });
}


/***/ }),

/***/ 3916:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ InputError),
/* harmony export */   l: () => (/* binding */ ActionError)
/* harmony export */ });
/** A bad input: the message names the input and what is wrong, never a secret value. */
class InputError extends Error {
    input;
    constructor(input, detail) {
        super(`Input '${input}': ${detail}`);
        this.input = input;
        this.name = 'InputError';
    }
}
/** A failure the user can act on; the message is already written for them. */
class ActionError extends Error {
    constructor(message) {
        super(message);
        this.name = 'ActionError';
    }
}


/***/ }),

/***/ 832:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $Q: () => (/* binding */ parseAwsConfig),
/* harmony export */   Zx: () => (/* binding */ parseMode),
/* harmony export */   n$: () => (/* binding */ parseEmitConfig)
/* harmony export */ });
/* unused harmony export MODES */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _output_mask_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2533);


const MODES = (/* unused pure expression or super */ null && ([
    'fetch',
    'lookup-jsonpath',
    'put',
    'push-generated',
    'rotate',
    'check-changed'
]));
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
function parseMode(inputs, known) {
    const mode = inputs.string('mode') || 'fetch';
    if (!known.includes(mode)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d('mode', `unknown mode '${mode}'; valid modes: ${known.join(', ')}`);
    }
    return mode;
}
function parseAwsConfig(inputs) {
    const region = inputs.optional('aws-region');
    if (region !== undefined && !REGION.test(region)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d('aws-region', `'${region}' is not a region name such as us-east-1`);
    }
    return {
        region,
        endpoint: parseUrl(inputs, 'endpoint-url'),
        maxAttempts: inputs.int('max-attempts', { min: 1, max: 20 }, 5),
        proxy: parseUrl(inputs, 'http-proxy'),
        role: parseRole(inputs)
    };
}
function parseEmitConfig(inputs, defaults) {
    return {
        env: inputs.bool('export-env', defaults.env),
        outputs: inputs.bool('export-outputs', defaults.outputs),
        outputDir: inputs.optional('output-dir')
    };
}
function parseUrl(inputs, name) {
    const text = inputs.optional(name);
    if (text === undefined)
        return undefined;
    let url;
    try {
        url = new URL(text);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d(name, `'${(0,_output_mask_js__WEBPACK_IMPORTED_MODULE_1__/* .withoutUserInfo */ .sl)(text)}' is not a URL`);
    }
    (0,_output_mask_js__WEBPACK_IMPORTED_MODULE_1__/* .maskUrlPassword */ .j6)(text);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d(name, `must be an http:// or https:// URL, got '${url.protocol}'`);
    }
    return text;
}
function parseRole(inputs) {
    const arn = inputs.optional('role-to-assume');
    if (arn === undefined) {
        const orphan = ['role-chaining', 'role-external-id', 'role-session-name'].find(name => inputs.string(name) !== '' && inputs.string(name) !== 'false');
        if (orphan)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d('role-to-assume', `is required when ${orphan} is set`);
        return undefined;
    }
    if (!ROLE_ARN.test(arn)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d('role-to-assume', `'${arn}' is not an IAM role ARN (arn:aws:iam::<12-digit account>:role/<name>)`);
    }
    const sessionName = inputs.optional('role-session-name');
    if (sessionName !== undefined && !/^[\w+=,.@-]{2,64}$/.test(sessionName)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d('role-session-name', 'must be 2 to 64 characters of [A-Za-z0-9_+=,.@-]');
    }
    const chaining = inputs.bool('role-chaining', false);
    const externalId = inputs.optional('role-external-id');
    if (externalId !== undefined && !chaining) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d('role-external-id', 'applies only with role-chaining: true (AssumeRoleWithWebIdentity takes no external id)');
    }
    if (externalId !== undefined && !/^[\w+=,.@:/-]{2,1224}$/.test(externalId)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d('role-external-id', 'must be 2 to 1224 characters of [A-Za-z0-9_+=,.@:/-]');
    }
    return {
        arn,
        audience: inputs.string('audience') || 'sts.amazonaws.com',
        sessionName,
        durationSeconds: inputs.int('role-duration-seconds', { min: 900, max: 43200 }, 900),
        externalId,
        chaining
    };
}


/***/ }),

/***/ 9066:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ Inputs),
/* harmony export */   L: () => (/* binding */ readActionInput)
/* harmony export */ });
/* harmony import */ var _actions_core_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1938);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);


const readActionInput = name => _actions_core_js__WEBPACK_IMPORTED_MODULE_0__/* .getInput */ .V4(name);
/** Typed accessors over raw inputs; every refusal names the input. */
class Inputs {
    read;
    constructor(read = readActionInput) {
        this.read = read;
    }
    string(name) {
        return this.read(name).trim();
    }
    optional(name) {
        return this.string(name) || undefined;
    }
    /** Keeps the text as written (multi-line values, secret strings). */
    raw(name) {
        return this.read(name);
    }
    required(name, why) {
        const value = this.string(name);
        if (!value)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(name, `is required ${why}`);
        return value;
    }
    bool(name, fallback) {
        const value = this.string(name).toLowerCase();
        if (value === '' && fallback !== undefined)
            return fallback;
        if (value === 'true')
            return true;
        if (value === 'false')
            return false;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(name, `must be true or false, got '${this.string(name)}'`);
    }
    int(name, range, fallback) {
        const text = this.string(name);
        if (text === '' && fallback !== undefined)
            return fallback;
        if (!/^\d+$/.test(text)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(name, `must be a whole number, got '${text}'`);
        }
        const value = Number(text);
        if (value < range.min || value > range.max) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(name, `must be between ${range.min} and ${range.max}, got ${value}`);
        }
        return value;
    }
    oneOf(name, allowed, fallback) {
        const text = this.string(name);
        if (text === '' && fallback !== undefined)
            return fallback;
        const match = allowed.find(option => option.toLowerCase() === text.toLowerCase());
        if (match === undefined) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(name, `must be one of ${allowed.join(', ')}; got '${text}'`);
        }
        return match;
    }
    /** Refuses inputs that mean nothing in this configuration, rather than ignoring them. */
    forbid(names, reason) {
        const given = names.find(name => this.optional(name) !== undefined);
        if (given !== undefined)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(given, reason);
    }
    /** Non-empty lines, trimmed. */
    lines(name) {
        return this.read(name)
            .split(/\r?\n/)
            .map(line => line.trim())
            .filter(line => line !== '');
    }
}


/***/ }),

/***/ 1730:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   STATE_MODE: () => (/* binding */ STATE_MODE),
/* harmony export */   STATE_REGION: () => (/* binding */ STATE_REGION),
/* harmony export */   failureMessage: () => (/* binding */ failureMessage),
/* harmony export */   run: () => (/* binding */ run)
/* harmony export */ });
/* harmony import */ var _actions_core_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1938);
/* harmony import */ var _aws_client_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4212);
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(9378);
/* harmony import */ var _aws_credentials_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7562);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/* harmony import */ var _inputs_common_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(832);
/* harmony import */ var _inputs_reader_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9066);
/* harmony import */ var _modes_index_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6544);
/* harmony import */ var _output_emit_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(7861);
/* harmony import */ var _output_mask_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(2533);










const STATE_MODE = 'sma-mode';
const STATE_REGION = 'sma-region';
/** The action's main step: parse every input, run the mode's handler, emit what it returns. */
async function run(read = _inputs_reader_js__WEBPACK_IMPORTED_MODULE_5__/* .readActionInput */ .L, env = process.env) {
    try {
        const inputs = new _inputs_reader_js__WEBPACK_IMPORTED_MODULE_5__/* .Inputs */ .G(read);
        const mode = (0,_inputs_common_js__WEBPACK_IMPORTED_MODULE_4__/* .parseMode */ .Zx)(inputs, Object.keys(_modes_index_js__WEBPACK_IMPORTED_MODULE_6__/* .handlers */ .Y));
        const handler = await _modes_index_js__WEBPACK_IMPORTED_MODULE_6__/* .handlers */ .Y[mode]();
        const aws = (0,_inputs_common_js__WEBPACK_IMPORTED_MODULE_4__/* .parseAwsConfig */ .$Q)(inputs);
        const emitConfig = (0,_inputs_common_js__WEBPACK_IMPORTED_MODULE_4__/* .parseEmitConfig */ .n$)(inputs, handler.exportDefaults);
        const config = handler.parse(inputs);
        _actions_core_js__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz(`mode ${mode}: inputs are valid`);
        const settings = (0,_aws_client_js__WEBPACK_IMPORTED_MODULE_1__/* .clientSettings */ .ry)(aws, handler.secretArns(config), env);
        // Endpoint and proxy may also come from the environment, credentials and all.
        (0,_output_mask_js__WEBPACK_IMPORTED_MODULE_8__/* .maskUrlPassword */ .j6)(settings.endpoint);
        (0,_output_mask_js__WEBPACK_IMPORTED_MODULE_8__/* .maskUrlPassword */ .j6)(settings.proxy);
        settings.credentials = await (0,_aws_credentials_js__WEBPACK_IMPORTED_MODULE_2__/* .resolveCredentials */ .z8)(aws.role, settings, env);
        const endpoint = settings.endpoint ? (0,_output_mask_js__WEBPACK_IMPORTED_MODULE_8__/* .withoutUserInfo */ .sl)(settings.endpoint) : 'default';
        _actions_core_js__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz(`region ${settings.region}, endpoint ${endpoint}`);
        const client = (0,_aws_client_js__WEBPACK_IMPORTED_MODULE_1__/* .createSecretsManagerClient */ .mb)(settings);
        _actions_core_js__WEBPACK_IMPORTED_MODULE_0__/* .saveState */ .LZ(STATE_MODE, mode);
        _actions_core_js__WEBPACK_IMPORTED_MODULE_0__/* .saveState */ .LZ(STATE_REGION, settings.region);
        const emission = await handler.run(config, { client, settings, env });
        await (0,_output_emit_js__WEBPACK_IMPORTED_MODULE_7__/* .emit */ .Ic)(emission, emitConfig, env);
    }
    catch (error) {
        _actions_core_js__WEBPACK_IMPORTED_MODULE_0__/* .setFailed */ .C1(failureMessage(error));
    }
}
/** One line a user can act on: no stack trace, and scrubbed of anything masked. */
function failureMessage(error) {
    const known = error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .d || error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ActionError */ .l;
    const err = error;
    const message = known
        ? String(err.message)
        : (0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_9__/* .isUnreadableResponse */ .xg)(error)
            ? `Unexpected ${err.name}: a response could not be parsed (not shown: it may hold secret values)`
            : `Unexpected ${err?.name ?? 'error'}: ${err?.message ?? error}`;
    _actions_core_js__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz(`failure: ${err?.name ?? typeof error}`);
    return _output_mask_js__WEBPACK_IMPORTED_MODULE_8__/* .masker */ .KB.redact(message).replace(/\s*\r?\n\s*/g, ' ');
}


/***/ }),

/***/ 6544:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Y: () => (/* binding */ handlers)
/* harmony export */ });
const load = (get) => () => get();
/**
 * Every mode that works, each loaded on first use: a step compiles only its own mode's code and
 * the libraries it needs (ncc turns each `import()` into a chunk). The router refuses any other.
 */
const handlers = {
    fetch: load(async () => (await __webpack_require__.e(/* import() */ 828).then(__webpack_require__.bind(__webpack_require__, 1828))).fetchMode),
    'lookup-jsonpath': load(async () => (await Promise.all(/* import() */[__webpack_require__.e(426), __webpack_require__.e(119)]).then(__webpack_require__.bind(__webpack_require__, 6119))).lookupJsonPathMode),
    put: load(async () => (await __webpack_require__.e(/* import() */ 971).then(__webpack_require__.bind(__webpack_require__, 1971))).putMode),
    'push-generated': load(async () => (await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(702)]).then(__webpack_require__.bind(__webpack_require__, 7702))).pushGeneratedMode),
    'check-changed': load(async () => (await __webpack_require__.e(/* import() */ 339).then(__webpack_require__.bind(__webpack_require__, 9339))).checkChangedMode),
    rotate: load(async () => (await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(737)]).then(__webpack_require__.bind(__webpack_require__, 9737))).rotateMode)
};


/***/ }),

/***/ 7861:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  KH: () => (/* binding */ STATE_ENV),
  mF: () => (/* binding */ STATE_FILES),
  Ic: () => (/* binding */ emit)
});

// UNUSED EXPORTS: asText

// EXTERNAL MODULE: ./src/actions-core.ts
var actions_core = __webpack_require__(1938);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/output/env-names.ts
var env_names = __webpack_require__(7743);
// EXTERNAL MODULE: ./src/output/mask.ts
var mask = __webpack_require__(2533);
;// CONCATENATED MODULE: ./src/output/summary.ts

/** Writes a table of names and ids to the job summary; scrubbed as a backstop. */
async function writeSummary(table, masker) {
    if (!process.env.GITHUB_STEP_SUMMARY) {
        actions_core/* debug */.Yz('No GITHUB_STEP_SUMMARY file: skipping the job summary');
        return;
    }
    const clean = (text) => masker.redact(text);
    const summary = actions_core/* summary */.z.addHeading(clean(table.heading), 3);
    if (table.rows.length > 0) {
        summary.addTable([
            table.header.map(data => ({ data: clean(data), header: true })),
            ...table.rows.map(row => row.map(cell => clean(cell)))
        ]);
    }
    for (const note of table.notes ?? [])
        summary.addRaw(`\n${clean(note)}\n`, true);
    await summary.write();
}

;// CONCATENATED MODULE: ./src/output/emit.ts







const STATE_FILES = 'sma-files';
const STATE_ENV = 'sma-env';
const OUTPUT_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const FILE_NAME = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;
/**
 * The one place values leave the process: mask everything, refuse anything unsafe before
 * writing anything, then write files, outputs, env vars, post-step state and the summary.
 */
async function emit(emission, config, env = process.env) {
    const secrets = emission.secrets ?? [];
    for (const target of secrets)
        mask/* masker */.KB.add(target.value);
    const plan = planTargets(secrets, config, emission.outputs ?? {}, env);
    const files = writeFiles(plan.files, config.outputDir);
    for (const [name, value] of Object.entries(emission.outputs ?? {}))
        actions_core/* setOutput */.uH(name, value);
    for (const target of plan.outputs)
        actions_core/* setOutput */.uH(target.name, asText(target.value));
    for (const target of plan.env)
        actions_core/* exportVariable */.dN(target.name, asText(target.value));
    actions_core/* saveState */.LZ(STATE_FILES, JSON.stringify(files));
    actions_core/* saveState */.LZ(STATE_ENV, JSON.stringify(plan.env.map(target => target.name)));
    for (const [name, value] of Object.entries(emission.state ?? {}))
        actions_core/* saveState */.LZ(name, value);
    if (emission.summary)
        await writeSummary(emission.summary, mask/* masker */.KB);
}
function planTargets(secrets, config, plainOutputs, env) {
    const plan = {
        env: config.env ? secrets.filter(target => goesTo(target, 'env')) : [],
        outputs: secrets.filter(target => (config.outputs ? goesTo(target, 'output') : forced(target))),
        files: config.outputDir ? secrets.filter(t => t.file !== undefined && goesTo(t, 'file')) : []
    };
    const problems = [
        ...envProblems(plan.env, env),
        ...outputProblems(plan.outputs, plainOutputs),
        ...fileProblems(plan.files)
    ];
    if (problems.length > 0) {
        throw new errors/* ActionError */.l(`Nothing was exported: ${problems.join('; ')}`);
    }
    return plan;
}
function goesTo(target, channel) {
    return target.channels === undefined || target.channels.includes(channel);
}
/** A target whose only channel is 'output' is an output whatever export-outputs says. */
function forced(target) {
    return target.channels?.length === 1 && target.channels[0] === 'output';
}
function envProblems(targets, env) {
    const seen = new Map();
    const problems = [];
    for (const { name, source } of targets) {
        const reason = (0,env_names/* refusedEnvNameReason */.Fc)(name);
        if (reason) {
            problems.push(`refused env var '${printable(name)}' from secret '${source}': ${reason}`);
        }
        else if (seen.has(name)) {
            problems.push(`env var '${name}' would be set twice (secrets '${seen.get(name)}' and '${source}')`);
        }
        else if (env[name] !== undefined) {
            problems.push(`env var '${name}' from secret '${source}' is already set; refusing to overwrite it`);
        }
        seen.set(name, source);
    }
    return problems;
}
function outputProblems(targets, plainOutputs) {
    const seen = new Set(Object.keys(plainOutputs));
    const problems = [];
    for (const { name, source } of targets) {
        if (!OUTPUT_NAME.test(name)) {
            problems.push(`output name '${printable(name)}' from secret '${source}' is not valid`);
        }
        else if (seen.has(name)) {
            problems.push(`output '${name}' would be set twice (secret '${source}')`);
        }
        seen.add(name);
    }
    return problems;
}
function fileProblems(targets) {
    const seen = new Set();
    const problems = [];
    for (const { file, source } of targets) {
        const name = file ?? '';
        if (!FILE_NAME.test(name) || name.includes('..')) {
            problems.push(`file name '${printable(name)}' from secret '${source}' is not safe`);
        }
        else if (seen.has(name)) {
            problems.push(`file '${name}' would be written twice (secret '${source}')`);
        }
        seen.add(name);
    }
    return problems;
}
/** Names come from secret names and JSON keys: show control characters, never raw. */
function printable(name) {
    return JSON.stringify(name).slice(1, -1);
}
function writeFiles(targets, outputDir) {
    if (!outputDir || targets.length === 0)
        return [];
    const dir = external_node_path_.resolve(outputDir);
    try {
        external_node_fs_.mkdirSync(dir, { recursive: true, mode: 0o700 });
    }
    catch (error) {
        const code = error.code;
        throw new errors/* ActionError */.l(`Nothing was exported: output-dir '${outputDir}' is not a directory that can be created (${code})`);
    }
    const written = [];
    try {
        for (const target of targets) {
            const file = external_node_path_.join(dir, target.file);
            external_node_fs_.writeFileSync(file, toBytes(target.value), { mode: 0o600, flag: 'wx' });
            written.push(file);
        }
    }
    catch (error) {
        written.forEach(file => external_node_fs_.rmSync(file, { force: true }));
        const code = error.code;
        throw new errors/* ActionError */.l(code === 'EEXIST'
            ? `Nothing was exported: a file to write already exists in output-dir '${outputDir}'`
            : `Nothing was exported: could not write into output-dir '${outputDir}' (${code})`);
    }
    return written;
}
function toBytes(value) {
    return typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
}
/** Env vars and outputs are text: binary values go as base64. */
function asText(value) {
    return typeof value === 'string' ? value : Buffer.from(value).toString('base64');
}


/***/ }),

/***/ 7743:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fc: () => (/* binding */ refusedEnvNameReason),
/* harmony export */   Kw: () => (/* binding */ toEnvName),
/* harmony export */   vN: () => (/* binding */ flattenJsonToEnv)
/* harmony export */ });
/* unused harmony exports REFUSED_ENV_GROUPS, REFUSED_ENV_NAMES, REFUSED_ENV_PREFIXES */
/* harmony import */ var _secrets_json_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4383);

const TRANSFORMS = {
    uppercase: text => text.toUpperCase(),
    lowercase: text => text.toLowerCase(),
    none: text => text
};
/**
 * The official transformToValidEnvName: a leading ASCII digit gets a '_' in front, every
 * character outside [A-Za-z0-9_] becomes '_', then the case transformation is applied.
 */
function toEnvName(raw, transformation) {
    return segment(/^[0-9]/.test(raw) ? `_${raw}` : raw, transformation);
}
// The replacement runs per UTF-16 code unit, as the official regex has no 'u' flag:
// 'é' becomes '_' but an emoji (a surrogate pair) becomes '__'.
function segment(raw, transformation) {
    return TRANSFORMS[transformation](raw.replace(/[^a-zA-Z0-9_]/g, '_'));
}
/**
 * One env var per leaf of a JSON object, named PREFIX_KEY_SUBKEY. A prefix of '' gives bare
 * key names, as a blank alias does. Strings are exported as they are, any other leaf as its
 * JSON text ('100', 'true', 'null', '["a",1]'), as the official injectSecret does.
 */
function flattenJsonToEnv(prefix, json, transformation) {
    const entries = [];
    walk(prefix === '' ? '' : toEnvName(prefix, transformation), json, transformation, entries);
    return entries;
}
function walk(name, value, transformation, out) {
    const object = (0,_secrets_json_js__WEBPACK_IMPORTED_MODULE_0__/* .jsonObject */ .o)(value);
    if (object === undefined) {
        // The official action re-derives the full name here, so a bare key '7a' becomes '_7A'.
        out.push({ name: toEnvName(name, transformation), value: leafText(value) });
        return;
    }
    for (const key of Object.keys(object)) {
        // A key after a prefix keeps its leading digit (official hasPrefix = true): DB_7VALUE.
        const child = [name, segment(key, transformation)].filter(part => part !== '').join('_');
        walk(child, object[key], transformation, out);
    }
}
function leafText(value) {
    return typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
}
/** Names a secret must never set: each would let its content take over later steps. */
const REFUSED_ENV_GROUPS = [
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
];
const REFUSED_ENV_NAMES = REFUSED_ENV_GROUPS.flatMap(g => g.names);
const REFUSED_ENV_PREFIXES = REFUSED_ENV_GROUPS.flatMap(g => g.prefixes);
const VALID_ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/**
 * Why `name` must never be exported, or undefined when it may be. The reason never repeats the
 * name. Windows compares env var names ignoring case, so there every list entry does too.
 */
function refusedEnvNameReason(name, platform = process.platform) {
    if (name === '')
        return 'the name is empty';
    if (/[\0\r\n]/.test(name))
        return 'the name contains a NUL, CR or LF character';
    if (name.includes('='))
        return "the name contains '='";
    if (/ghadelimiter/i.test(name)) {
        return "the name contains 'ghadelimiter', the runner's file command delimiter";
    }
    if (!VALID_ENV_NAME.test(name)) {
        return 'not a valid env var name (letters, digits and _, not starting with a digit)';
    }
    const group = REFUSED_ENV_GROUPS.find(g => inGroup(g, name, platform === 'win32' || !!g.anyCase));
    return group && `reserved: ${group.reason}`;
}
function inGroup(group, name, ignoreCase) {
    const fold = (text) => (ignoreCase ? text.toUpperCase() : text);
    const folded = fold(name);
    return (group.names.some(entry => fold(entry) === folded) ||
        group.prefixes.some(entry => folded.startsWith(fold(entry))));
}


/***/ }),

/***/ 2533:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KB: () => (/* binding */ masker),
/* harmony export */   j6: () => (/* binding */ maskUrlPassword),
/* harmony export */   sl: () => (/* binding */ withoutUserInfo)
/* harmony export */ });
/* unused harmony exports maskForms, jsonLeaves, Masker */
/* harmony import */ var _actions_core_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1938);

/**
 * Every form a value can show up in a log: the whole value, each line (the runner masks line by
 * line), each JSON leaf, and the JSON-escaped form of each (a value inside logged JSON).
 */
function maskForms(value) {
    const forms = new Set();
    const add = (text) => {
        if (text.trim() === '')
            return;
        forms.add(text);
        const escaped = JSON.stringify(text).slice(1, -1);
        if (escaped !== text)
            forms.add(escaped);
    };
    const addText = (text) => {
        add(text);
        // A line of only punctuation ('{', '},') carries no secret and would blank it in every log.
        for (const line of text.split(/\r?\n|\r/))
            if (/[\p{L}\p{N}]/u.test(line))
                add(line);
        for (const leaf of jsonLeaves(text))
            addText(leaf);
    };
    if (typeof value === 'string') {
        addText(value);
    }
    else {
        add(Buffer.from(value).toString('base64'));
        const text = decodeUtf8(value);
        if (text !== undefined)
            addText(text);
    }
    return [...forms];
}
function decodeUtf8(bytes) {
    try {
        return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    }
    catch {
        return undefined;
    }
}
/** String forms of every leaf of a JSON object or array; [] for anything else. */
function jsonLeaves(text) {
    const trimmed = text.trim();
    if (!trimmed.startsWith('{') && !trimmed.startsWith('['))
        return [];
    let parsed;
    try {
        parsed = JSON.parse(trimmed);
    }
    catch {
        return [];
    }
    const leaves = [];
    const walk = (node) => {
        if (node !== null && typeof node === 'object') {
            Object.values(node).forEach(walk);
        }
        else if (node !== null) {
            leaves.push(String(node));
        }
    };
    walk(parsed);
    return [...leaves, ...numberLiterals(trimmed)];
}
/**
 * Numbers as the JSON text writes them: JSON.parse rounds an integer beyond 2^53 and turns
 * 1.0 into 1, and the form that shows in a log is the written one.
 */
function numberLiterals(json) {
    const outsideStrings = json.replace(/"(?:[^"\\]|\\.)*"/g, '""');
    return outsideStrings.match(/-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g) ?? [];
}
/** Registers secrets with the runner once each, and scrubs them from text we produce. */
class Masker {
    setSecret;
    registered = new Set();
    pattern;
    constructor(setSecret = _actions_core_js__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq) {
        this.setSecret = setSecret;
    }
    add(value) {
        for (const form of maskForms(value)) {
            if (this.registered.has(form))
                continue;
            this.registered.add(form);
            this.pattern = undefined;
            this.setSecret(form);
        }
    }
    /**
     * Replaces registered forms with ***: a backstop for messages and the summary, which are built
     * from names and ids only. Forms under 4 characters ("1", "true") are left to the runner's log
     * masking; scrubbing them here would garble every number in a message.
     */
    redact(text) {
        this.pattern ??= this.compile();
        return this.pattern ? text.replace(this.pattern, '***') : text;
    }
    /** One alternation, longest first, so a value is replaced whole before any part of it. */
    compile() {
        const forms = [...this.registered]
            .filter(form => form.length >= 4)
            .sort((a, b) => b.length - a.length)
            .map(form => form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
        return forms.length > 0 ? new RegExp(forms.join('|'), 'g') : undefined;
    }
}
/** The masker of this process: values are registered the moment they arrive. */
const masker = new Masker();
/** A URL's password (a proxy's, say) is a secret too: registered in both of its spellings. */
function maskUrlPassword(text, target = masker) {
    let password;
    try {
        password = new URL(text ?? '').password;
    }
    catch {
        return;
    }
    if (!password)
        return;
    target.add(password);
    try {
        target.add(decodeURIComponent(password));
    }
    catch {
        // not valid percent-encoding: the encoded form is what would show
    }
}
/** `scheme://user:password@host/...` as `scheme://***@host/...`, for messages and debug lines. */
function withoutUserInfo(text) {
    return text.replace(/^([^:/?#]*:\/\/).*@/, '$1***@');
}


/***/ }),

/***/ 5783:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cg: () => (/* binding */ idNames),
/* harmony export */   Ct: () => (/* binding */ parseSecretIds),
/* harmony export */   EH: () => (/* binding */ isArn),
/* harmony export */   T3: () => (/* binding */ parseSecretId),
/* harmony export */   Vf: () => (/* binding */ envPrefixFor),
/* harmony export */   e0: () => (/* binding */ regionFromArn),
/* harmony export */   h_: () => (/* binding */ secretNameFromArn)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _output_env_names_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7743);
/**
 * The secret-ids input, parsed as aws-actions/aws-secretsmanager-get-secrets parses it
 * (src/utils.ts extractAliasAndSecretIdFromInput, buildSecretsList; src/index.ts run).
 */


// The official prefix filter: 3+ characters of a secret name's alphabet, then a single '*'.
const PREFIX = /^([A-Za-z0-9/_+=.@-]{3,})\*$/;
// A well-formed secret ARN in any partition, complete or partial (without the random suffix).
const SECRET_ARN = /^arn:(aws[a-z-]*):secretsmanager:([a-z0-9-]+):([0-9]{12}):secret:([A-Za-z0-9/_+=.@-]+)$/;
const ALIAS = /^[A-Za-z_][A-Za-z0-9_]*$/;
/**
 * One request per non-blank line, in order, exact repeats dropped. A line is `id` or
 * `ALIAS,id`. Pass the name transformation to hold aliases to the official case rule
 * (an uppercase alias under 'uppercase'); without it any valid env var name is accepted.
 */
function parseSecretIds(text, inputName = 'secret-ids', transformation) {
    const requests = [];
    for (const line of text.split('\n')) {
        // Secret names and ARNs cannot contain '#' or whitespace, so a comment is unambiguous.
        const content = line.replace(/(^|\s)#.*$/, '').trim();
        if (content === '')
            continue;
        const request = parseLine(content, inputName, transformation);
        if (!requests.some(seen => sameRequest(seen, request)))
            requests.push(request);
    }
    return requests;
}
function parseLine(line, inputName, transformation) {
    const parts = line.split(',').map(part => part.trim());
    if (parts.length > 2) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d(inputName, `'${line}' has more than one comma: write ALIAS,secret-id`);
    }
    const id = parts[parts.length - 1];
    const alias = parts.length === 2 ? parts[0] : undefined;
    if (id === '')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d(inputName, `'${line}' has no secret id after the comma`);
    if (alias)
        checkAlias(alias, inputName, transformation);
    const { kind, id: target } = classify(id, inputName);
    // The official action drops a blank alias on a prefix (utils.ts:44 tests it for truthiness).
    const kept = kind === 'prefix' && alias === '' ? undefined : alias;
    return kept === undefined ? { id: target, kind } : { id: target, alias: kept, kind };
}
function classify(id, inputName) {
    if (id.includes('*')) {
        const prefix = PREFIX.exec(id)?.[1];
        if (prefix === undefined) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d(inputName, `'${id}' is not a valid prefix search: give at least 3 characters ` +
                '(letters, digits or /_+=.@-) followed by a single trailing *');
        }
        return { id: prefix, kind: 'prefix' };
    }
    if (/^arn:/i.test(id)) {
        if (!SECRET_ARN.test(id)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d(inputName, `'${id}' is not a Secrets Manager secret ARN ` +
                '(arn:<partition>:secretsmanager:<region>:<12-digit account>:secret:<name>)');
        }
        return { id, kind: 'arn' };
    }
    if (/\s/.test(id) || [...id].some(char => char < ' ' || char === '\u007f')) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d(inputName, `secret id '${id}' contains whitespace or a control character`);
    }
    return { id, kind: 'name' };
}
// Official rule (utils.ts:233-235): the alias must already be what the name derivation makes of it.
function checkAlias(alias, inputName, transformation) {
    const valid = ALIAS.test(alias) &&
        (transformation === undefined || (0,_output_env_names_js__WEBPACK_IMPORTED_MODULE_1__/* .toEnvName */ .Kw)(alias, transformation) === alias);
    if (valid)
        return;
    const letters = transformation === 'uppercase' || transformation === 'lowercase'
        ? `${transformation} letters`
        : 'letters';
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d(inputName, `alias '${alias}' is not a valid env var name: use ${letters}, digits and _, ` +
        'not starting with a digit');
}
function sameRequest(a, b) {
    return a.id === b.id && a.kind === b.kind && a.alias === b.alias;
}
/**
 * The secret name in an ARN, without the '-' and 6 random characters AWS appends. A partial ARN
 * whose name itself ends in '-' and 6 letters or digits is ambiguous: prefer GetSecretValue's
 * Name, which is what the official action uses.
 */
function secretNameFromArn(arn) {
    const name = SECRET_ARN.exec(arn)?.[4];
    if (name === undefined)
        throw new Error(`'${arn}' is not a Secrets Manager secret ARN`);
    return name.replace(/-[A-Za-z0-9]{6}$/, '');
}
function regionFromArn(arn) {
    return SECRET_ARN.exec(arn)?.[2];
}
/**
 * The env var name the official action gives this request's secret when exported whole (or
 * the prefix of its JSON keys): the alias when given, else derived from the secret's name.
 * A blank alias names a whole value after the secret (official index.ts:45-51); pass
 * `jsonFlattened` when the value is flattened as a JSON object to get '' (bare keys) instead.
 * `secretName` is the Name GetSecretValue (or ListSecrets, for a prefix match) returned.
 */
function envPrefixFor(request, secretName, transformation, jsonFlattened = false) {
    if (request.alias)
        return (0,_output_env_names_js__WEBPACK_IMPORTED_MODULE_1__/* .toEnvName */ .Kw)(request.alias, transformation);
    if (request.alias === '' && jsonFlattened)
        return '';
    return (0,_output_env_names_js__WEBPACK_IMPORTED_MODULE_1__/* .toEnvName */ .Kw)(officialSourceName(request, secretName), transformation);
}
// Official index.ts:50: an ARN is named by GetSecretValue's Name, any other id as typed. The
// official action only knows 'aws' partition ARNs and names an aws-cn or aws-us-gov ARN after
// the whole ARN; we name every partition's ARN by the secret's Name.
function officialSourceName(request, secretName) {
    return request.kind === 'name' ? request.id : secretName;
}
const SECRET_NAME = /^[A-Za-z0-9/_+=.@-]{1,512}$/;
function isArn(secretId) {
    return /^arn:/i.test(secretId);
}
/**
 * The secret-id input of the modes that work on one secret: a secret name, or a complete or
 * partial secret ARN. No alias and no wildcard (commas and stars are in no name or ARN).
 */
function parseSecretId(inputs, mode) {
    const id = inputs.required('secret-id', `in ${mode} mode`);
    if (/[\n,*]/.test(id)) {
        const wildcard = id.includes('*')
            ? `: '${id}' is a wildcard, which only fetch and check-changed take`
            : '';
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d('secret-id', `must name one secret (a name or an ARN)${wildcard}`);
    }
    if (isArn(id) ? regionFromArn(id) === undefined : !SECRET_NAME.test(id)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d('secret-id', `'${id}' is neither a secret name (1-512 letters, digits or /_+=.@-) nor a secret ARN ` +
            '(arn:<partition>:secretsmanager:<region>:<account>:secret:<name>)');
    }
    return id;
}
/**
 * Whether an id names this secret: its name, its complete ARN, or its partial ARN (the ARN
 * without the '-' and 6 random characters AWS appends). A partial ARN of 'db' does not name
 * 'db-prod'.
 */
function idNames(id, secret) {
    if (!isArn(id))
        return secret.name === id;
    const partial = secret.arn.length === id.length + 7 && secret.arn.startsWith(`${id}-`);
    return secret.arn === id || partial;
}


/***/ }),

/***/ 4383:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   o: () => (/* binding */ jsonObject)
/* harmony export */ });
/**
 * The JSON object a value holds (a string is parsed; arrays and scalars are not objects), or
 * undefined. Parse errors are swallowed: their messages quote the text, which may be a secret.
 */
function jsonObject(value) {
    let parsed = value;
    if (typeof value === 'string') {
        try {
            parsed = JSON.parse(value);
        }
        catch {
            return undefined;
        }
    }
    // Plain objects only: a binary value (Uint8Array) or an array is not a JSON object.
    const isObject = parsed !== null &&
        typeof parsed === 'object' &&
        Object.getPrototypeOf(parsed) === Object.prototype;
    return isObject ? parsed : undefined;
}


/***/ })

};
