export const id = 665;
export const ids = [665];
export const modules = {

/***/ 8665:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AssumeRoleCommand: () => (/* reexport safe */ _aws_sdk_client_sts__WEBPACK_IMPORTED_MODULE_0__.QL),
/* harmony export */   AssumeRoleWithWebIdentityCommand: () => (/* reexport safe */ _aws_sdk_client_sts__WEBPACK_IMPORTED_MODULE_0__.WH),
/* harmony export */   createStsClient: () => (/* binding */ createStsClient),
/* harmony export */   stsSettings: () => (/* binding */ stsSettings)
/* harmony export */ });
/* harmony import */ var _aws_sdk_client_sts__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1695);
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5421);



/**
 * The Secrets Manager settings, re-pointed at STS: AWS_ENDPOINT_URL_STS first (it names STS
 * alone), then the endpoint-url input, then AWS_ENDPOINT_URL. Region, retries, timeout and the
 * proxy input are shared; NO_PROXY is checked against the STS host.
 */
function stsSettings(settings, env) {
    const given = settings.given ?? { endpoint: settings.endpoint, proxy: settings.proxy };
    const endpoint = env.AWS_ENDPOINT_URL_STS || given.endpoint || env.AWS_ENDPOINT_URL || undefined;
    const host = endpoint ? new URL(endpoint).hostname : `sts.${settings.region}.amazonaws.com`;
    return { ...settings, endpoint, proxy: (0,_http_js__WEBPACK_IMPORTED_MODULE_1__/* .proxyFor */ .iJ)(host, given.proxy, env) };
}
/**
 * The one place an STS client is built. Without credentials in the settings it signs with the
 * default chain (role chaining); AssumeRoleWithWebIdentity is unsigned anyway.
 */
function createStsClient(settings, env) {
    const sts = stsSettings(settings, env);
    return new _aws_sdk_client_sts__WEBPACK_IMPORTED_MODULE_0__/* .STSClient */ .iM({
        region: sts.region,
        endpoint: sts.endpoint,
        maxAttempts: sts.maxAttempts,
        retryMode: 'standard',
        credentials: sts.credentials,
        requestHandler: (0,_http_js__WEBPACK_IMPORTED_MODULE_1__/* .httpHandler */ .bu)(sts)
    });
}


/***/ })

};
