export const id = 119;
export const ids = [119];
export const modules = {

/***/ 1828:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CONCURRENCY: () => (/* binding */ CONCURRENCY),
/* harmony export */   fetchAll: () => (/* binding */ fetchAll),
/* harmony export */   fetchMode: () => (/* binding */ fetchMode),
/* harmony export */   parseVersion: () => (/* binding */ parseVersion),
/* harmony export */   targetsFor: () => (/* binding */ targetsFor)
/* harmony export */ });
/* harmony import */ var _actions_core_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1938);
/* harmony import */ var p_limit__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(370);
/* harmony import */ var _aws_errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9378);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/* harmony import */ var _output_env_names_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7743);
/* harmony import */ var _secrets_ids_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5783);
/* harmony import */ var _secrets_read_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(505);
/* harmony import */ var _secrets_json_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(4383);








const TRANSFORMATIONS = ['uppercase', 'lowercase', 'none'];
/** Calls in flight at once: enough to hide latency, few enough not to be throttled. */
const CONCURRENCY = 10;
function parseVersion(inputs) {
    const versionId = inputs.optional('version-id');
    const versionStage = inputs.optional('version-stage');
    if (versionId && versionStage) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d('version-id', 'give version-id or version-stage, not both');
    }
    if (versionId !== undefined && !/^[\w-]{32,64}$/.test(versionId)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d('version-id', `'${versionId}' is not a version id (32-64 characters)`);
    }
    if (versionStage !== undefined && !/^[\w+=,.@-]{1,256}$/.test(versionStage)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d('version-stage', `'${versionStage}' is not a version stage label`);
    }
    return { versionId, versionStage };
}
const fetchMode = {
    exportDefaults: { env: true, outputs: false },
    parse(inputs) {
        const transformation = inputs.oneOf('name-transformation', TRANSFORMATIONS, 'uppercase');
        const requests = (0,_secrets_ids_js__WEBPACK_IMPORTED_MODULE_3__/* .parseSecretIds */ .Ct)(inputs.raw('secret-ids'), 'secret-ids', transformation);
        if (requests.length === 0) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .d('secret-ids', 'is required in fetch mode: list one secret per line');
        }
        return {
            requests,
            parseJson: inputs.bool('parse-json-secrets', false),
            transformation,
            version: parseVersion(inputs)
        };
    },
    secretArns: config => config.requests.filter(r => r.kind === 'arn').map(r => r.id),
    async run(config, { client }) {
        const fetched = await fetchAll(client, config.requests, config.version);
        const delivered = fetched.map(item => ({
            ...item,
            targets: targetsFor(item.request, item.value, config)
        }));
        const versionIds = Object.fromEntries(fetched.map(({ value }) => [value.name, value.versionId]));
        const count = Object.keys(versionIds).length;
        return {
            secrets: delivered.flatMap(item => item.targets),
            outputs: { count: String(count), 'version-ids': JSON.stringify(versionIds) },
            summary: {
                heading: `Fetched ${count} secret${count === 1 ? '' : 's'}`,
                header: ['Secret', 'Version id', 'Names'],
                rows: delivered.map(({ value, targets }) => [
                    value.name,
                    value.versionId,
                    targets
                        .filter(target => target.channels === undefined)
                        .map(target => target.name)
                        .join(', ')
                ])
            }
        };
    }
};
/** All or nothing: every requested secret is read, or the error names each that failed. */
async function fetchAll(client, requests, version) {
    const reader = new Reader(client, version);
    const batches = await Promise.all(requests.map(request => reader.resolve(request)));
    if (reader.failures.length > 0) {
        const details = reader.failures.map(f => f.reason ?? (0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .describeAwsError */ .Pp)(f.error, f.operation, f.id));
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .l(`Nothing was exported: ${reader.failures.length} secret(s) could not be read: ${details.join(' ')}`);
    }
    return batches.flat();
}
class Reader {
    client;
    version;
    failures = [];
    limit = (0,p_limit__WEBPACK_IMPORTED_MODULE_6__/* ["default"] */ .A)(CONCURRENCY);
    batchDenied = false;
    constructor(client, version) {
        this.client = client;
        this.version = version;
    }
    async resolve(request) {
        if (request.kind !== 'prefix') {
            const values = await this.read([request.id]);
            return values.map(value => ({ request, value }));
        }
        const reads = [];
        let listed = false;
        try {
            // Start reading each page's secrets while the next page is listed.
            for await (const page of (0,_secrets_read_js__WEBPACK_IMPORTED_MODULE_4__/* .listSecretsByPrefix */ .th)(this.client, request.id)) {
                for (let i = 0; i < page.length; i += _secrets_read_js__WEBPACK_IMPORTED_MODULE_4__/* .BATCH_SIZE */ .BU) {
                    reads.push(this.read(page.slice(i, i + _secrets_read_js__WEBPACK_IMPORTED_MODULE_4__/* .BATCH_SIZE */ .BU).map(secret => secret.arn)));
                }
            }
            listed = true;
        }
        catch (error) {
            this.failures.push({ id: `${request.id}*`, error, operation: 'ListSecrets' });
        }
        const values = (await Promise.all(reads)).flat();
        if (listed && reads.length === 0)
            this.failPrefix(request, 'no secret matches it');
        // As the official action: an alias names one secret, so its wildcard must match exactly one.
        if (request.alias && values.length > 1) {
            this.failPrefix(request, `${values.length} secrets match it, but alias '${request.alias}' names one`);
        }
        return values.map(value => ({ request, value }));
    }
    failPrefix(request, problem) {
        const id = `${request.id}*`;
        this.failures.push({
            id,
            error: undefined,
            operation: 'ListSecrets',
            reason: `'${id}': ${problem}.`
        });
    }
    /** Up to 20 ids: one BatchGetSecretValue, unless a version is chosen or batch reads are denied. */
    async read(ids) {
        const chosenVersion = this.version.versionId || this.version.versionStage;
        if (chosenVersion || this.batchDenied)
            return this.readEach(ids);
        try {
            const { values, failures } = await this.limit(() => (0,_secrets_read_js__WEBPACK_IMPORTED_MODULE_4__/* .batchGetSecretValues */ .vW)(this.client, ids));
            this.failures.push(...failures);
            const missing = ids.filter(id => !values.some(value => (0,_secrets_ids_js__WEBPACK_IMPORTED_MODULE_3__/* .idNames */ .Cg)(id, value)));
            const unexplained = missing.filter(id => !failures.some(failure => failure.id === id));
            return [...values, ...(unexplained.length ? await this.readEach(unexplained) : [])];
        }
        catch (error) {
            if ((0,_aws_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .isAccessDenied */ .w7)(error)) {
                this.denyBatch();
                return this.readEach(ids);
            }
            this.failures.push(...ids.map(id => ({ id, error, operation: 'BatchGetSecretValue' })));
            return [];
        }
    }
    denyBatch() {
        if (this.batchDenied)
            return;
        this.batchDenied = true;
        _actions_core_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e('secretsmanager:BatchGetSecretValue is denied; reading secrets one by one with ' +
            'GetSecretValue instead (slower). Allow BatchGetSecretValue for faster fetches.');
    }
    async readEach(ids) {
        const results = await Promise.all(ids.map(id => this.limit(() => (0,_secrets_read_js__WEBPACK_IMPORTED_MODULE_4__/* .getSecretValue */ .Ql)(this.client, id, this.version)).catch(error => {
            this.failures.push({ id, error, operation: 'GetSecretValue' });
            return undefined;
        })));
        return results.filter(value => value !== undefined);
    }
}
/** Env var, output and file for one secret, named as the official action names them. */
function targetsFor(request, value, config) {
    const json = config.parseJson ? (0,_secrets_json_js__WEBPACK_IMPORTED_MODULE_7__/* .jsonObject */ .o)(value.data) : undefined;
    const prefix = (0,_secrets_ids_js__WEBPACK_IMPORTED_MODULE_3__/* .envPrefixFor */ .Vf)(request, value.name, config.transformation, json !== undefined);
    const fileName = prefix || (0,_output_env_names_js__WEBPACK_IMPORTED_MODULE_2__/* .toEnvName */ .Kw)(value.name, config.transformation);
    if (json === undefined) {
        return [{ name: prefix, value: value.data, source: value.name, file: fileName }];
    }
    const keys = (0,_output_env_names_js__WEBPACK_IMPORTED_MODULE_2__/* .flattenJsonToEnv */ .vN)(prefix, json, config.transformation);
    return [
        ...keys.map(key => ({ name: key.name, value: key.value, source: value.name })),
        { name: fileName, value: value.data, source: value.name, file: fileName, channels: ['file'] }
    ];
}


/***/ }),

/***/ 6119:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  lookupJsonPathMode: () => (/* binding */ lookupJsonPathMode)
});

// EXTERNAL MODULE: ./src/actions-core.ts
var actions_core = __webpack_require__(1938);
// EXTERNAL MODULE: ./src/aws/errors.ts
var errors = __webpack_require__(9378);
// EXTERNAL MODULE: ./src/errors.ts
var src_errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/jsonpath/document.ts

/**
 * The secret's value as a JSON document. A binary or non-JSON secret is refused with a message
 * that holds nothing of the value: JSON.parse's own message quotes the text around the error.
 */
function parseJsonSecret(data, secretName) {
    if (typeof data !== 'string') {
        throw new src_errors/* ActionError */.l(`Secret '${secretName}' is a binary secret (SecretBinary): lookup-jsonpath reads JSON ` +
            'from a SecretString. Use fetch with output-dir to get binary secrets as files.');
    }
    if (data.trim() === '') {
        throw new src_errors/* ActionError */.l(`Secret '${secretName}' is empty: lookup-jsonpath needs a JSON value.`);
    }
    try {
        return JSON.parse(data);
    }
    catch (error) {
        throw new src_errors/* ActionError */.l(`Secret '${secretName}' is not valid JSON${where(error)}: lookup-jsonpath needs a JSON ` +
            'SecretString (the value is not shown). Use fetch to read it whole.');
    }
}
/** Only the position of a JSON syntax error, never the message's quote of the text. */
function where(error) {
    const message = String(error?.message ?? '');
    if (/Unexpected end of JSON input/i.test(message))
        return ' (it ends too early)';
    const position = /\bposition (\d+)/.exec(message)?.[1];
    return position === undefined ? '' : ` (syntax error at character ${Number(position) + 1})`;
}

// EXTERNAL MODULE: ./node_modules/json-p3/dist/json-p3.cjs.js
var json_p3_cjs = __webpack_require__(393);
;// CONCATENATED MODULE: ./src/jsonpath/query.ts

/** Strict RFC 9535: standard syntax and functions only, no non-standard selectors. */
const environment = new json_p3_cjs/* JSONPathEnvironment */.Dd({ strict: true });
/** A query that is not valid JSONPath; `position` is 1-based, in the text as written. */
class QuerySyntaxError extends Error {
    reason;
    position;
    constructor(reason, position) {
        super(position === undefined ? reason : `${reason} at character ${position}`);
        this.reason = reason;
        this.position = position;
        this.name = 'QuerySyntaxError';
    }
}
/** A valid query that could not be applied to a document (too deeply nested, say). */
class QueryEvaluationError extends Error {
    constructor(reason) {
        super(reason);
        this.name = 'QueryEvaluationError';
    }
}
/**
 * An RFC 9535 query, with one convenience: a query that does not start with `$` is relative to
 * the root (`foo.bar[1]` is `$.foo.bar[1]`, `[0]` is `$[0]`, `..id` is `$..id`), and in such a
 * query the dotted index of Open Task Framework lookups (`foo.bar.[1]`) means `foo.bar[1]`.
 * A query starting with `$` is taken strictly as RFC 9535 says.
 */
function compileQuery(text) {
    if (text.trim() === '')
        throw new QuerySyntaxError('the query is empty');
    const { absolute, origin } = toAbsolute(text);
    let compiled;
    try {
        compiled = environment.compile(absolute);
    }
    catch (error) {
        // Compiling sees only the query, which is configuration: its messages are safe to show.
        if (!(error instanceof json_p3_cjs/* JSONPathError */.s_))
            throw new QuerySyntaxError(String(error));
        const index = error.token?.index ?? 0;
        const position = (index < origin.length ? origin[index] : text.length) + 1;
        throw new QuerySyntaxError(reasonOf(error), position);
    }
    return { text, absolute, select: document => query_select(compiled, document) };
}
function query_select(compiled, document) {
    try {
        return compiled.query(document).values();
    }
    catch (error) {
        if (error instanceof json_p3_cjs/* JSONPathRecursionLimitError */.DW) {
            throw new QueryEvaluationError('the document is nested too deeply for this query');
        }
        // Evaluation sees the secret: only the kind of error leaves, never its message.
        throw new QueryEvaluationError(`evaluation failed (${error?.name ?? 'error'})`);
    }
}
/**
 * The absolute query, and for each of its characters the index of the character of `text` it
 * came from (a prepended `$` or `$.` maps to 0), to place syntax errors in the text as written.
 */
function toAbsolute(text) {
    if (text.startsWith('$')) {
        return { absolute: text, origin: Array.from({ length: text.length }, (_, i) => i) };
    }
    const prefix = text.startsWith('[') || text.startsWith('.') ? '$' : '$.';
    const chars = [prefix];
    const origin = Array.from({ length: prefix.length }, () => 0);
    let quote;
    for (let i = 0; i < text.length; i++) {
        const char = text[i];
        if (quote !== undefined) {
            if (char === '\\' && i + 1 < text.length) {
                chars.push(char);
                origin.push(i++);
            }
            else if (char === quote) {
                quote = undefined;
            }
        }
        else if (char === "'" || char === '"') {
            quote = char;
        }
        else if (char === '.' && text[i + 1] === '[' && text[i - 1] !== '.') {
            // `.[` is never valid RFC 9535 outside a string, so this changes no valid query.
            continue;
        }
        chars.push(text[i]);
        origin.push(i);
    }
    return { absolute: chars.join(''), origin };
}
/** json-p3 appends `('<up to 9 characters of context>':<index>)`; we give our own position. */
function reasonOf(error) {
    return error.message.replace(/ \('[\s\S]{0,9}':\d+\)$/, '');
}

;// CONCATENATED MODULE: ./src/jsonpath/named-queries.ts


/** The output of the `query` input. */
const SINGLE_OUTPUT = 'value';
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** The `query` input: one query, emitted as the output `value`. */
function parseSingleQuery(text) {
    const problems = [];
    const query = compileNamed(text, 'query', detail => problems.push(detail));
    if (query === undefined)
        throw new src_errors/* InputError */.d('query', problems.join('; '));
    return { name: SINGLE_OUTPUT, label: 'query', query };
}
/**
 * The `queries` input: one NAME=JSONPATH a line (the first `=` separates them; `==` may follow
 * in the query). Blank lines and lines starting with `#` are skipped. Every query is compiled,
 * and every problem reported at once.
 */
function parseNamedQueries(text) {
    const queries = [];
    const names = [];
    const problems = [];
    text.split(/\r?\n/).forEach((raw, index) => {
        const line = raw.trim();
        if (line === '' || line.startsWith('#'))
            return;
        const problem = (detail) => problems.push(`line ${index + 1}: ${detail}`);
        const eq = line.indexOf('=');
        if (eq < 0)
            return problem(`'${line}' has no '=': write NAME=JSONPATH`);
        const name = line.slice(0, eq).trim();
        const path = line.slice(eq + 1).trim();
        const nameProblem = checkName(name, names);
        if (nameProblem)
            return problem(nameProblem);
        names.push(name);
        if (path === '')
            return problem(`query ${name} is empty`);
        const query = compileNamed(path, `query ${name}`, problem);
        if (query)
            queries.push({ name, label: `query ${name}`, query });
    });
    if (problems.length > 0)
        throw new src_errors/* InputError */.d('queries', problems.join('; '));
    return queries;
}
function checkName(name, seen) {
    if (!NAME.test(name)) {
        return `'${printable(name)}' is not a valid name: use letters, digits and _, not starting with a digit`;
    }
    // Step outputs (in expressions) and env vars on Windows ignore case: so do we.
    if (seen.some(other => other.toUpperCase() === name.toUpperCase())) {
        return `name '${name}' is used twice (names are compared ignoring case)`;
    }
    return undefined;
}
function compileNamed(text, label, report) {
    try {
        return compileQuery(text);
    }
    catch (error) {
        if (!(error instanceof QuerySyntaxError))
            throw error;
        report(`${label} '${text}' is not valid JSONPath: ${error.message}`);
        return undefined;
    }
}
function printable(text) {
    return JSON.stringify(text).slice(1, -1);
}

;// CONCATENATED MODULE: ./src/jsonpath/result.ts
const RESULT_POLICIES = ['first', 'all', 'single'];
const MISSING_POLICIES = ['fail', 'warn', 'default'];
/** Applies `result` and `on-missing` to the values a query selected. */
function outcomeOf(label, values, options) {
    const matches = values.length;
    if (matches === 0)
        return missing(label, options);
    if (options.result === 'single' && matches > 1) {
        const problem = `${label} matched ${matches} nodes, but result is single`;
        return { matches, problem, warnings: [], note: 'failed' };
    }
    const all = options.result === 'all';
    const warnings = [];
    if (!all && matches > 1) {
        warnings.push(`${label} matched ${matches} nodes; emitting the first (set result: all for every ` +
            'match, or single to require exactly one).');
    }
    if (unsafeNumbers(all ? values : values.slice(0, 1))) {
        warnings.push(`${label} selected an integer beyond 2^53, which JavaScript may have rounded: ` +
            'store it as a JSON string to keep every digit.');
    }
    return {
        matches,
        value: all ? JSON.stringify(values) : render(values[0]),
        warnings,
        note: all ? 'all matches' : matches > 1 ? 'the first match' : 'the match'
    };
}
function missing(label, options) {
    switch (options.onMissing) {
        case 'fail':
            return { matches: 0, problem: `${label} matched nothing`, warnings: [], note: 'failed' };
        case 'warn':
            return {
                matches: 0,
                value: '',
                warnings: [`${label} matched nothing; emitting an empty string.`],
                note: 'empty string'
            };
        case 'default':
            return { matches: 0, value: options.defaultValue, warnings: [], note: 'default-value' };
    }
}
/** A string as it is; a number, boolean or null as its JSON text; an object or array as JSON. */
function render(value) {
    return typeof value === 'string' ? value : JSON.stringify(value);
}
function unsafeNumbers(values) {
    const unsafe = (value) => typeof value === 'number'
        ? Number.isInteger(value) && !Number.isSafeInteger(value)
        : value !== null && typeof value === 'object' && Object.values(value).some(unsafe);
    return values.some(unsafe);
}

// EXTERNAL MODULE: ./src/secrets/ids.ts
var ids = __webpack_require__(5783);
// EXTERNAL MODULE: ./src/secrets/read.ts
var read = __webpack_require__(505);
// EXTERNAL MODULE: ./src/modes/fetch.ts
var fetch = __webpack_require__(1828);
;// CONCATENATED MODULE: ./src/modes/lookup-jsonpath.ts










const lookupJsonPathMode = {
    exportDefaults: { env: false, outputs: true },
    parse(inputs) {
        const secretId = parseLookupSecretId(inputs);
        const { queries, single } = parseQueryInputs(inputs);
        checkDelivery(inputs, single);
        return {
            secretId,
            isArn: (0,ids/* isArn */.EH)(secretId),
            version: (0,fetch.parseVersion)(inputs),
            queries,
            single,
            options: parseOptions(inputs)
        };
    },
    secretArns: config => (config.isArn ? [config.secretId] : []),
    async run(config, { client }) {
        const secret = await readSecret(client, config);
        const document = parseJsonSecret(secret.data, secret.name);
        const results = config.queries.map(query => ({
            query,
            outcome: evaluate(query, document, config.options)
        }));
        const problems = results.flatMap(({ outcome }) => outcome.problem ?? []);
        if (problems.length > 0) {
            throw new src_errors/* ActionError */.l(`Nothing was exported from secret '${secret.name}': ${problems.join('; ')}.`);
        }
        for (const { outcome } of results)
            outcome.warnings.forEach(warning => actions_core/* warning */.$e(warning));
        return {
            secrets: results.map(({ query, outcome }) => targetFor(query, outcome.value ?? '', secret.name, config.single)),
            summary: summaryOf(secret, results)
        };
    }
};
function parseLookupSecretId(inputs) {
    if (inputs.optional('secret-ids') !== undefined) {
        throw new src_errors/* InputError */.d('secret-ids', 'is for fetch; lookup-jsonpath reads one secret: give its name or ARN in secret-id');
    }
    return (0,ids/* parseSecretId */.T3)(inputs, 'lookup-jsonpath');
}
function parseQueryInputs(inputs) {
    const query = inputs.optional('query');
    const queries = inputs.raw('queries');
    if (query !== undefined && queries.trim() !== '') {
        throw new src_errors/* InputError */.d('queries', 'give query (one JSONPath) or queries, not both');
    }
    if (query !== undefined)
        return { queries: [parseSingleQuery(query)], single: true };
    const named = parseNamedQueries(queries);
    if (named.length === 0) {
        throw new src_errors/* InputError */.d('query', 'is required in lookup-jsonpath mode: give query (one JSONPath) or queries ' +
            '(NAME=JSONPATH lines)');
    }
    return { queries: named, single: false };
}
function parseOptions(inputs) {
    const onMissing = inputs.oneOf('on-missing', MISSING_POLICIES, 'fail');
    const defaultValue = inputs.raw('default-value');
    if (defaultValue !== '' && onMissing !== 'default') {
        throw new src_errors/* InputError */.d('default-value', 'is used only with on-missing: default');
    }
    return { result: inputs.oneOf('result', RESULT_POLICIES, 'first'), onMissing, defaultValue };
}
/** Refuses settings under which a result would silently go nowhere. */
function checkDelivery(inputs, single) {
    const env = inputs.bool('export-env', false);
    if (env && single) {
        throw new src_errors/* InputError */.d('export-env', `the result of query goes to the output '${SINGLE_OUTPUT}' only: to export env vars, ` +
            'name each query in queries (NAME=JSONPATH)');
    }
    if (!env && !inputs.bool('export-outputs', true) && inputs.optional('output-dir') === undefined) {
        throw new src_errors/* InputError */.d('export-outputs', 'is false, export-env is false and output-dir is empty: the results would go nowhere');
    }
}
async function readSecret(client, config) {
    try {
        return await (0,read/* getSecretValue */.Ql)(client, config.secretId, config.version);
    }
    catch (error) {
        throw new src_errors/* ActionError */.l((0,errors/* describeAwsError */.Pp)(error, 'GetSecretValue', config.secretId));
    }
}
function evaluate(query, document, options) {
    let values;
    try {
        values = query.query.select(document);
    }
    catch (error) {
        if (!(error instanceof QueryEvaluationError))
            throw error;
        return {
            matches: 0,
            problem: `${query.label} failed: ${error.message}`,
            warnings: [],
            note: ''
        };
    }
    actions_core/* debug */.Yz(`${query.label} (${query.query.absolute}) matched ${values.length} node(s)`);
    return outcomeOf(query.label, values, options);
}
function targetFor(query, value, source, single) {
    const target = { name: query.name, value, source, file: query.name };
    return single ? { ...target, channels: ['output', 'file'] } : target;
}
function summaryOf(secret, results) {
    const count = results.length;
    return {
        heading: `JSONPath lookup: ${count} quer${count === 1 ? 'y' : 'ies'} in '${secret.name}'`,
        header: ['Output', 'Query', 'Matches', 'Emitted'],
        rows: results.map(({ query, outcome }) => [
            query.name,
            `<code>${escapeHtml(query.query.text)}</code>`,
            String(outcome.matches),
            outcome.note
        ]),
        notes: [`Secret '${secret.name}', version ${secret.versionId}.`]
    };
}
/** The summary is HTML: a query such as `$[?@.n<3]` must show as written. */
function escapeHtml(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
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


/***/ })

};
