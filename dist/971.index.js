export const id = 971;
export const ids = [971];
export const modules = {

/***/ 1971:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  putMode: () => (/* binding */ putMode)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/output/mask.ts
var mask = __webpack_require__(2533);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/secrets/new-value.ts



/** Secrets Manager stores at most 64 KiB a version. */
const MAX_VALUE_BYTES = 65536;
const VALUE_SOURCES = ['secret-string', 'secret-json', 'secret-file'];
/**
 * The value put writes, from exactly one of secret-string, secret-json or secret-file.
 * Nothing here prints, and no message quotes the value: it is masked when the handler runs.
 */
function parseNewValue(inputs, cwd = process.cwd()) {
    const named = VALUE_SOURCES.filter(name => inputs.string(name) !== '');
    if (named.length === 0) {
        throw new errors/* InputError */.d('secret-string', 'put needs the new value in exactly one of secret-string, secret-json or secret-file');
    }
    if (named.length > 1) {
        throw new errors/* InputError */.d(named[1], `give only one of secret-string, secret-json or secret-file (${named.join(' and ')} are set)`);
    }
    const source = named[0];
    const value = readSource(source, inputs, cwd);
    checkSize(source, value.data);
    return { source, ...value };
}
function readSource(source, inputs, cwd) {
    // Trimmed as the runner trims every input, so tests and workflows store the same bytes.
    const text = inputs.string(source);
    if (source === 'secret-string')
        return { data: text };
    if (source === 'secret-json')
        return { data: compactJson(text) };
    const encoding = inputs.oneOf('file-encoding', ['binary', 'utf8'], 'binary');
    const bytes = readValueFile(text, cwd);
    return { data: encoding === 'binary' ? bytes : decodeUtf8(bytes) };
}
/** Validated and stored compact. JSON.parse messages quote the input: never show them. */
function compactJson(text) {
    try {
        return JSON.stringify(JSON.parse(text));
    }
    catch (error) {
        const position = /at position (\d+)/.exec(String(error.message))?.[1];
        throw new errors/* InputError */.d('secret-json', `is not valid JSON${position === undefined ? '' : ` (error at character ${position})`}`);
    }
}
/** A path relative to the workspace (the working directory), read byte for byte. */
function readValueFile(file, cwd) {
    const full = external_node_path_.resolve(cwd, file);
    let size;
    try {
        const stat = external_node_fs_.statSync(full);
        if (!stat.isFile())
            throw new errors/* InputError */.d('secret-file', `'${file}' is not a regular file`);
        size = stat.size;
    }
    catch (error) {
        if (error instanceof errors/* InputError */.d)
            throw error;
        const code = error.code ?? 'error';
        throw new errors/* InputError */.d('secret-file', `cannot read '${file}' (${code})`);
    }
    if (size > MAX_VALUE_BYTES) {
        throw new errors/* InputError */.d('secret-file', `'${file}' is ${size} bytes; a secret holds at most 65536`);
    }
    if (size === 0)
        throw new errors/* InputError */.d('secret-file', `'${file}' is empty`);
    return new Uint8Array(external_node_fs_.readFileSync(full));
}
function decodeUtf8(bytes) {
    try {
        // ignoreBOM keeps a byte order mark as part of the value: the file is stored as it is.
        return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    }
    catch {
        throw new errors/* InputError */.d('secret-file', 'is not valid UTF-8: use file-encoding: binary to store it byte for byte');
    }
}
function checkSize(source, data) {
    const bytes = typeof data === 'string' ? Buffer.byteLength(data, 'utf8') : data.length;
    if (bytes > MAX_VALUE_BYTES) {
        throw new errors/* InputError */.d(source, `is ${bytes} bytes; a secret holds at most 65536`);
    }
}

// EXTERNAL MODULE: ./src/secrets/token.ts
var token = __webpack_require__(8904);
// EXTERNAL MODULE: ./src/secrets/write.ts
var write = __webpack_require__(1194);
// EXTERNAL MODULE: ./src/secrets/ids.ts
var ids = __webpack_require__(5783);
// EXTERNAL MODULE: ./src/secrets/write-inputs.ts
var write_inputs = __webpack_require__(286);
;// CONCATENATED MODULE: ./src/modes/put.ts







const putMode = {
    exportDefaults: { env: false, outputs: false },
    parse(inputs) {
        const secretId = (0,ids/* parseSecretId */.T3)(inputs, 'put');
        const createIfMissing = inputs.bool('create-if-missing', false);
        if (createIfMissing && (0,ids/* isArn */.EH)(secretId)) {
            throw new errors/* InputError */.d('secret-id', 'create-if-missing needs a secret name: the ARN of a new secret is not known before it exists');
        }
        return {
            secretId,
            value: parseNewValue(inputs),
            createIfMissing,
            create: (0,write_inputs/* parseCreateOptions */.wY)(inputs),
            skipUnchanged: inputs.bool('skip-unchanged', true),
            token: (0,write_inputs/* parseRequestToken */.uZ)(inputs),
            stages: (0,write_inputs/* parseStages */.lj)(inputs)
        };
    },
    secretArns: config => ((0,ids/* isArn */.EH)(config.secretId) ? [config.secretId] : []),
    async run(config, { client, env }) {
        // Values computed by earlier steps are not masked by the runner: mask before any call.
        // (secret-json is masked compact: each line of an indented form would mask '{' and '}'.)
        mask/* masker */.KB.add(config.value.data);
        const request = {
            secretId: config.secretId,
            data: config.value.data,
            token: config.token ?? (0,token/* deriveRequestToken */.S)(env, config.secretId, 'put'),
            stages: config.stages
        };
        const result = await put(client, config, request);
        return emission(config, result);
    }
};
async function put(client, config, request) {
    if (config.skipUnchanged) {
        const held = await (0,write/* versionHolding */.OL)(client, config.secretId, request.data, config.stages);
        if (held)
            return { ...held, changed: false, created: false };
    }
    try {
        return { ...(await (0,write/* putValue */.fm)(client, request)), changed: true, created: false };
    }
    catch (error) {
        if (!(error instanceof write/* AwsCallError */.iQ && error.notFound))
            throw error;
        if (!config.createIfMissing) {
            throw new errors/* ActionError */.l(`Secret '${config.secretId}' not found (PutSecretValue): check the name and the region, ` +
                'or set create-if-missing: true to create it.');
        }
    }
    const created = await (0,write/* createSecret */.X$)(client, request, config.create);
    if (created === undefined) {
        // Someone else created it in between: write our value as its new version.
        return { ...(await (0,write/* putValue */.fm)(client, request)), changed: true, created: false };
    }
    await (0,write/* addStages */.Xe)(client, created.arn, created.versionId, config.stages);
    return { ...created, changed: true, created: true };
}
function emission(config, result) {
    const { arn, name, versionId, changed, created } = result;
    const what = created ? 'Created' : changed ? 'Wrote a new version of' : 'Unchanged:';
    return {
        outputs: {
            arn,
            name,
            'version-id': versionId,
            changed: String(changed),
            created: String(created)
        },
        summary: {
            heading: `${what} secret ${name}`,
            header: ['Secret', 'Version id', 'Stages', 'Changed', 'Created', 'From'],
            rows: [
                [
                    name,
                    versionId,
                    config.stages.join(', '),
                    String(changed),
                    String(created),
                    config.value.source
                ]
            ],
            notes: changed
                ? []
                : ['The stored value already equals the new value: nothing was written (skip-unchanged).']
        }
    };
}


/***/ }),

/***/ 505:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BU: () => (/* binding */ BATCH_SIZE),
/* harmony export */   Ql: () => (/* binding */ getSecretValue),
/* harmony export */   th: () => (/* binding */ listSecretsByPrefix),
/* harmony export */   vW: () => (/* binding */ batchGetSecretValues)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_secrets_manager__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2994);
/* harmony import */ var _actions_core_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1938);
/* harmony import */ var _output_mask_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2533);



/** BatchGetSecretValue takes at most 20 ids a call. */
const BATCH_SIZE = 20;
/** Every secret value enters the process through here, and is masked on arrival. */
function received(entry) {
    const data = entry.SecretBinary ?? entry.SecretString ?? '';
    _output_mask_js__WEBPACK_IMPORTED_MODULE_1__/* .masker */ .KB.add(data);
    return {
        arn: entry.ARN ?? '',
        name: entry.Name ?? '',
        versionId: entry.VersionId ?? '',
        data
    };
}
async function getSecretValue(client, id, version = {}) {
    const response = await client.send(new _aws_sdk_client_secrets_manager__WEBPACK_IMPORTED_MODULE_2__/* .GetSecretValueCommand */ .d2({
        SecretId: id,
        VersionId: version.versionId,
        VersionStage: version.versionStage
    }));
    return received(response);
}
/** Values for up to 20 ids in one call; ids AWS could not read come back as failures. */
async function batchGetSecretValues(client, ids) {
    const response = await client.send(new _aws_sdk_client_secrets_manager__WEBPACK_IMPORTED_MODULE_2__/* .BatchGetSecretValueCommand */ .Nr({ SecretIdList: ids }));
    const values = (response.SecretValues ?? []).map(received);
    const failures = (response.Errors ?? []).map(error => ({
        id: error.SecretId ?? '',
        error: { name: error.ErrorCode ?? 'Error', message: error.Message ?? '' },
        // BatchGetSecretValue checks GetSecretValue on each secret: that is what a denial here lacks.
        operation: 'GetSecretValue'
    }));
    return { values, failures };
}
/** Names starting with the prefix, page by page as ListSecrets returns them. */
async function* listSecretsByPrefix(client, prefix) {
    const pages = (0,_aws_sdk_client_secrets_manager__WEBPACK_IMPORTED_MODULE_2__/* .paginateListSecrets */ .hM)({ client, pageSize: 100 }, { Filters: [{ Key: 'name', Values: [prefix] }], IncludePlannedDeletion: false });
    for await (const page of pages) {
        // The name filter also matches words inside names on AWS; keep true prefixes only.
        const secrets = (page.SecretList ?? [])
            .filter(secret => secret.Name?.startsWith(prefix))
            .map(secret => ({
            arn: secret.ARN ?? '',
            name: secret.Name ?? '',
            versions: secret.SecretVersionsToStages ?? {}
        }));
        _actions_core_js__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz(`ListSecrets '${prefix}*': ${secrets.length} matching on this page`);
        yield secrets;
    }
}


/***/ }),

/***/ 8904:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ deriveRequestToken)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);

/**
 * A ClientRequestToken that is the same for every retry and re-run of one step attempt on one
 * secret, so a write that reached AWS but whose answer was lost is not written twice.
 * GITHUB_ACTION names the step within the job; the purpose tells writes of one step apart.
 */
function deriveRequestToken(env, secretId, purpose) {
    const parts = [
        env.GITHUB_REPOSITORY,
        env.GITHUB_RUN_ID,
        env.GITHUB_RUN_ATTEMPT,
        env.GITHUB_JOB,
        env.GITHUB_ACTION,
        secretId,
        purpose
    ];
    if (!env.GITHUB_RUN_ID)
        parts.push(String(Date.now()), String(Math.random()));
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 64);
}


/***/ }),

/***/ 286:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   lj: () => (/* binding */ parseStages),
/* harmony export */   uZ: () => (/* binding */ parseRequestToken),
/* harmony export */   wY: () => (/* binding */ parseCreateOptions)
/* harmony export */ });
/* unused harmony export parseTags */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);

const TOKEN = /^[A-Za-z0-9_-]{32,64}$/;
const STAGE = /^[A-Za-z0-9_+=.@-]{1,256}$/;
const KMS_KEY = /^[\x21-\x7e]{1,2048}$/;
// Tag keys and values as AWS allows them: letters, digits, spaces and _ . : / = + - @
const TAG_KEY = /^[\p{L}\p{Z}\p{N}_.:/=+@-]{1,128}$/u;
const TAG_VALUE = /^[\p{L}\p{Z}\p{N}_.:/=+@-]{0,256}$/u;
const MAX_TAGS = 50;
const MAX_STAGES = 20;
/** client-request-token: undefined means derive one from the run. */
function parseRequestToken(inputs) {
    const token = inputs.optional('client-request-token');
    if (token !== undefined && !TOKEN.test(token)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d('client-request-token', 'must be 32 to 64 letters, digits, - or _ (a UUID will do)');
    }
    return token;
}
/** version-stages: labels separated by commas or newlines; AWSCURRENT when empty. */
function parseStages(inputs) {
    const stages = [
        ...new Set(inputs
            .raw('version-stages')
            .split(/[,\n]/)
            .map(stage => stage.trim())
            .filter(stage => stage !== ''))
    ];
    const bad = stages.find(stage => !STAGE.test(stage));
    if (bad !== undefined) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d('version-stages', `'${bad}' is not a stage label (letters, digits, _+=.@-)`);
    }
    if (stages.length > MAX_STAGES) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d('version-stages', `names ${stages.length} stages; at most ${MAX_STAGES}`);
    }
    return stages.length > 0 ? stages : ['AWSCURRENT'];
}
/** kms-key-id, description and tags: what a secret that this step creates gets. */
function parseCreateOptions(inputs) {
    const kmsKeyId = inputs.optional('kms-key-id');
    if (kmsKeyId !== undefined && !KMS_KEY.test(kmsKeyId)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d('kms-key-id', 'must be a key id, key ARN, alias name or alias ARN');
    }
    const description = inputs.optional('description');
    if (description !== undefined && description.length > 2048) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d('description', `is ${description.length} characters; at most 2048`);
    }
    return { kmsKeyId, description, tags: parseTags(inputs.raw('tags')) };
}
/** tags: a JSON object of strings, or key=value lines. */
function parseTags(text, input = 'tags') {
    const trimmed = text.trim();
    if (trimmed === '')
        return [];
    const pairs = trimmed.startsWith('{') ? jsonTags(trimmed, input) : lineTags(trimmed, input);
    const seen = new Set();
    for (const [key, value] of pairs) {
        if (!TAG_KEY.test(key)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d(input, `tag key '${key}' must be 1-128 letters, digits, spaces or _.:/=+-@`);
        }
        if (/^aws:/i.test(key))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d(input, `tag key '${key}': the aws: prefix is reserved`);
        if (!TAG_VALUE.test(value)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d(input, `the value of tag '${key}' must be at most 256 letters, digits, spaces or _.:/=+-@`);
        }
        if (seen.has(key))
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d(input, `tag '${key}' is given twice`);
        seen.add(key);
    }
    if (pairs.length > MAX_TAGS) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d(input, `names ${pairs.length} tags; a secret takes at most ${MAX_TAGS}`);
    }
    return pairs.map(([Key, Value]) => ({ Key, Value }));
}
function jsonTags(text, input) {
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d(input, 'starts with { but is not a valid JSON object');
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d(input, 'must be a JSON object or key=value lines');
    }
    return Object.entries(parsed).map(([key, value]) => {
        if (typeof value !== 'string') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d(input, `the value of tag '${key}' must be a JSON string`);
        }
        return [key, value];
    });
}
function lineTags(text, input) {
    return text
        .split(/\r?\n/)
        .map((line, index) => ({ line: line.trim(), number: index + 1 }))
        .filter(({ line }) => line !== '')
        .map(({ line, number }) => {
        const eq = line.indexOf('=');
        if (eq <= 0)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .d(input, `line ${number} is not key=value`);
        return [line.slice(0, eq).trim(), line.slice(eq + 1).trim()];
    });
}


/***/ }),

/***/ 1194:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   NW: () => (/* binding */ readStage),
/* harmony export */   OL: () => (/* binding */ versionHolding),
/* harmony export */   X$: () => (/* binding */ createSecret),
/* harmony export */   Xe: () => (/* binding */ addStages),
/* harmony export */   fm: () => (/* binding */ putValue),
/* harmony export */   iQ: () => (/* binding */ AwsCallError)
/* harmony export */ });
/* unused harmony exports AWSCURRENT, valueDigest, sameValue */
/* harmony import */ var _actions_core_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1938);
/* harmony import */ var _aws_sdk_client_secrets_manager__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2994);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9378);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/* harmony import */ var _read_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(505);






const AWSCURRENT = 'AWSCURRENT';
/** A failed AWS call, explained for the user; `awsError` keeps the SDK error for branching. */
class AwsCallError extends _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .l {
    operation;
    secretId;
    awsError;
    constructor(operation, secretId, awsError) {
        super(describeWriteError(awsError, operation, secretId));
        this.operation = operation;
        this.secretId = secretId;
        this.awsError = awsError;
        this.name = 'ActionError';
    }
    get notFound() {
        return (0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .isNotFound */ .c4)(this.awsError);
    }
}
function describeWriteError(error, operation, secretId) {
    const { name } = (0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .awsFailure */ .MT)(error);
    if ((0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .isAccessDenied */ .w7)(error)) {
        const kms = operation === 'GetSecretValue'
            ? 'kms:Decrypt on its KMS key'
            : 'kms:GenerateDataKey and kms:Decrypt on its KMS key when that is a customer managed key';
        return (`Access denied to secretsmanager:${operation} for '${secretId}': the credentials need ` +
            `secretsmanager:${operation} on this secret, and ${kms}.`);
    }
    // PutSecretValue refuses an existing secret only when the token already names a version.
    if (operation === 'PutSecretValue' && name === 'ResourceExistsException') {
        return (`PutSecretValue for '${secretId}' refused: a version with this ClientRequestToken already ` +
            'holds another value, so this step already wrote this secret in this run attempt (matrix ' +
            'jobs share one GITHUB_JOB). Give each write its own client-request-token.');
    }
    if (name === 'EncryptionFailure' || name === 'KMSInvalidStateException') {
        return (`${operation} for '${secretId}' could not encrypt the value (${name}): check kms-key-id, ` +
            'that the key is enabled, and kms:GenerateDataKey on it.');
    }
    return (0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .describeAwsError */ .Pp)(error, operation, secretId);
}
async function call(operation, secretId, send) {
    try {
        return await send();
    }
    catch (error) {
        throw new AwsCallError(operation, secretId, error);
    }
}
/** The kind and sha256 of a value: equal digests mean the same bytes, stored the same way. */
function valueDigest(data) {
    const kind = typeof data === 'string' ? 'string' : 'binary';
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    return `${kind}:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.createHash)('sha256').update(bytes).digest('hex')}`;
}
function sameValue(a, b) {
    return valueDigest(a) === valueDigest(b);
}
function payload(data) {
    return typeof data === 'string' ? { SecretString: data } : { SecretBinary: data };
}
function written(out) {
    return { arn: out.ARN ?? '', name: out.Name ?? '', versionId: out.VersionId ?? '' };
}
/**
 * The value a stage labels, masked on arrival; undefined when the secret does not exist or no
 * version has the stage. The stage is always named: moto's unstaged default can lag behind.
 */
async function readStage(client, secretId, stage = AWSCURRENT) {
    try {
        return await (0,_read_js__WEBPACK_IMPORTED_MODULE_3__/* .getSecretValue */ .Ql)(client, secretId, { versionStage: stage });
    }
    catch (error) {
        if ((0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .isNotFound */ .c4)(error))
            return undefined;
        throw new AwsCallError('GetSecretValue', secretId, error);
    }
}
/**
 * Whether every stage already labels exactly this value: the version that does, else undefined.
 * When the value cannot be read, says so and answers undefined: writing is then the safe side.
 */
async function versionHolding(client, secretId, data, stages) {
    try {
        const current = await Promise.all(stages.map(stage => readStage(client, secretId, stage)));
        const held = current.every(value => value !== undefined && sameValue(value.data, data));
        return held ? current[0] : undefined;
    }
    catch (error) {
        const cause = error instanceof AwsCallError ? error.awsError : error;
        const { name } = (0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .awsFailure */ .MT)(cause);
        if (!(0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .isAccessDenied */ .w7)(cause) && name !== 'DecryptionFailure')
            throw error;
        _actions_core_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`skip-unchanged: cannot read '${secretId}' to compare (${name}); writing without ` +
            'comparing. Allow secretsmanager:GetSecretValue and kms:Decrypt, or set skip-unchanged: false.');
        return undefined;
    }
}
/** PutSecretValue. A retry with the same token and value is answered with the same version. */
async function putValue(client, request) {
    const { secretId, data, token, stages } = request;
    const out = await call('PutSecretValue', secretId, () => client.send(new _aws_sdk_client_secrets_manager__WEBPACK_IMPORTED_MODULE_5__/* .PutSecretValueCommand */ .cp({
        SecretId: secretId,
        ClientRequestToken: token,
        VersionStages: stages,
        ...payload(data)
    })));
    _actions_core_js__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz(`PutSecretValue '${secretId}': version ${out.VersionId}`);
    return written(out);
}
/**
 * CreateSecret with its first version (always AWSCURRENT); undefined when a secret of that name
 * exists already (another writer was first, or it exists without a value).
 */
async function createSecret(client, request, options) {
    const { secretId, data, token } = request;
    try {
        const out = await client.send(new _aws_sdk_client_secrets_manager__WEBPACK_IMPORTED_MODULE_5__/* .CreateSecretCommand */ ._f({
            Name: secretId,
            ClientRequestToken: token,
            KmsKeyId: options.kmsKeyId,
            Description: options.description,
            Tags: options.tags.length > 0 ? options.tags : undefined,
            ...payload(data)
        }));
        _actions_core_js__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz(`CreateSecret '${secretId}': version ${out.VersionId}`);
        return written(out);
    }
    catch (error) {
        if ((0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .awsFailure */ .MT)(error).name === 'ResourceExistsException') {
            _actions_core_js__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz(`CreateSecret '${secretId}': it exists already`);
            return undefined;
        }
        throw new AwsCallError('CreateSecret', secretId, error);
    }
}
/** Adds stage labels to a version of a new secret (CreateSecret labels only AWSCURRENT). */
async function addStages(client, secretId, versionId, stages) {
    for (const stage of stages.filter(stage => stage !== AWSCURRENT)) {
        await call('UpdateSecretVersionStage', secretId, () => client.send(new _aws_sdk_client_secrets_manager__WEBPACK_IMPORTED_MODULE_5__/* .UpdateSecretVersionStageCommand */ .be({
            SecretId: secretId,
            VersionStage: stage,
            MoveToVersionId: versionId
        })));
    }
}


/***/ })

};
