// Types of scripts/release-notes.mjs.
export declare function releaseNotes(changelog: string, tag: string): string | undefined
