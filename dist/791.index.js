export const id = 791;
export const ids = [791];
export const modules = {

/***/ 9791:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* reexport */ runPost)
});

// EXTERNAL MODULE: ./src/actions-core.ts
var actions_core = __webpack_require__(1938);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/aws/client.ts + 1 modules
var client = __webpack_require__(4212);
// EXTERNAL MODULE: ./src/aws/credentials.ts + 2 modules
var credentials = __webpack_require__(7562);
// EXTERNAL MODULE: ./src/inputs/common.ts
var common = __webpack_require__(832);
// EXTERNAL MODULE: ./src/inputs/reader.ts
var reader = __webpack_require__(9066);
// EXTERNAL MODULE: ./src/main.ts
var main = __webpack_require__(1730);
// EXTERNAL MODULE: ./src/modes/index.ts
var modes = __webpack_require__(6544);
// EXTERNAL MODULE: ./src/output/emit.ts + 1 modules
var emit = __webpack_require__(7861);
;// CONCATENATED MODULE: ./src/cleanup.ts









/**
 * The post step: runs at the end of the job, also when it failed. Removes the files the main
 * step wrote, blanks the env vars it exported, then runs the mode's own post hook.
 */
async function runPost(read = reader/* readActionInput */.L, env = process.env) {
    try {
        removeFiles(stateList(emit/* STATE_FILES */.mF));
        blankEnv(stateList(emit/* STATE_ENV */.KH));
        const mode = actions_core/* getState */.Gu(main.STATE_MODE);
        const load = Object.hasOwn(modes/* handlers */.Y, mode) ? modes/* handlers */.Y[mode] : undefined;
        const hook = load && (await load()).post;
        if (hook) {
            await hook({ client: () => postClient(read, env), state: name => actions_core/* getState */.Gu(name), env });
        }
    }
    catch (error) {
        // A failed clean-up must be seen, but must not fail a job whose work is done.
        actions_core/* warning */.$e(`Post step: ${(0,main.failureMessage)(error)}`);
    }
}
function stateList(name) {
    const text = actions_core/* getState */.Gu(name);
    if (!text)
        return [];
    const parsed = JSON.parse(text);
    return Array.isArray(parsed) ? parsed.map(String) : [];
}
function removeFiles(files) {
    for (const file of files)
        external_node_fs_.rmSync(file, { force: true });
    if (files.length > 0)
        actions_core/* info */.pq(`Removed ${files.length} secret file(s)`);
}
/** Env vars cannot be unset through GITHUB_ENV; an empty value is the closest. */
function blankEnv(names) {
    for (const name of names)
        actions_core/* exportVariable */.dN(name, '');
    if (names.length > 0)
        actions_core/* info */.pq(`Blanked ${names.length} exported env var(s)`);
}
async function postClient(read, env) {
    const aws = (0,common/* parseAwsConfig */.$Q)(new reader/* Inputs */.G(read));
    // The main step resolved the region, possibly from a secret ARN the post step cannot see.
    const region = aws.region ?? (actions_core/* getState */.Gu(main.STATE_REGION) || undefined);
    const settings = (0,client/* clientSettings */.ry)({ ...aws, region }, [], env);
    settings.credentials = await (0,credentials/* resolveCredentials */.z8)(aws.role, settings, env);
    return (0,client/* createSecretsManagerClient */.mb)(settings);
}

;// CONCATENATED MODULE: ./src/post.ts
// The post step, as @github/local-action and the typescript-action template expect: `run()`.



/***/ })

};
