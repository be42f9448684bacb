export const id = 737;
export const ids = [737];
export const modules = {

/***/ 5290:
/***/ ((__unused_webpack_module, exports, __webpack_require__) => {

var __webpack_unused_export__;

__webpack_unused_export__ = ({ value: true });
__webpack_unused_export__ = exports.IX = __webpack_unused_export__ = exports.$C = void 0;
var client_1 = __webpack_require__(2658);
Object.defineProperty(exports, "$C", ({ enumerable: true, get: function () { return client_1.createWaiter; } }));
__webpack_unused_export__ = ({ enumerable: true, get: function () { return client_1.waiterServiceDefaults; } });
Object.defineProperty(exports, "IX", ({ enumerable: true, get: function () { return client_1.WaiterState; } }));
__webpack_unused_export__ = ({ enumerable: true, get: function () { return client_1.checkExceptions; } });


/***/ }),

/***/ 9737:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  rotateMode: () => (/* binding */ rotateMode)
});

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/secrets/ids.ts
var ids = __webpack_require__(5783);
// EXTERNAL MODULE: ./src/actions-core.ts
var actions_core = __webpack_require__(1938);
// EXTERNAL MODULE: ./node_modules/@aws-sdk/client-secrets-manager/dist-cjs/index.js
var dist_cjs = __webpack_require__(2994);
// EXTERNAL MODULE: ./src/aws/errors.ts
var aws_errors = __webpack_require__(9378);
// EXTERNAL MODULE: ./src/output/env-names.ts
var env_names = __webpack_require__(7743);
// EXTERNAL MODULE: ./src/output/mask.ts
var mask = __webpack_require__(2533);
// EXTERNAL MODULE: ./src/secrets/fields.ts
var secrets_fields = __webpack_require__(7160);
// EXTERNAL MODULE: ./src/secrets/read.ts
var secrets_read = __webpack_require__(505);
// EXTERNAL MODULE: ./src/secrets/token.ts
var token = __webpack_require__(8904);
;// CONCATENATED MODULE: ./src/rotation/stages.ts




const CURRENT = 'AWSCURRENT';
const PENDING = 'AWSPENDING';
const PREVIOUS = 'AWSPREVIOUS';
async function describeStages(client, secretId) {
    const out = await client
        .send(new dist_cjs/* DescribeSecretCommand */.X5({ SecretId: secretId }))
        .catch(error => failed(error, 'DescribeSecret', secretId));
    return {
        arn: out.ARN ?? secretId,
        name: out.Name ?? secretId,
        stages: labelled(out.VersionIdsToStages ?? {}),
        rotationLambdaArn: out.RotationLambdaARN || undefined,
        owningService: out.OwningService || undefined
    };
}
// AWS leaves deprecated versions out; moto lists them with no labels.
function labelled(stages) {
    return Object.fromEntries(Object.entries(stages).filter(([, labels]) => labels.length > 0));
}
function versionWith(stages, label) {
    return Object.entries(stages).find(([, labels]) => labels.includes(label))?.[0];
}
function has(stages, versionId, label) {
    return stages[versionId]?.includes(label) ?? false;
}
/**
 * AWSPENDING that blocks a rotation: on a version that is not AWSCURRENT. (After a successful
 * rotation AWS may leave AWSPENDING on the current version; that blocks nothing.)
 */
function blockingPending(stages) {
    const pending = versionWith(stages, PENDING);
    return pending !== undefined && !has(stages, pending, CURRENT) ? pending : undefined;
}
/** `id: LABEL, LABEL; id: LABEL` for messages; '(no labelled versions)' when empty. */
function describeLabels(stages) {
    const parts = Object.entries(stages).map(([id, labels]) => `${id}: ${labels.join(', ')}`);
    return parts.length > 0 ? parts.join('; ') : '(no labelled versions)';
}
/** When each version was created, for the age of a stale AWSPENDING. */
async function creationDates(client, arn) {
    const dates = new Map();
    try {
        for await (const page of (0,dist_cjs/* paginateListSecretVersionIds */.Xw)({ client }, { SecretId: arn })) {
            for (const version of page.Versions ?? []) {
                if (version.VersionId && version.CreatedDate) {
                    dates.set(version.VersionId, version.CreatedDate);
                }
            }
        }
    }
    catch (error) {
        // The age only makes the message better; the stages already say what is wrong.
        actions_core/* debug */.Yz(`ListSecretVersionIds: ${(0,aws_errors/* describeAwsError */.Pp)(error, 'ListSecretVersionIds', arn)}`);
    }
    return dates;
}
function formatAge(ms) {
    const minutes = Math.floor(ms / 60_000);
    if (minutes < 1)
        return 'less than a minute';
    if (minutes < 120)
        return `${minutes} minute${minutes === 1 ? '' : 's'}`;
    const hours = Math.floor(minutes / 60);
    if (hours < 48)
        return `${hours} hours`;
    return `${Math.floor(hours / 24)} days`;
}
/**
 * A blocking AWSPENDING left by an earlier rotation: an error naming the version and its age,
 * or, with clear-stale-pending, removed. Returns a note for the summary when it removed one.
 */
async function handleStalePending(client, secret, check) {
    const stale = blockingPending(secret.stages);
    if (stale === undefined || stale === check.ownVersion)
        return undefined;
    const created = (await creationDates(client, secret.arn)).get(stale);
    const age = created
        ? ` since ${created.toISOString()} (${formatAge(Date.now() - created.getTime())})`
        : '';
    const what = `version ${stale} of '${secret.name}' has held AWSPENDING${age}`;
    if (!check.clear) {
        throw new errors/* ActionError */.l(`A stale rotation blocks this one: ${what}, left by an earlier rotation that did not ` +
            `finish (or one still running). Stages: ${describeLabels(secret.stages)}. Set ` +
            `clear-stale-pending: true to remove that label first, or remove it yourself with ` +
            `UpdateSecretVersionStage.`);
    }
    await removeLabel(client, secret.arn, stale, PENDING);
    dropLabel(secret.stages, stale, PENDING);
    const note = `Removed a stale AWSPENDING: ${what}.`;
    actions_core/* warning */.$e(note);
    return note;
}
function dropLabel(stages, versionId, label) {
    const left = (stages[versionId] ?? []).filter(other => other !== label);
    if (left.length > 0)
        stages[versionId] = left;
    else
        delete stages[versionId];
}
async function removeLabel(client, arn, versionId, label) {
    const command = new dist_cjs/* UpdateSecretVersionStageCommand */.be({
        SecretId: arn,
        VersionStage: label,
        RemoveFromVersionId: versionId
    });
    await moveStage(client, command, arn, stages => !has(stages, versionId, label));
}
/**
 * A stage move whose answer was lost may have happened: the SDK's retry is then refused, since
 * the label is no longer where the request says. Success is judged by where the label now is.
 */
async function moveStage(client, command, secret, done) {
    try {
        await client.send(command);
    }
    catch (error) {
        const after = await describeStages(client, command.input.SecretId ?? secret).catch(() => undefined);
        if (after && done(after.stages)) {
            actions_core/* debug */.Yz(`UpdateSecretVersionStage on '${secret}' had taken effect before it failed`);
            return;
        }
        failed(error, 'UpdateSecretVersionStage', secret);
    }
}
/**
 * Makes the version AWSCURRENT in one atomic move (AWS puts AWSPREVIOUS on the version it
 * leaves), then removes its AWSPENDING. The secret always has a readable AWSCURRENT.
 */
async function promote(client, secret, versionId) {
    const current = versionWith(secret.stages, CURRENT);
    if (current !== versionId) {
        const command = new dist_cjs/* UpdateSecretVersionStageCommand */.be({
            SecretId: secret.arn,
            VersionStage: CURRENT,
            MoveToVersionId: versionId,
            RemoveFromVersionId: current
        });
        await moveStage(client, command, secret.name, stages => has(stages, versionId, CURRENT));
    }
    if (has(secret.stages, versionId, PENDING)) {
        await removeLabel(client, secret.arn, versionId, PENDING);
    }
}
function failed(error, operation, secret) {
    throw new errors/* ActionError */.l((0,aws_errors/* describeAwsError */.Pp)(error, operation, secret));
}
function copyStages(stages) {
    return Object.fromEntries(Object.entries(stages).map(([id, labels]) => [id, [...labels]]));
}
/** Rows of the summary: every version labelled before or after, with its labels then and now. */
function stageRows(before, after) {
    const ids = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    const show = (labels) => (labels?.length ? labels.join(', ') : '-');
    return ids.map(id => [id, show(before[id]), show(after[id])]);
}

// EXTERNAL MODULE: ./src/secrets/json.ts
var secrets_json = __webpack_require__(4383);
;// CONCATENATED MODULE: ./src/rotation/in-workflow.ts











/** Post-step state of a create: the pending version to cancel if the job ends before finish. */
const STATE_ARN = 'sma-rotate-arn';
const STATE_PENDING = 'sma-rotate-pending';
const PHASES = ['create', 'finish', 'all'];
const VERSION_ID = /^[\w-]{32,64}$/;
/** Inputs that mean nothing to this strategy and have no default: refused, not ignored. */
const LAMBDA_ONLY = ['rotation-lambda-arn', 'rotation-schedule', 'rotation-days'];
function parseInWorkflow(inputs, common) {
    inputs.forbid(LAMBDA_ONLY, 'is for rotation-strategy: lambda only');
    const phase = inputs.oneOf('phase', PHASES, 'all');
    const config = {
        strategy: 'in-workflow',
        ...common,
        phase,
        cancelUnfinished: inputs.bool('cancel-unfinished', true)
    };
    const pendingVersionId = inputs.optional('pending-version-id');
    if (phase !== 'finish') {
        if (pendingVersionId !== undefined) {
            throw new errors/* InputError */.d('pending-version-id', 'is for phase: finish only');
        }
        return { ...config, source: parseSource(inputs, phase) };
    }
    inputs.forbid(['generator', 'fields'], 'is for phase: create or all; phase: finish only moves labels');
    if (pendingVersionId !== undefined && !VERSION_ID.test(pendingVersionId)) {
        throw new errors/* InputError */.d('pending-version-id', `'${pendingVersionId}' is not a version id (32-64 characters)`);
    }
    return { ...config, pendingVersionId };
}
function parseSource(inputs, phase) {
    const generator = inputs.optional('generator');
    const fields = inputs.optional('fields');
    if (generator !== undefined && fields !== undefined) {
        throw new errors/* InputError */.d('generator', 'give generator or fields, not both');
    }
    if (generator !== undefined)
        return { kind: 'generator', options: (0,secrets_fields/* parseGenerator */.tO)(generator) };
    if (fields === undefined) {
        throw new errors/* InputError */.d('generator', `phase: ${phase} needs generator (a plain string secret) or fields (a JSON secret)`);
    }
    const parsed = (0,secrets_fields/* parseFields */.L5)(inputs.raw('fields'));
    const names = new Map();
    for (const field of parsed.keys()) {
        const name = pendingEnvName(field);
        if (names.has(name)) {
            throw new errors/* InputError */.d('fields', `fields '${names.get(name)}' and '${field}' both export ${name}`);
        }
        names.set(name, field);
    }
    return { kind: 'fields', fields: parsed };
}
/** Env var (and, with export-outputs, output) of one rotated field. */
function pendingEnvName(field) {
    return `PENDING_${(0,env_names/* toEnvName */.Kw)(field, 'uppercase').replace(/^_/, '')}`;
}
async function rotateInWorkflow(config, client, env) {
    const started = Date.now();
    const before = await describeStages(client, config.secretId);
    const stagesBefore = copyStages(before.stages);
    if (config.phase === 'finish') {
        return finishPhase(client, before, config.pendingVersionId, started);
    }
    const previous = versionWith(before.stages, CURRENT);
    // createPending updates before.stages to what AWS now holds.
    const created = await createPending(client, before, config, env);
    if (config.phase === 'create') {
        return createdEmission(config, created, stagesBefore, before, started);
    }
    try {
        await promote(client, before, created.versionId);
    }
    catch (error) {
        await cancelPending(client, before.arn, created.versionId);
        throw error;
    }
    const after = await describeStages(client, before.arn);
    actions_core/* info */.pq(`Rotated '${before.name}': version ${created.versionId} is AWSCURRENT`);
    return finishedEmission(after, stagesBefore, created.versionId, previous, true, started, [
        ...(created.staleNote ? [created.staleNote] : [])
    ]);
}
/** Stage a new value as AWSPENDING only; AWSCURRENT is untouched. */
async function createPending(client, secret, config, env) {
    // The token is the new version id: a retried write of this step attempt is the same version.
    const versionId = (0,token/* deriveRequestToken */.S)(env, secret.arn, 'rotate-in-workflow');
    const staleNote = await handleStalePending(client, secret, {
        ownVersion: versionId,
        clear: config.clearStalePending
    });
    if (config.cancelUnfinished)
        armCancel(secret.arn, versionId);
    if (has(secret.stages, versionId, PENDING)) {
        actions_core/* info */.pq(`Version ${versionId} of '${secret.name}' is already pending: using it`);
        return { versionId, value: await readVersion(client, secret, versionId), staleNote };
    }
    if (secret.stages[versionId] !== undefined) {
        throw new errors/* ActionError */.l(`Version ${versionId} of '${secret.name}' was already written by this step attempt ` +
            `(stages: ${describeLabels(secret.stages)}): re-run the job to rotate again.`);
    }
    const value = await newValue(client, secret, config.source);
    try {
        const out = await client.send(new dist_cjs/* PutSecretValueCommand */.cp({
            SecretId: secret.arn,
            ClientRequestToken: versionId,
            SecretString: value,
            VersionStages: [PENDING]
        }));
        // A label is on one version at a time; the first version of a secret also gets AWSCURRENT.
        for (const label of out.VersionStages ?? [PENDING]) {
            for (const other of Object.keys(secret.stages))
                dropLabel(secret.stages, other, label);
        }
        secret.stages[versionId] = out.VersionStages ?? [PENDING];
    }
    catch (error) {
        // A write whose answer was lost may still have landed: never leave it pending.
        await cancelPending(client, secret.arn, versionId);
        throw new errors/* ActionError */.l((0,aws_errors/* describeAwsError */.Pp)(error, 'PutSecretValue', secret.name));
    }
    actions_core/* info */.pq(`Stored version ${versionId} of '${secret.name}' as AWSPENDING`);
    return { versionId, value, staleNote };
}
/**
 * Saved at once, not through the Emission: if anything after the write fails (emit refusing an
 * env var included), the post step still finds the pending version and cancels it.
 */
function armCancel(arn, versionId) {
    actions_core/* saveState */.LZ(STATE_ARN, arn);
    actions_core/* saveState */.LZ(STATE_PENDING, versionId);
}
async function newValue(client, secret, source) {
    const current = await readCurrent(client, secret);
    const currentJson = current === undefined ? undefined : (0,secrets_json/* jsonObject */.o)(current);
    try {
        if (source.kind === 'generator') {
            if (currentJson !== undefined) {
                throw new errors/* ActionError */.l(`AWSCURRENT of '${secret.name}' is a JSON object: rotate its fields with the ` +
                    'fields input, not generator.');
            }
            return await (0,secrets_fields/* generatePassword */.bk)(client, source.options);
        }
        if (current !== undefined && currentJson === undefined) {
            throw new errors/* ActionError */.l(`AWSCURRENT of '${secret.name}' is not a JSON object: rotate a plain string secret ` +
                'with the generator input, not fields.');
        }
        const values = await (0,secrets_fields/* resolveFields */.iz)(client, source.fields);
        const value = JSON.stringify({ ...currentJson, ...values });
        mask/* masker */.KB.add(value);
        return value;
    }
    catch (error) {
        if (error instanceof errors/* ActionError */.l)
            throw error;
        throw new errors/* ActionError */.l((0,aws_errors/* describeAwsError */.Pp)(error, 'GetRandomPassword'));
    }
}
/** The current value, masked on arrival; undefined when the secret has no AWSCURRENT yet. */
async function readCurrent(client, secret) {
    if (versionWith(secret.stages, CURRENT) === undefined)
        return undefined;
    // moto: an unstaged read can return a version AWSCURRENT has left; name the stage.
    const read = await (0,secrets_read/* getSecretValue */.Ql)(client, secret.arn, { versionStage: CURRENT }).catch(error => {
        throw new errors/* ActionError */.l((0,aws_errors/* describeAwsError */.Pp)(error, 'GetSecretValue', secret.name));
    });
    if (typeof read.data !== 'string') {
        throw new errors/* ActionError */.l(`'${secret.name}' holds a binary value: in-workflow rotation makes string values only.`);
    }
    return read.data;
}
async function readVersion(client, secret, versionId) {
    const read = await (0,secrets_read/* getSecretValue */.Ql)(client, secret.arn, { versionId }).catch(error => {
        throw new errors/* ActionError */.l((0,aws_errors/* describeAwsError */.Pp)(error, 'GetSecretValue', secret.name));
    });
    if (typeof read.data !== 'string' || read.data === '') {
        throw new errors/* ActionError */.l(`Version ${versionId} of '${secret.name}' holds no string value: not making it current.`);
    }
    return read.data;
}
async function finishPhase(client, secret, given, started) {
    const before = copyStages(secret.stages);
    const target = given ?? versionWith(secret.stages, PENDING);
    if (target === undefined) {
        throw new errors/* ActionError */.l(`No version of '${secret.name}' holds AWSPENDING: nothing to finish. Run phase: create ` +
            `first (stages: ${describeLabels(secret.stages)}).`);
    }
    const previous = versionWith(secret.stages, CURRENT);
    if (previous === target) {
        // Already finished (a re-run, or AWS left AWSPENDING on the current version): no change.
        if (has(secret.stages, target, PENDING))
            await removeLabel(client, secret.arn, target, PENDING);
        actions_core/* info */.pq(`Version ${target} of '${secret.name}' is already AWSCURRENT: nothing to do`);
        const after = await describeStages(client, secret.arn);
        return finishedEmission(after, before, target, versionWith(after.stages, PREVIOUS), false, started);
    }
    if (!has(secret.stages, target, PENDING)) {
        throw new errors/* ActionError */.l(`Version ${target} of '${secret.name}' is not pending (stages: ` +
            `${describeLabels(secret.stages)}): it was cancelled (the post step of a create whose ` +
            'job failed removes AWSPENDING) or never created. Run phase: create again.');
    }
    await readVersion(client, secret, target);
    await promote(client, secret, target);
    const after = await describeStages(client, secret.arn);
    actions_core/* info */.pq(`Rotated '${secret.name}': version ${target} is AWSCURRENT`);
    return finishedEmission(after, before, target, previous, true, started);
}
function finishedEmission(after, before, versionId, previous, rotated, started, notes = []) {
    return {
        outputs: {
            arn: after.arn,
            'version-id': versionId,
            'previous-version-id': previous ?? '',
            rotated: String(rotated)
        },
        summary: {
            heading: rotated
                ? `Rotated '${after.name}' in the workflow`
                : `Rotation of '${after.name}' was already finished`,
            header: ['Version id', 'Stages before', 'Stages after'],
            rows: stageRows(before, after.stages),
            notes: [...notes, `AWSCURRENT: ${versionId}. Took ${seconds(Date.now() - started)}.`]
        }
    };
}
function createdEmission(config, created, before, after, started) {
    const cancel = config.cancelUnfinished
        ? 'If the job ends before then, the post step of this step removes AWSPENDING.'
        : 'cancel-unfinished is off: if the job ends before then, AWSPENDING stays.';
    return {
        secrets: pendingTargets(created.value, config.source, after.name),
        outputs: {
            arn: after.arn,
            'version-id': versionWith(after.stages, CURRENT) ?? '',
            'pending-version-id': created.versionId,
            rotated: 'false'
        },
        summary: {
            heading: `Created pending version of '${after.name}'`,
            header: ['Version id', 'Stages before', 'Stages after'],
            rows: stageRows(before, after.stages),
            notes: [
                ...(created.staleNote ? [created.staleNote] : []),
                `Pending version: ${created.versionId}. Apply and test it, then run phase: finish. ` +
                    `${cancel} Took ${seconds(Date.now() - started)}.`
            ]
        }
    };
}
/**
 * pending-value (always an output) is the whole new value: the new JSON for fields. With
 * export-env / export-outputs, PENDING_VALUE (plain secrets) or PENDING_<FIELD> for each field
 * in fields (JSON secrets) too.
 */
function pendingTargets(value, source, secret) {
    const targets = [
        { name: 'pending-value', value, source: secret, channels: ['output'] }
    ];
    if (source.kind === 'generator') {
        return [...targets, { name: 'PENDING_VALUE', value, source: secret, channels: ['env'] }];
    }
    const json = (0,secrets_json/* jsonObject */.o)(value) ?? {};
    for (const field of source.fields.keys()) {
        const leaf = json[field];
        targets.push({
            name: pendingEnvName(field),
            value: typeof leaf === 'string' ? leaf : JSON.stringify(leaf ?? null),
            source: secret,
            channels: ['env', 'output']
        });
    }
    return targets;
}
/** Best effort: removes AWSPENDING from a version this step created; the post step retries. */
async function cancelPending(client, arn, versionId) {
    try {
        const secret = await describeStages(client, arn);
        if (has(secret.stages, versionId, PENDING) && !has(secret.stages, versionId, CURRENT)) {
            await removeLabel(client, arn, versionId, PENDING);
            actions_core/* info */.pq(`Removed AWSPENDING from version ${versionId}: the rotation did not finish`);
        }
    }
    catch (error) {
        actions_core/* warning */.$e(`Could not remove AWSPENDING from version ${versionId}: ${error.message}`);
    }
}
/**
 * The post step of a create: when the job ended between create and finish, the pending version
 * would block every later rotation. Remove its AWSPENDING (AWSCURRENT never moved).
 */
async function cancelUnfinished(context) {
    const arn = context.state(STATE_ARN);
    const versionId = context.state(STATE_PENDING);
    if (!arn || !versionId)
        return;
    const sm = await context.client();
    const secret = await describeStages(sm, arn);
    if (!has(secret.stages, versionId, PENDING)) {
        actions_core/* info */.pq(`Version ${versionId} of '${secret.name}' is not pending: nothing to cancel`);
        return;
    }
    await removeLabel(sm, arn, versionId, PENDING);
    if (has(secret.stages, versionId, CURRENT)) {
        actions_core/* info */.pq(`Removed a leftover AWSPENDING from the current version ${versionId}`);
        return;
    }
    actions_core/* warning */.$e(`The rotation of '${secret.name}' did not finish: removed AWSPENDING from version ` +
        `${versionId} so the next rotation is not blocked. AWSCURRENT is still ` +
        `${versionWith(secret.stages, CURRENT) ?? 'unset'}. If a step already applied the pending ` +
        'value (a database password, say), apply the AWSCURRENT value again; the pending value ' +
        'stays readable by its version id until AWS removes deprecated versions.');
}
function seconds(ms) {
    return `${(ms / 1000).toFixed(1)} s`;
}

// EXTERNAL MODULE: ./node_modules/@smithy/util-waiter/dist-cjs/index.js
var util_waiter_dist_cjs = __webpack_require__(5290);
;// CONCATENATED MODULE: ./src/rotation/waiter.ts


/** Delays between DescribeSecret polls: short first, backing off, never beyond the timeout. */
function pollDelays(timeoutSeconds) {
    const minDelay = Math.min(2, timeoutSeconds / 4);
    return { minDelay, maxDelay: Math.max(minDelay, Math.min(20, timeoutSeconds / 2)) };
}
/**
 * Polls DescribeSecret with the SDK's waiter (exponential backoff with jitter) until the new
 * version holds AWSCURRENT with no AWSPENDING on any other version. AWSPENDING may stay on the
 * new current version: AWS documents that as a finished rotation.
 */
async function waitForRotation(client, target, timeoutSeconds) {
    let last;
    let seen = false;
    const result = await (0,util_waiter_dist_cjs/* createWaiter */.$C)({ client, maxWaitTime: timeoutSeconds, ...pollDelays(timeoutSeconds) }, target, async (polled, { arn, versionId }) => {
        last = await describeStages(polled, arn);
        const present = last.stages[versionId] !== undefined;
        if (has(last.stages, versionId, CURRENT) && blockingPending(last.stages) === undefined) {
            return { state: util_waiter_dist_cjs/* WaiterState */.IX.SUCCESS };
        }
        if (seen && !present)
            return { state: util_waiter_dist_cjs/* WaiterState */.IX.FAILURE };
        seen ||= present;
        return { state: util_waiter_dist_cjs/* WaiterState */.IX.RETRY };
    });
    if (result.state === util_waiter_dist_cjs/* WaiterState */.IX.SUCCESS)
        return { state: 'done', secret: last };
    if (result.state === util_waiter_dist_cjs/* WaiterState */.IX.FAILURE)
        return { state: 'failed', secret: last };
    return { state: 'timeout', secret: last, seen };
}

;// CONCATENATED MODULE: ./src/rotation/lambda.ts







const LAMBDA_ARN = /^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:[A-Za-z0-9_-]{1,64}(:[\w$-]{1,128})?$/;
// rate(N hours|days) or cron(6 fields); AWS checks the details (e.g. at least 4 hours apart).
const SCHEDULE = /^(rate\(\d{1,4} (hour|hours|day|days)\)|cron\([^()]+\))$/;
/** Inputs that mean nothing to this strategy and have no default: refused, not ignored. */
const IN_WORKFLOW_ONLY = ['generator', 'fields', 'pending-version-id'];
function parseLambda(inputs, common) {
    inputs.forbid(IN_WORKFLOW_ONLY, 'is for rotation-strategy: in-workflow only');
    const lambdaArn = inputs.optional('rotation-lambda-arn');
    if (lambdaArn !== undefined && !LAMBDA_ARN.test(lambdaArn)) {
        throw new errors/* InputError */.d('rotation-lambda-arn', `'${lambdaArn}' is not a Lambda function ARN (arn:aws:lambda:<region>:<account>:function:<name>)`);
    }
    return {
        strategy: 'lambda',
        ...common,
        lambdaArn,
        rules: parseRules(inputs),
        rotateImmediately: inputs.bool('rotate-immediately', true),
        wait: inputs.bool('wait', true),
        waitTimeoutSeconds: inputs.int('wait-timeout-seconds', { min: 1, max: 3600 }, 300)
    };
}
function parseRules(inputs) {
    const schedule = inputs.optional('rotation-schedule');
    const days = inputs.optional('rotation-days');
    if (schedule !== undefined && days !== undefined) {
        throw new errors/* InputError */.d('rotation-schedule', 'give rotation-schedule or rotation-days, not both');
    }
    if (schedule !== undefined) {
        if (!SCHEDULE.test(schedule)) {
            throw new errors/* InputError */.d('rotation-schedule', `'${schedule}' is not a schedule expression such as rate(90 days) or cron(0 4 1 * ? *)`);
        }
        return { ScheduleExpression: schedule };
    }
    if (days !== undefined) {
        return { AutomaticallyAfterDays: inputs.int('rotation-days', { min: 1, max: 1000 }) };
    }
    return undefined;
}
/** RotateSecret, then watch the rotation function to the end. */
async function rotateWithLambda(config, client, env) {
    const started = Date.now();
    const before = await describeStages(client, config.secretId);
    const lambdaArn = config.lambdaArn ?? before.rotationLambdaArn;
    if (lambdaArn === undefined && before.owningService === undefined) {
        throw new errors/* ActionError */.l(`Secret '${before.name}' has no rotation function configured: give rotation-lambda-arn, ` +
            'or use rotation-strategy: in-workflow.');
    }
    const stagesBefore = copyStages(before.stages);
    const staleNote = await handleStalePending(client, before, { clear: config.clearStalePending });
    const previous = versionWith(before.stages, CURRENT);
    const versionId = await startRotation(client, before, config, lambdaArn, env);
    const finished = config.rotateImmediately && config.wait;
    const outcome = finished
        ? await waitForRotation(client, { arn: before.arn, versionId }, config.waitTimeoutSeconds)
        : undefined;
    if (outcome && outcome.state !== 'done') {
        throw new errors/* ActionError */.l(failureMessage(outcome, before.name, versionId, config, lambdaArn));
    }
    const after = outcome?.secret ?? (await describeStages(client, before.arn));
    const rotated = outcome !== undefined;
    const heading = rotated
        ? `Rotated '${before.name}' with its rotation function`
        : config.rotateImmediately
            ? `Started rotation of '${before.name}' (version ${versionId}), not waiting for it`
            : `Set the rotation of '${before.name}'; it rotates at its next scheduled time`;
    actions_core/* info */.pq(heading);
    return {
        outputs: {
            arn: before.arn,
            'version-id': versionWith(after.stages, CURRENT) ?? '',
            'previous-version-id': rotated ? (previous ?? '') : '',
            'pending-version-id': !rotated && config.rotateImmediately ? versionId : '',
            rotated: String(rotated)
        },
        summary: {
            heading,
            header: ['Version id', 'Stages before', 'Stages after'],
            rows: stageRows(stagesBefore, after.stages),
            notes: [
                ...(staleNote ? [staleNote] : []),
                `Rotation function: ${lambdaArn ?? `managed by ${before.owningService}`}. ` +
                    `New version: ${versionId}. Took ${lambda_seconds(Date.now() - started)}.`
            ]
        }
    };
}
async function startRotation(client, secret, config, lambdaArn, env) {
    const request = {
        SecretId: secret.arn,
        ClientRequestToken: (0,token/* deriveRequestToken */.S)(env, secret.arn, 'rotate-lambda'),
        RotationLambdaARN: lambdaArn,
        RotationRules: config.rules,
        RotateImmediately: config.rotateImmediately
    };
    try {
        const out = await client.send(new dist_cjs/* RotateSecretCommand */.xp(request));
        actions_core/* debug */.Yz(`RotateSecret '${secret.name}': version ${out.VersionId}`);
        return out.VersionId ?? request.ClientRequestToken;
    }
    catch (error) {
        const hint = (0,aws_errors/* isAccessDenied */.w7)(error)
            ? ` RotateSecret also needs lambda:InvokeFunction on ${lambdaArn ?? 'the rotation function'}.`
            : '';
        throw new errors/* ActionError */.l(`${(0,aws_errors/* describeAwsError */.Pp)(error, 'RotateSecret', secret.name)}${hint}`);
    }
}
function failureMessage(outcome, name, versionId, config, lambdaArn) {
    const stages = outcome.secret ? describeLabels(outcome.secret.stages) : 'unknown';
    const what = outcome.state === 'failed'
        ? `Rotation of '${name}' failed: version ${versionId} lost its AWSPENDING label without becoming AWSCURRENT.`
        : outcome.seen
            ? `Rotation of '${name}' did not finish within ${config.waitTimeoutSeconds} s: version ${versionId} is still pending.`
            : `Rotation of '${name}' did not start within ${config.waitTimeoutSeconds} s: the function never created version ${versionId}.`;
    const pending = outcome.state === 'timeout'
        ? ' The AWSPENDING label is left for the function (it may still be running, and Secrets Manager retries a failed rotation); a later run reports it as stale, and clear-stale-pending: true removes it.'
        : '';
    return `${what} Stages now: ${stages}. See the rotation function's CloudWatch logs (${logGroup(lambdaArn)}).${pending}`;
}
function logGroup(lambdaArn) {
    const parts = lambdaArn?.split(':');
    if (!parts || parts.length < 7)
        return 'log group /aws/lambda/<function name>';
    return `log group /aws/lambda/${parts[6]} in ${parts[3]}`;
}
function lambda_seconds(ms) {
    return `${(ms / 1000).toFixed(1)} s`;
}

;// CONCATENATED MODULE: ./src/modes/rotate.ts




const STRATEGIES = ['lambda', 'in-workflow'];
const rotateMode = {
    exportDefaults: { env: false, outputs: false },
    parse(inputs) {
        const secretId = (0,ids/* parseSecretId */.T3)(inputs, 'rotate');
        const strategy = inputs.oneOf('rotation-strategy', STRATEGIES, 'lambda');
        const common = { secretId, clearStalePending: inputs.bool('clear-stale-pending', false) };
        if (strategy === 'in-workflow')
            return parseInWorkflow(inputs, common);
        const phase = inputs.string('phase');
        if (phase !== '' && phase !== 'all') {
            throw new errors/* InputError */.d('phase', 'is for rotation-strategy: in-workflow');
        }
        return parseLambda(inputs, common);
    },
    secretArns: config => (config.secretId.startsWith('arn:') ? [config.secretId] : []),
    run(config, { client, env }) {
        return config.strategy === 'lambda'
            ? rotateWithLambda(config, client, env)
            : rotateInWorkflow(config, client, env);
    },
    post: cancelUnfinished
};


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


/***/ })

};
