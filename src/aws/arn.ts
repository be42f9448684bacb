/** Secrets Manager ARNs, parsed where both the aws layer and the secrets domain can use them. */

/** What AWS accepts in a secret name: its own names may hold '!' (`rds!cluster-...`). */
export const SECRET_NAME_CHARS = 'A-Za-z0-9/_+=.@!-'

// A well-formed secret ARN in any partition, complete or partial (without the random suffix).
const SECRET_ARN = new RegExp(
  `^arn:(aws[a-z-]*):secretsmanager:([a-z0-9-]+):([0-9]{12}):secret:([${SECRET_NAME_CHARS}]+)$`
)

export function isSecretArn(id: string): boolean {
  return SECRET_ARN.test(id)
}

export function regionFromArn(arn: string): string | undefined {
  return SECRET_ARN.exec(arn)?.[2]
}

/**
 * The secret name in an ARN, without the '-' and 6 random characters AWS appends. A partial ARN
 * whose name itself ends in '-' and 6 letters or digits is ambiguous: prefer GetSecretValue's
 * Name, which is what the official action uses.
 */
export function secretNameFromArn(arn: string): string {
  const name = SECRET_ARN.exec(arn)?.[4]
  if (name === undefined) throw new Error(`'${arn}' is not a Secrets Manager secret ARN`)
  return name.replace(/-[A-Za-z0-9]{6}$/, '')
}

/** The partition of any ARN (`aws`, `aws-cn`, `aws-us-gov`), `aws` when it names none. */
export function partitionOfArn(arn: string): string {
  return /^arn:(aws[a-z-]*):/.exec(arn)?.[1] ?? 'aws'
}
