export const id = 828;
export const ids = [828];
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
