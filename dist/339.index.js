export const id = 339;
export const ids = [339];
export const modules = {

/***/ 9339:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  checkChangedMode: () => (/* binding */ checkChangedMode)
});

// EXTERNAL MODULE: ./src/actions-core.ts
var actions_core = __webpack_require__(1938);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/secrets/ids.ts
var ids = __webpack_require__(5783);
;// CONCATENATED MODULE: ./src/versions/compare.ts

/**
 * Every current secret, and every previous one a request still names (a secret gone since);
 * previous secrets no request names any more (the secret-ids changed) are left out. By name.
 */
function compareVersions(previous, current, requests) {
    const before = new Map(Object.entries(previous));
    const now = new Map(Object.entries(current));
    const rows = [...now].map(([name, id]) => {
        const old = before.get(name);
        const status = old === undefined ? 'new' : old === id ? 'unchanged' : 'changed';
        return old === undefined
            ? { name, current: id, status }
            : { name, previous: old, current: id, status };
    });
    for (const [name, id] of before) {
        if (!now.has(name) && requests.some(request => requestNames(request, name))) {
            rows.push({ name, previous: id, status: 'gone' });
        }
    }
    return rows.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
/** The previous ids a request names: what it would match if those secrets still existed. */
function namedBy(request, previous) {
    return Object.keys(previous).filter(name => requestNames(request, name));
}
function requestNames(request, name) {
    if (request.kind === 'prefix')
        return name.startsWith(request.id);
    if (request.kind === 'name')
        return name === request.id;
    // A partial ARN of a name that itself ends in '-' and 6 characters is ambiguous: try both.
    const raw = request.id.slice(request.id.indexOf(':secret:') + ':secret:'.length);
    return name === raw || name === (0,ids/* secretNameFromArn */.h_)(request.id);
}

// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-secrets-manager/dist-cjs/index.js
var dist_cjs = __webpack_require__(2994);
// EXTERNAL MODULE: ./node_modules/p-limit/index.js + 1 modules
var p_limit = __webpack_require__(370);
// EXTERNAL MODULE: ./src/aws/errors.ts
var aws_errors = __webpack_require__(9378);
// EXTERNAL MODULE: ./src/secrets/read.ts
var read = __webpack_require__(505);
;// CONCATENATED MODULE: ./src/versions/current.ts
/**
 * The AWSCURRENT version id of each requested secret, read without reading any value:
 * ListSecrets (SecretVersionsToStages) wherever it can answer, DescribeSecret only where it must.
 */







/** A ListSecrets filter takes at most 10 values; values are alternatives. */
const NAME_FILTER_VALUES = 10;
const CONCURRENCY = 10;
// What ListSecrets accepts as a filter value; anything else goes to DescribeSecret alone.
const FILTERABLE = /^[A-Za-z0-9/_+=.@-]{1,512}$/;
function currentVersionId(versionsToStages) {
    const entry = Object.entries(versionsToStages ?? {}).find(([, stages]) => stages.includes('AWSCURRENT'));
    return entry?.[0] ?? '';
}
/** Fails with one error naming every request AWS refused (other than "not found"). */
async function readCurrentVersions(client, requests) {
    const reader = new VersionReader(client);
    const prefixes = requests.filter(request => request.kind === 'prefix');
    const exact = requests.filter(request => request.kind !== 'prefix');
    const filterable = exact.filter(request => FILTERABLE.test(lookupName(request)));
    const direct = exact.filter(request => !filterable.includes(request));
    const results = await Promise.all([
        ...prefixes.map(request => reader.prefix(request)),
        ...batches(filterable).map(batch => reader.listed(batch)),
        ...direct.map(request => reader.described(request))
    ]);
    if (reader.failures.length > 0) {
        throw new errors/* ActionError */.l(`Could not read the version ids of ${reader.failures.length} secret(s): ` +
            reader.failures.join(' '));
    }
    const found = new Map();
    const missing = [];
    for (const { request, secrets } of results.flat()) {
        if (secrets.length === 0)
            missing.push(request);
        for (const secret of secrets)
            found.set(secret.name, secret);
    }
    const order = (request) => requests.indexOf(request);
    return { secrets: [...found.values()], missing: missing.sort((a, b) => order(a) - order(b)) };
}
class VersionReader {
    client;
    failures = [];
    limit = (0,p_limit/* default */.A)(CONCURRENCY);
    listDenied = false;
    constructor(client) {
        this.client = client;
    }
    async prefix(request) {
        const secrets = [];
        try {
            await this.limit(async () => {
                for await (const page of (0,read/* listSecretsByPrefix */.th)(this.client, request.id)) {
                    for (const { name, arn, versions } of page) {
                        secrets.push({ name, arn, versionId: currentVersionId(versions) });
                    }
                }
            });
        }
        catch (error) {
            this.failures.push((0,aws_errors/* describeAwsError */.Pp)(error, 'ListSecrets', `${request.id}*`));
        }
        return { request, secrets };
    }
    /**
     * Up to 10 names or ARNs in one ListSecrets filter. The filter matches by prefix, so listing
     * stops once every request is answered, or once it has cost as many pages as describing the
     * rest would cost calls; DescribeSecret then answers what is left.
     */
    async listed(requests) {
        const answered = new Map();
        const open = () => requests.filter(request => !answered.has(request));
        if (!this.listDenied) {
            try {
                await this.limit(() => this.listInto(requests, answered, open));
            }
            catch (error) {
                if (!(0,aws_errors/* isAccessDenied */.w7)(error)) {
                    const names = requests.map(request => request.id).join("', '");
                    this.failures.push((0,aws_errors/* describeAwsError */.Pp)(error, 'ListSecrets', names));
                    return [];
                }
                this.denyList();
            }
        }
        const described = await Promise.all(open().map(request => this.described(request)));
        const listed = [...answered].map(([request, secret]) => ({ request, secrets: [secret] }));
        return [...listed, ...described];
    }
    async listInto(requests, answered, open) {
        const names = [...new Set(requests.map(lookupName))];
        const pages = (0,dist_cjs/* paginateListSecrets */.hM)({ client: this.client, pageSize: 100 }, { Filters: [{ Key: 'name', Values: names }], IncludePlannedDeletion: false });
        let count = 0;
        for await (const page of pages) {
            count++;
            for (const entry of page.SecretList ?? []) {
                const secret = {
                    name: entry.Name ?? '',
                    arn: entry.ARN ?? '',
                    versionId: currentVersionId(entry.SecretVersionsToStages)
                };
                for (const request of open())
                    if (matchesRequest(request, secret))
                        answered.set(request, secret);
            }
            const left = open().length;
            actions_core/* debug */.Yz(`ListSecrets by name, page ${count}: ${left} of ${requests.length} left`);
            if (left === 0 || count >= left)
                return;
        }
    }
    async described(request) {
        try {
            const secret = await this.limit(() => this.client.send(new dist_cjs/* DescribeSecretCommand */.X5({ SecretId: request.id })));
            if (secret.DeletedDate !== undefined) {
                actions_core/* debug */.Yz(`'${request.id}' is scheduled for deletion`);
                return { request, secrets: [] };
            }
            const versionId = currentVersionId(secret.VersionIdsToStages);
            return { request, secrets: [{ name: secret.Name ?? '', arn: secret.ARN ?? '', versionId }] };
        }
        catch (error) {
            if (!(0,aws_errors/* isNotFound */.c4)(error))
                this.failures.push((0,aws_errors/* describeAwsError */.Pp)(error, 'DescribeSecret', request.id));
            return { request, secrets: [] };
        }
    }
    denyList() {
        if (this.listDenied)
            return;
        this.listDenied = true;
        actions_core/* warning */.$e('secretsmanager:ListSecrets is denied: reading version ids with DescribeSecret, one call ' +
            'per secret. Allow ListSecrets for fewer calls (wildcards need it).');
    }
}
/** The name to filter ListSecrets by: the name, or an ARN's name without its random suffix. */
function lookupName(request) {
    return request.kind === 'arn' ? (0,ids/* secretNameFromArn */.h_)(request.id) : request.id;
}
/** A prefix matches names that start with it; a name or ARN must name the secret exactly. */
function matchesRequest(request, secret) {
    return request.kind === 'prefix'
        ? secret.name.startsWith(request.id)
        : (0,ids/* idNames */.Cg)(request.id, secret);
}
function batches(requests) {
    const out = [];
    for (let i = 0; i < requests.length; i += NAME_FILTER_VALUES) {
        out.push(requests.slice(i, i + NAME_FILTER_VALUES));
    }
    return out;
}

;// CONCATENATED MODULE: ./src/versions/state.ts
/**
 * What check-changed keeps between runs: secret names and version ids, never values.
 * The same JSON document is the state file (cache: file) and the Actions cache entry.
 */
const STATE_SCHEMA = 1;
/** A state that exists but cannot be trusted; never read as "nothing changed". */
class CorruptStateError extends Error {
    constructor(reason) {
        super(reason);
        this.name = 'CorruptStateError';
    }
}
const printable = (text, min, max) => text.length >= min && text.length <= max && ![...text].some(c => c < ' ' || c === '\u007f');
function parseState(text) {
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch {
        throw new CorruptStateError('it is not valid JSON');
    }
    if (!isObject(parsed))
        throw new CorruptStateError('it is not a JSON object');
    if (parsed.schema !== STATE_SCHEMA) {
        throw new CorruptStateError(`its schema is ${JSON.stringify(parsed.schema)}, not ${STATE_SCHEMA}`);
    }
    const doc = { versionIds: versionMap(parsed.versionIds, 'versionIds') };
    if (parsed.run !== undefined)
        doc.run = runOf(parsed.run);
    return doc;
}
/** Stable text: sorted names, so a committed state file only changes when an id does. */
function serializeState(doc) {
    const out = { schema: STATE_SCHEMA, versionIds: sorted(doc.versionIds) };
    if (doc.run) {
        const { id, attempt, baseline } = doc.run;
        out.run = { id, attempt, baseline: baseline && sorted(baseline) };
    }
    return `${JSON.stringify(out, null, 2)}\n`;
}
function sorted(map) {
    return Object.fromEntries(Object.entries(map).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
function runOf(value) {
    if (!isObject(value))
        throw new CorruptStateError('run is not an object');
    const { id, attempt, baseline } = value;
    if (typeof id !== 'string' || !/^[\w.-]{1,64}$/.test(id)) {
        throw new CorruptStateError('run.id is not a run id');
    }
    if (typeof attempt !== 'number' || !Number.isInteger(attempt) || attempt < 1) {
        throw new CorruptStateError('run.attempt is not a positive whole number');
    }
    return { id, attempt, baseline: baseline === null ? null : versionMap(baseline, 'run.baseline') };
}
function versionMap(value, field) {
    if (!isObject(value))
        throw new CorruptStateError(`${field} is not an object`);
    const entries = Object.entries(value);
    for (const [name, id] of entries) {
        if (!printable(name, 1, 2048))
            throw new CorruptStateError(`${field} has a key that is not a name`);
        if (typeof id !== 'string' || !printable(id, 0, 64)) {
            throw new CorruptStateError(`${field} has a value that is not a version id`);
        }
    }
    // fromEntries, not assignment: '__proto__' and 'constructor' are valid secret names.
    return Object.fromEntries(entries);
}
function isObject(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/versions/store.ts
/** Where check-changed keeps the previous run's version ids: the Actions cache, a file, or nowhere. */






function openStore(config, requests, env) {
    if (config.kind === 'file')
        return new FileStore(config.path);
    if (config.kind === 'none')
        return new NoStore();
    const prefix = config.key ?? defaultCacheKey(requests, env);
    return new ActionsCacheStore(prefix, env);
}
/** One key per repository, workflow, job and list of secret ids (in any order). */
function defaultCacheKey(requests, env) {
    const ids = [...new Set(requests.map(r => (r.kind === 'prefix' ? `${r.id}*` : r.id)))].sort();
    const scope = [env.GITHUB_REPOSITORY, env.GITHUB_WORKFLOW, env.GITHUB_JOB].map(s => s ?? '');
    const digest = (0,external_node_crypto_.createHash)('sha256')
        .update(JSON.stringify([...scope, ids]))
        .digest('hex');
    return `secrets-manager-action-check-changed-${digest.slice(0, 24)}`;
}
class NoStore {
    where = 'nowhere (cache: none)';
    async load() {
        return { kind: 'none' };
    }
    async save() { }
}
/** A JSON file the workflow persists as it likes; written atomically (temp file + rename). */
class FileStore {
    file;
    where;
    constructor(file) {
        this.file = file;
        this.where = `state file '${file}'`;
    }
    async load() {
        let text;
        try {
            text = await external_node_fs_.promises.readFile(this.file, 'utf8');
        }
        catch (error) {
            const code = error.code;
            if (code === 'ENOENT') {
                actions_core/* info */.pq(`No state file at '${this.file}' yet: this is a first run.`);
                return { kind: 'none' };
            }
            actions_core/* warning */.$e(`Could not read the state file '${this.file}' (${code}): comparing against nothing, ` +
                'so every secret is reported as changed.');
            return { kind: 'unreadable' };
        }
        return readDocument(text, this.where);
    }
    async save(doc) {
        // No run details in a file: it only changes when a version id does (nice to commit).
        const text = serializeState({ versionIds: doc.versionIds });
        const dir = external_node_path_.dirname(external_node_path_.resolve(this.file));
        const temp = external_node_path_.join(dir, `.${external_node_path_.basename(this.file)}.${(0,external_node_crypto_.randomUUID)()}.tmp`);
        try {
            await external_node_fs_.promises.mkdir(dir, { recursive: true });
            await external_node_fs_.promises.writeFile(temp, text, { flag: 'wx' });
            await external_node_fs_.promises.rename(temp, this.file);
        }
        catch (error) {
            await external_node_fs_.promises.rm(temp, { force: true });
            // Not fatal: the next run compares against older ids and reports changed, never less.
            const code = error.code ?? String(error);
            actions_core/* warning */.$e(`Could not write the state file '${this.file}' (${code}): the next run will report ` +
                "these changes again. Check state-file and the directory's permissions.");
        }
    }
}
/**
 * The GitHub Actions cache: restores the newest entry under the key prefix and saves a new one
 * under a key unique to the run and attempt (cache entries cannot be overwritten).
 */
class ActionsCacheStore {
    prefix;
    env;
    where;
    file;
    available = false;
    constructor(prefix, env) {
        this.prefix = prefix;
        this.env = env;
        this.where = `Actions cache, key prefix '${prefix}-'`;
        // The cache version hashes this path, so it must be the same in every run: a fixed name
        // under RUNNER_TEMP, one per key prefix.
        const digest = (0,external_node_crypto_.createHash)('sha256').update(prefix).digest('hex').slice(0, 16);
        const root = env.RUNNER_TEMP || external_node_os_.tmpdir();
        this.file = external_node_path_.join(root, 'secrets-manager-action', `check-changed-${digest}`, 'ids.json');
    }
    get saveKey() {
        const run = this.env.GITHUB_RUN_ID || String(Date.now());
        return `${this.prefix}-${run}-${this.env.GITHUB_RUN_ATTEMPT || '1'}`;
    }
    async load() {
        const cache = await actionsCache();
        if (!cache.isFeatureAvailable()) {
            actions_core/* warning */.$e('The GitHub Actions cache service is not available (not running on a GitHub runner?): ' +
                'this is a first run, and the version ids will not be kept. Use cache: file outside ' +
                'GitHub Actions.');
            return { kind: 'none' };
        }
        this.available = true;
        // Only what the restore brings back may be read: start from an empty private directory.
        const dir = external_node_path_.dirname(this.file);
        await external_node_fs_.promises.rm(dir, { recursive: true, force: true });
        await external_node_fs_.promises.mkdir(dir, { recursive: true, mode: 0o700 });
        let hit;
        try {
            hit = await cache.restoreCache([this.file], this.saveKey, [`${this.prefix}-`]);
        }
        catch (error) {
            actions_core/* warning */.$e(`Could not restore the version ids from the Actions cache: ${errorText(error)}`);
            return { kind: 'none' };
        }
        if (hit === undefined) {
            actions_core/* info */.pq(`No previous version ids in the ${this.where}: this is a first run.`);
            return { kind: 'none' };
        }
        actions_core/* info */.pq(`Previous version ids restored from the Actions cache entry '${hit}'.`);
        let text;
        try {
            text = await external_node_fs_.promises.readFile(this.file, 'utf8');
        }
        catch (error) {
            actions_core/* warning */.$e(`The Actions cache entry '${hit}' holds no readable version ids ` +
                `(${error.code}): every secret is reported as changed.`);
            return { kind: 'unreadable' };
        }
        return readDocument(text, `Actions cache entry '${hit}'`);
    }
    async save(doc) {
        if (!this.available)
            return;
        await external_node_fs_.promises.mkdir(external_node_path_.dirname(this.file), { recursive: true, mode: 0o700 });
        await external_node_fs_.promises.writeFile(this.file, serializeState(doc));
        const cache = await actionsCache();
        try {
            // Failures other than a bad key are warnings inside saveCache, and it returns -1.
            const id = await cache.saveCache([this.file], this.saveKey);
            if (id !== -1)
                actions_core/* info */.pq(`Version ids saved to the Actions cache as '${this.saveKey}'.`);
        }
        catch (error) {
            actions_core/* warning */.$e(`Could not save the version ids to the Actions cache: ${errorText(error)}`);
        }
    }
}
// Loaded on first use: @actions/cache (and the Azure SDK it brings) doubles the bundle, and no
// other mode or cache kind needs it at start-up.
const actionsCache = () => Promise.all(/* import() */[__webpack_require__.e(477), __webpack_require__.e(691)]).then(__webpack_require__.bind(__webpack_require__, 1691));
function readDocument(text, where) {
    try {
        return { kind: 'found', doc: parseState(text) };
    }
    catch (error) {
        if (!(error instanceof CorruptStateError))
            throw error;
        actions_core/* warning */.$e(`The ${where} is corrupt (${error.message}): comparing against nothing, so every secret ` +
            'is reported as changed. It is replaced at the end of this run.');
        return { kind: 'unreadable' };
    }
}
function errorText(error) {
    return error instanceof Error ? error.message : String(error);
}

;// CONCATENATED MODULE: ./src/modes/check-changed.ts







const CACHES = ['actions', 'file', 'none'];
const FIRST_RUN = ['changed', 'unchanged'];
const checkChangedMode = {
    exportDefaults: { env: false, outputs: false },
    parse(inputs) {
        // Aliases (ALIAS,id) are accepted and ignored, so a fetch step's list can be reused as is.
        const requests = (0,ids/* parseSecretIds */.Ct)(inputs.raw('secret-ids'), 'secret-ids');
        if (requests.length === 0) {
            throw new errors/* InputError */.d('secret-ids', 'is required in check-changed mode: list one secret per line');
        }
        return {
            requests,
            store: parseStore(inputs),
            firstRun: inputs.oneOf('first-run', FIRST_RUN, 'changed')
        };
    },
    secretArns: config => config.requests.filter(r => r.kind === 'arn').map(r => r.id),
    async run(config, { client, env }) {
        const store = openStore(config.store, config.requests, env);
        const [loaded, current] = await Promise.all([
            store.load(),
            readCurrentVersions(client, config.requests)
        ]);
        const versionIds = sorted(Object.fromEntries(current.secrets.map(s => [s.name, s.versionId])));
        const { baseline, note } = baselineOf(loaded, env);
        checkMissing(current.missing, baseline);
        const rows = baseline
            ? compareVersions(baseline, versionIds, config.requests)
            : Object.entries(versionIds).map(([name, id]) => ({ name, current: id, status: 'new' }));
        const reportAll = loaded.kind === 'unreadable' || config.firstRun === 'changed';
        const changed = rows
            .filter(row => (baseline ? row.status !== 'unchanged' : reportAll))
            .map(row => row.name);
        logChanges(rows, baseline === undefined, changed.length > 0);
        const runId = env.GITHUB_RUN_ID;
        const attempt = Number(env.GITHUB_RUN_ATTEMPT) || 1;
        await store.save({
            versionIds,
            run: runId ? { id: runId, attempt, baseline: baseline ?? null } : undefined
        });
        const previous = Object.fromEntries(rows.filter(row => row.previous !== undefined).map(row => [row.name, row.previous]));
        return {
            outputs: {
                changed: String(changed.length > 0),
                'changed-secrets': JSON.stringify(changed),
                'version-ids': JSON.stringify(versionIds),
                'previous-version-ids': JSON.stringify(previous)
            },
            summary: summaryOf(rows, changed, baseline === undefined, [
                `Previous version ids: ${store.where}.`,
                ...(note ? [note] : [])
            ])
        };
    }
};
function parseStore(inputs) {
    const kind = inputs.oneOf('cache', CACHES, 'actions');
    const stateFile = inputs.optional('state-file');
    const key = inputs.optional('cache-key');
    if (stateFile !== undefined && kind !== 'file') {
        throw new errors/* InputError */.d('state-file', `is only used with cache: file (cache is ${kind})`);
    }
    if (key !== undefined && kind !== 'actions') {
        throw new errors/* InputError */.d('cache-key', `is only used with cache: actions (cache is ${kind})`);
    }
    if (kind === 'file') {
        if (stateFile === undefined) {
            throw new errors/* InputError */.d('state-file', 'is required with cache: file: give the path of a JSON file');
        }
        return { kind, path: stateFile };
    }
    if (kind === 'none')
        return { kind };
    if (key !== undefined && !/^[^,\s]{1,400}$/.test(key)) {
        throw new errors/* InputError */.d('cache-key', 'must be 1 to 400 characters without commas or whitespace');
    }
    return { kind, key };
}
/**
 * The ids to compare against: the previous run's, or, when this run already saved ids (a
 * re-run, or a second step with the same key), the ids that first attempt compared against.
 */
function baselineOf(loaded, env) {
    if (loaded.kind !== 'found')
        return {};
    const { doc } = loaded;
    if (!doc.run || !env.GITHUB_RUN_ID || doc.run.id !== env.GITHUB_RUN_ID) {
        return { baseline: doc.versionIds };
    }
    const note = `Run ${doc.run.id} already checked these secrets (attempt ${doc.run.attempt}): comparing ` +
        'against the ids that check compared against, so a re-run reports the same changes.';
    return { baseline: doc.run.baseline ?? undefined, note };
}
/**
 * A request that matches nothing is a gone secret when the previous run knew it, else an
 * error: a typo in secret-ids must not pass as "nothing changed" forever.
 */
function checkMissing(missing, baseline) {
    const unknown = [];
    for (const request of missing) {
        const label = request.kind === 'prefix' ? `${request.id}*` : request.id;
        if (baseline === undefined || namedBy(request, baseline).length === 0) {
            unknown.push(label);
        }
        else if (request.kind !== 'prefix') {
            actions_core/* warning */.$e(`Secret '${label}' no longer exists (deleted or scheduled for deletion): reported as ` +
                'changed. Remove it from secret-ids, or the next run fails.');
        }
    }
    if (unknown.length === 0)
        return;
    throw new errors/* ActionError */.l(`check-changed: no secret matches ${unknown.map(label => `'${label}'`).join(', ')} ` +
        '(not found, or scheduled for deletion). Check secret-ids and the region; a secret the ' +
        'previous run saw is reported as changed instead.');
}
const LOGGED_ROWS = 50;
function logChanges(rows, firstRun, changed) {
    if (firstRun) {
        const count = `${rows.length} secret${rows.length === 1 ? '' : 's'}`;
        actions_core/* info */.pq(`First run: ${count} recorded, reported as ${changed ? 'changed' : 'unchanged'}.`);
        return;
    }
    const notable = rows.filter(row => row.status !== 'unchanged');
    for (const row of notable.slice(0, LOGGED_ROWS)) {
        actions_core/* info */.pq(`${row.status}: ${row.name} (${row.previous ?? '-'} -> ${row.current ?? '-'})`);
    }
    if (notable.length > LOGGED_ROWS) {
        actions_core/* info */.pq(`... and ${notable.length - LOGGED_ROWS} more: see the job summary.`);
    }
    if (notable.length === 0)
        actions_core/* info */.pq(`No change in ${rows.length} secret(s).`);
}
function summaryOf(rows, changed, firstRun, notes) {
    const count = `${rows.length} secret${rows.length === 1 ? '' : 's'}`;
    const heading = firstRun
        ? `check-changed: first run, ${count} recorded (reported as ${changed.length ? 'changed' : 'unchanged'})`
        : changed.length
            ? `check-changed: ${changed.length} of ${count} changed`
            : `check-changed: no change in ${count}`;
    const notable = (row) => firstRun || row.status !== 'unchanged';
    const id = (value) => value === undefined ? '-' : value === '' ? '(no current version)' : value;
    return {
        heading,
        header: ['Secret', 'Previous version id', 'Current version id', 'Status'],
        // What changed first, then the rest; by name within each.
        rows: [...rows.filter(notable), ...rows.filter(row => !notable(row))].map(row => [
            row.name,
            id(row.previous),
            id(row.current),
            firstRun ? 'first run' : row.status
        ]),
        notes
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

/***/ 370:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  A: () => (/* binding */ pLimit)
});

// UNUSED EXPORTS: limitFunction

;// CONCATENATED MODULE: ./node_modules/yocto-queue/index.js
/*
How it works:
`this.#head` is an instance of `Node` which keeps track of its current value and nests another instance of `Node` that keeps the value that comes after it. When a value is provided to `.enqueue()`, the code needs to iterate through `this.#head`, going deeper and deeper to find the last value. However, iterating through every single item is slow. This problem is solved by saving a reference to the last value as `this.#tail` so that it can reference it to add a new value.
*/

class Node {
	value;
	next;

	constructor(value) {
		this.value = value;
	}
}

class Queue {
	#head;
	#tail;
	#size;

	constructor() {
		this.clear();
	}

	enqueue(value) {
		const node = new Node(value);

		if (this.#head) {
			this.#tail.next = node;
			this.#tail = node;
		} else {
			this.#head = node;
			this.#tail = node;
		}

		this.#size++;
	}

	dequeue() {
		const current = this.#head;
		if (!current) {
			return;
		}

		this.#head = this.#head.next;
		this.#size--;

		// Clean up tail reference when queue becomes empty
		if (!this.#head) {
			this.#tail = undefined;
		}

		return current.value;
	}

	peek() {
		if (!this.#head) {
			return;
		}

		return this.#head.value;

		// TODO: Node.js 18.
		// return this.#head?.value;
	}

	clear() {
		this.#head = undefined;
		this.#tail = undefined;
		this.#size = 0;
	}

	get size() {
		return this.#size;
	}

	* [Symbol.iterator]() {
		let current = this.#head;

		while (current) {
			yield current.value;
			current = current.next;
		}
	}

	* drain() {
		while (this.#head) {
			yield this.dequeue();
		}
	}
}

;// CONCATENATED MODULE: ./node_modules/p-limit/index.js


function pLimit(concurrency) {
	let rejectOnClear = false;

	if (typeof concurrency === 'object') {
		({concurrency, rejectOnClear = false} = concurrency);
	}

	validateConcurrency(concurrency);

	if (typeof rejectOnClear !== 'boolean') {
		throw new TypeError('Expected `rejectOnClear` to be a boolean');
	}

	const queue = new Queue();
	let activeCount = 0;

	const resumeNext = () => {
		// Process the next queued function if we're under the concurrency limit
		if (activeCount < concurrency && queue.size > 0) {
			activeCount++;
			queue.dequeue().run();
		}
	};

	const next = () => {
		activeCount--;
		resumeNext();
	};

	const run = async (function_, resolve, arguments_) => {
		// Execute the function and capture the result promise
		const result = (async () => function_(...arguments_))();

		// Resolve immediately with the promise (don't wait for completion)
		resolve(result);

		// Wait for the function to complete (success or failure)
		// We catch errors here to prevent unhandled rejections,
		// but the original promise rejection is preserved for the caller
		try {
			await result;
		} catch {}

		// Decrement active count and process next queued function
		next();
	};

	const enqueue = (function_, resolve, reject, arguments_) => {
		const queueItem = {reject};

		// Queue the internal resolve function instead of the run function
		// to preserve the asynchronous execution context.
		new Promise(internalResolve => { // eslint-disable-line promise/param-names
			queueItem.run = internalResolve;
			queue.enqueue(queueItem);
		}).then(run.bind(undefined, function_, resolve, arguments_)); // eslint-disable-line promise/prefer-await-to-then

		// Start processing immediately if we haven't reached the concurrency limit
		if (activeCount < concurrency) {
			resumeNext();
		}
	};

	const generator = (function_, ...arguments_) => new Promise((resolve, reject) => {
		enqueue(function_, resolve, reject, arguments_);
	});

	Object.defineProperties(generator, {
		activeCount: {
			get: () => activeCount,
		},
		pendingCount: {
			get: () => queue.size,
		},
		clearQueue: {
			value() {
				if (!rejectOnClear) {
					queue.clear();
					return;
				}

				const abortError = AbortSignal.abort().reason;

				while (queue.size > 0) {
					queue.dequeue().reject(abortError);
				}
			},
		},
		concurrency: {
			get: () => concurrency,

			set(newConcurrency) {
				validateConcurrency(newConcurrency);
				concurrency = newConcurrency;

				queueMicrotask(() => {
					// eslint-disable-next-line no-unmodified-loop-condition
					while (activeCount < concurrency && queue.size > 0) {
						resumeNext();
					}
				});
			},
		},
		map: {
			async value(iterable, function_) {
				const promises = [];

				try {
					Array.from(iterable, (value, index) => {
						const promise = generator(function_, value, index);
						promises.push(promise);
						return promise;
					});
				} catch (error) {
					// The iterable threw, so `Promise.all` never observes the already scheduled promises. Observe them here to avoid unhandled rejections.
					for (const promise of promises) {
						promise.catch(() => {}); // eslint-disable-line promise/prefer-await-to-then
					}

					throw error;
				}

				return Promise.all(promises);
			},
		},
	});

	return generator;
}

function limitFunction(function_, options) {
	const limit = pLimit(options);

	const limitedFunction = (...arguments_) => limit(() => function_(...arguments_));
	Object.defineProperty(limitedFunction, 'clearQueue', {
		value: limit.clearQueue,
	});

	return limitedFunction;
}

function validateConcurrency(concurrency) {
	if (!((Number.isInteger(concurrency) || concurrency === Number.POSITIVE_INFINITY) && concurrency > 0)) {
		throw new TypeError('Expected `concurrency` to be a number from 1 and up');
	}
}


/***/ })

};
