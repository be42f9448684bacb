// A well-formed secret ARN in any partition, complete or partial (without the random suffix).
export const SECRET_ARN =
  /^arn:(aws[a-z-]*):secretsmanager:([a-z0-9-]+):([0-9]{12}):secret:([A-Za-z0-9/_+=.@-]+)$/

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

export function regionFromArn(arn: string): string | undefined {
  return SECRET_ARN.exec(arn)?.[2]
}
