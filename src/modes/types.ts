import type { ClientSettings, SecretsManagerClients } from '../aws/client.js'
import type { Inputs } from '../inputs/reader.js'
import type { Emission } from '../output/emission.js'

export interface ModeContext {
  /** A client per region, built when first asked for: `forSecret(id)` reads an ARN in its region. */
  clients: SecretsManagerClients
  /** How the clients are built, for modes that need another AWS client of their own kind. */
  settings: ClientSettings
  env: NodeJS.ProcessEnv
}

/** One mode: its inputs, parsed once at the edge, and its handler. */
export interface ModeHandler<Config> {
  /** Defaults of export-env and export-outputs for this mode. */
  exportDefaults: { env: boolean; outputs: boolean }
  /** Whether the mode writes files into output-dir; output-dir is refused for the others. */
  writesOutputDir?: true
  /** Throws InputError for any bad input, before any AWS call. */
  parse(inputs: Inputs): Config
  /** Secret ARNs named in the config: each is read in its own region; the first sets the home. */
  secretArns(config: Config): string[]
  /**
   * What run will emit, values aside (''): checked against emit's rules in main before any AWS
   * call, so a refused name never fails a step after it wrote. For modes that write.
   */
  plannedTargets?(config: Config): Emission
  /**
   * What run would emit for a made-up answer, shaped by run's own code: main plans it, writing
   * and registering nothing, while the first request is out, so that the real answer meets
   * compiled code (see rehearse in output/emit.ts).
   */
  rehearsal?(config: Config): Promise<Emission>
  run(config: Config, context: ModeContext): Promise<Emission>
}
