// Types of scripts/bootstrap.mjs (plain JavaScript: it runs before node_modules exists).
export declare const MOTO_REQUIREMENT: string
export declare function needsInstall(times: {
  installedAt: number | undefined
  lockChangedAt: number
}): boolean
export declare function venvMotoServer(root: string, platform?: NodeJS.Platform): string
export declare function onPath(
  bin: string,
  env?: NodeJS.ProcessEnv,
  platform?: NodeJS.Platform,
  exists?: (file: string) => boolean
): string | undefined
export declare function findMotoServer(
  root?: string,
  env?: NodeJS.ProcessEnv,
  platform?: NodeJS.Platform
): string | undefined
export type MotoPlan =
  | { action: 'found'; motoServer: string }
  | { action: 'install'; python: string }
  | { action: 'missing' }
export declare function motoPlan(found: {
  motoServer: string | undefined
  python: string | undefined
}): MotoPlan
export declare function missingMotoMessage(): string
