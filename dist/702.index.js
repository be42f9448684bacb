export const id = 702;
export const ids = [702];
export const modules = {

/***/ 7702:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   UPDATE_POLICIES: () => (/* binding */ UPDATE_POLICIES),
/* harmony export */   pushGeneratedMode: () => (/* binding */ pushGeneratedMode)
/* harmony export */ });
/* harmony import */ var _actions_core_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1938);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _output_env_names_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7743);
/* harmony import */ var _output_mask_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2533);
/* harmony import */ var _secrets_fields_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7160);
/* harmony import */ var _secrets_token_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8904);
/* harmony import */ var _secrets_write_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1194);
/* harmony import */ var _secrets_ids_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(5783);
/* harmony import */ var _secrets_write_inputs_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(286);
/* harmony import */ var _secrets_json_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(4383);










const UPDATE_POLICIES = ['IfNotExists', 'AlwaysUpdate', 'MergeMissing'];
const OUTPUTS = [
    'arn',
    'name',
    'version-id',
    'changed',
    'created',
    'field-count',
    'generated-fields',
    'last-sync-time'
];
const OUTPUT_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const pushGeneratedMode = {
    exportDefaults: { env: false, outputs: false },
    parse(inputs) {
        const secretId = (0,_secrets_ids_js__WEBPACK_IMPORTED_MODULE_7__/* .parseSecretId */ .T3)(inputs, 'push-generated');
        const fields = (0,_secrets_fields_js__WEBPACK_IMPORTED_MODULE_4__/* .parseFields */ .L5)(inputs.required('fields', 'in push-generated mode'));
        const policy = inputs.oneOf('update-policy', UPDATE_POLICIES, 'IfNotExists');
        const exports = parseExports(inputs, fields);
        return { secretId, fields, policy, create: (0,_secrets_write_inputs_js__WEBPACK_IMPORTED_MODULE_8__/* .parseCreateOptions */ .wY)(inputs), ...exports };
    },
    secretArns: config => ((0,_secrets_ids_js__WEBPACK_IMPORTED_MODULE_7__/* .isArn */ .EH)(config.secretId) ? [config.secretId] : []),
    async run(config, { client, env }) {
        for (const spec of config.fields.values())
            if ('value' in spec)
                _output_mask_js__WEBPACK_IMPORTED_MODULE_3__/* .masker */ .KB.add(spec.value);
        const token = (0,_secrets_token_js__WEBPACK_IMPORTED_MODULE_5__/* .deriveRequestToken */ .S)(env, config.secretId, 'push-generated');
        const pushed = await push(client, config, token);
        return emission(config, pushed, new Date().toISOString());
    }
};
/** Export names are checked now: a refusal after the write would fail a step that wrote. */
function parseExports(inputs, fields) {
    const exportOutputs = inputs.bool('export-outputs', false);
    const exportEnv = inputs.bool('export-env', false);
    const envNames = new Map();
    for (const name of fields.keys()) {
        if (exportOutputs && (!OUTPUT_NAME.test(name) || OUTPUTS.includes(name))) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d('fields', `field '${name}' cannot be a step output with export-outputs: true (` +
                (OUTPUTS.includes(name) ? 'the mode has an output of that name)' : 'not a valid name)'));
        }
        if (!exportEnv)
            continue;
        const envName = (0,_output_env_names_js__WEBPACK_IMPORTED_MODULE_2__/* .toEnvName */ .Kw)(name, 'uppercase');
        const reason = (0,_output_env_names_js__WEBPACK_IMPORTED_MODULE_2__/* .refusedEnvNameReason */ .Fc)(envName);
        if (reason)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d('fields', `field '${name}' cannot be an env var: ${reason}`);
        const other = envNames.get(envName);
        if (other !== undefined) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d('fields', `fields '${other}' and '${name}' would both be env var ${envName}`);
        }
        envNames.set(envName, name);
    }
    return { exportOutputs, exportEnv };
}
async function push(client, config, token) {
    const current = await (0,_secrets_write_js__WEBPACK_IMPORTED_MODULE_6__/* .readStage */ .NW)(client, config.secretId);
    if (current)
        return update(client, config, token, current, 'Exists');
    if ((0,_secrets_ids_js__WEBPACK_IMPORTED_MODULE_7__/* .isArn */ .EH)(config.secretId)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .l(`Secret '${config.secretId}' not found: push-generated creates a missing secret by name, ` +
            'not by ARN. Give secret-id as a name, and check the region.');
    }
    const values = await (0,_secrets_fields_js__WEBPACK_IMPORTED_MODULE_4__/* .resolveFields */ .iz)(client, config.fields);
    const request = { secretId: config.secretId, data: body(values), token };
    const created = await (0,_secrets_write_js__WEBPACK_IMPORTED_MODULE_6__/* .createSecret */ .X$)(client, request, config.create);
    const generated = (0,_secrets_fields_js__WEBPACK_IMPORTED_MODULE_4__/* .generatedFieldNames */ .m$)(config.fields);
    if (created)
        return { version: created, stored: values, generated, reason: 'Created' };
    // The name is taken: another run created it first (our values are dropped), or it has no value.
    const winner = await (0,_secrets_write_js__WEBPACK_IMPORTED_MODULE_6__/* .readStage */ .NW)(client, config.secretId);
    if (winner)
        return update(client, config, token, winner, 'CreatedElsewhere');
    const version = await (0,_secrets_write_js__WEBPACK_IMPORTED_MODULE_6__/* .putValue */ .fm)(client, request);
    return { version, stored: values, generated, reason: 'Updated' };
}
async function update(client, config, token, current, untouched) {
    const stored = (0,_secrets_json_js__WEBPACK_IMPORTED_MODULE_9__/* .jsonObject */ .o)(current.data);
    const keep = { version: current, stored, generated: [], reason: untouched };
    const write = async (values, names, reason) => {
        const version = await (0,_secrets_write_js__WEBPACK_IMPORTED_MODULE_6__/* .putValue */ .fm)(client, { secretId: config.secretId, data: body(values), token });
        const generated = names.filter(name => 'generator' in config.fields.get(name));
        return { version, stored: values, generated, reason };
    };
    switch (config.policy) {
        case 'IfNotExists':
            if (stored === undefined)
                _actions_core_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`Secret '${current.name}' is not a JSON object`);
            return keep;
        case 'AlwaysUpdate': {
            const names = [...config.fields.keys()];
            return write(await (0,_secrets_fields_js__WEBPACK_IMPORTED_MODULE_4__/* .resolveFields */ .iz)(client, config.fields), names, 'Updated');
        }
        case 'MergeMissing': {
            if (stored === undefined) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .l(`Secret '${current.name}' does not hold a JSON object: MergeMissing can only add fields ` +
                    'to one. Use update-policy: AlwaysUpdate to replace its value.');
            }
            const missing = [...config.fields.keys()].filter(name => !Object.hasOwn(stored, name));
            if (missing.length === 0)
                return { ...keep, reason: 'UpToDate' };
            const added = await (0,_secrets_fields_js__WEBPACK_IMPORTED_MODULE_4__/* .resolveFields */ .iz)(client, config.fields, missing);
            return write({ ...stored, ...added }, missing, 'Merged');
        }
    }
}
function body(values) {
    const text = JSON.stringify(values);
    _output_mask_js__WEBPACK_IMPORTED_MODULE_3__/* .masker */ .KB.add(text);
    return text;
}
function emission(config, pushed, syncTime) {
    const { version, stored, generated, reason } = pushed;
    const changed = !['UpToDate', 'Exists', 'CreatedElsewhere'].includes(reason);
    const fieldCount = stored ? Object.keys(stored).length : 0;
    return {
        secrets: exported(config, stored, version.name),
        outputs: {
            arn: version.arn,
            name: version.name,
            'version-id': version.versionId,
            changed: String(changed),
            created: String(reason === 'Created'),
            'field-count': String(fieldCount),
            'generated-fields': JSON.stringify(generated),
            'last-sync-time': syncTime
        },
        summary: {
            heading: `push-generated: ${version.name}`,
            header: ['Condition', 'Status', 'Reason', 'Message'],
            rows: [
                generatedCondition(generated),
                ['SecretPushed', 'True', reason, pushedMessage(reason, config.policy)]
            ],
            notes: [
                `Secret path: ${version.name} · fields: ${fieldCount} · version: ${version.versionId} · ` +
                    `policy: ${config.policy} · last sync: ${syncTime}`
            ]
        }
    };
}
function generatedCondition(generated) {
    return generated.length > 0
        ? [
            'SecretsGenerated',
            'True',
            'Generated',
            `Generated ${count(generated)}: ${generated.join(', ')}`
        ]
        : ['SecretsGenerated', 'False', 'NothingGenerated', 'No field needed a new value'];
}
function count(fields) {
    return `${fields.length} field${fields.length === 1 ? '' : 's'}`;
}
function pushedMessage(reason, policy) {
    switch (reason) {
        case 'Created':
            return 'Created the secret';
        case 'Updated':
            return 'Wrote a new version';
        case 'Merged':
            return 'Added the missing fields in a new version';
        case 'UpToDate':
            return 'Every field is present: nothing written';
        case 'Exists':
            return `The secret exists: ${policy} leaves it untouched`;
        case 'CreatedElsewhere':
            return `Another run created the secret first: ${policy} leaves it untouched`;
    }
}
/** Each field's stored value, for later steps (only with export-outputs or export-env). */
function exported(config, stored, secretName) {
    if (!config.exportOutputs && !config.exportEnv)
        return [];
    const targets = [];
    for (const name of config.fields.keys()) {
        if (stored === undefined || !Object.hasOwn(stored, name)) {
            _actions_core_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(`Field '${name}' is not in secret '${secretName}': not exported`);
            continue;
        }
        const leaf = stored[name];
        const value = typeof leaf === 'string' ? leaf : JSON.stringify(leaf);
        if (config.exportOutputs)
            targets.push({ name, value, source: secretName, channels: ['output'] });
        if (config.exportEnv) {
            targets.push({
                name: (0,_output_env_names_js__WEBPACK_IMPORTED_MODULE_2__/* .toEnvName */ .Kw)(name, 'uppercase'),
                value,
                source: secretName,
                channels: ['env']
            });
        }
    }
    return targets;
}


/***/ }),

/***/ 7160:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L5: () => (/* binding */ parseFields),
/* harmony export */   bk: () => (/* binding */ generatePassword),
/* harmony export */   iz: () => (/* binding */ resolveFields),
/* harmony export */   m$: () => (/* binding */ generatedFieldNames),
/* harmony export */   tO: () => (/* binding */ parseGenerator)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_secrets_manager__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2994);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9378);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _output_mask_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2533);





const FLAGS = [
    'requireEachIncludedType',
    'excludePunctuation',
    'excludeNumbers',
    'excludeLowercase',
    'excludeUppercase',
    'includeSpace'
];
const OPTIONS = ['passwordLength', 'excludeCharacters', ...FLAGS];
/** A YAML or JSON mapping; `what` says where it came from in messages. */
function parseMapping(text, input) {
    let parsed;
    try {
        parsed = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parse */ .qg)(text);
    }
    catch (error) {
        const line = error.linePos?.[0]?.line;
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(input, `is not valid YAML or JSON${line ? ` (line ${line})` : ''}`);
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(input, 'must be a mapping of field name to { value } or { generator }');
    }
    return parsed;
}
/** The `fields` input: every field has exactly one of value or generator. */
function parseFields(text, input = 'fields') {
    const mapping = parseMapping(text, input);
    const fields = new Map();
    for (const [name, spec] of Object.entries(mapping)) {
        if (name.trim() === '')
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(input, 'has a field with an empty name');
        fields.set(name, parseFieldSpec(spec, name, input));
    }
    if (fields.size === 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(input, 'names no field');
    return fields;
}
function parseFieldSpec(spec, name, input) {
    const where = `field '${name}'`;
    if (spec === null || typeof spec !== 'object' || Array.isArray(spec)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(input, `${where} must be a mapping with 'value' or 'generator'`);
    }
    const keys = Object.keys(spec);
    const unknown = keys.filter(key => key !== 'value' && key !== 'generator');
    if (unknown.length > 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(input, `${where} has unknown key(s) ${unknown.join(', ')}`);
    }
    const { value, generator } = spec;
    if ((value === undefined) === (generator === undefined)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(input, `${where} needs exactly one of 'value' or 'generator'`);
    }
    if (value !== undefined) {
        if (typeof value !== 'string')
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(input, `${where}: value must be a string`);
        return { value };
    }
    return { generator: parseGeneratorOptions(generator, `${where}: generator`, input) };
}
/** The `generator` input of rotate, or a field's generator. */
function parseGenerator(text, input = 'generator') {
    return parseGeneratorOptions(parseMapping(text, input), 'generator', input);
}
function parseGeneratorOptions(raw, where, input) {
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(input, `${where} must be a mapping of GetRandomPassword options`);
    }
    const options = raw;
    const unknown = Object.keys(options).filter(key => !OPTIONS.includes(key));
    if (unknown.length > 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(input, `${where} has unknown option(s) ${unknown.join(', ')}; known: ${OPTIONS.join(', ')}`);
    }
    const length = options.passwordLength;
    if (typeof length !== 'number' || !Number.isInteger(length) || length < 1 || length > 4096) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(input, `${where}: passwordLength is required, a whole number 1-4096`);
    }
    for (const flag of FLAGS) {
        if (options[flag] !== undefined && typeof options[flag] !== 'boolean') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(input, `${where}: ${flag} must be true or false`);
        }
    }
    if (options.excludeCharacters !== undefined && typeof options.excludeCharacters !== 'string') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d(input, `${where}: excludeCharacters must be a string`);
    }
    return options;
}
/** One password from Secrets Manager, masked the moment it arrives. */
async function generatePassword(client, options) {
    const request = {
        PasswordLength: options.passwordLength,
        RequireEachIncludedType: options.requireEachIncludedType,
        ExcludePunctuation: options.excludePunctuation,
        ExcludeNumbers: options.excludeNumbers,
        ExcludeLowercase: options.excludeLowercase,
        ExcludeUppercase: options.excludeUppercase,
        IncludeSpace: options.includeSpace,
        ExcludeCharacters: options.excludeCharacters
    };
    const { RandomPassword } = await client
        .send(new _aws_sdk_client_secrets_manager__WEBPACK_IMPORTED_MODULE_3__/* .GetRandomPasswordCommand */ .EY(request))
        .catch(error => {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .l((0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .describeAwsError */ .Pp)(error, 'GetRandomPassword'));
    });
    const password = RandomPassword ?? '';
    _output_mask_js__WEBPACK_IMPORTED_MODULE_2__/* .masker */ .KB.add(password);
    return password;
}
/** Values for the named fields: static values as given, generated ones fresh (in parallel). */
async function resolveFields(client, fields, names = fields.keys()) {
    const entries = await Promise.all([...names].map(async (name) => {
        const spec = fields.get(name);
        if ('value' in spec) {
            _output_mask_js__WEBPACK_IMPORTED_MODULE_2__/* .masker */ .KB.add(spec.value);
            return [name, spec.value];
        }
        return [name, await generatePassword(client, spec.generator)];
    }));
    return Object.fromEntries(entries);
}
function generatedFieldNames(fields) {
    return [...fields].filter(([, spec]) => 'generator' in spec).map(([name]) => name);
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
