// The SDK's default chain by its file, a path src/tsconfig.json's `paths` does not route to
// ./credential-chain.ts. Its types are the package's own.
declare module '@aws-sdk/credential-provider-node/dist-cjs/index.js' {
  export * from '@aws-sdk/credential-provider-node/dist-types/index.js'
}
