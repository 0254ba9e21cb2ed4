const SECRET = /(key|secret|password|credential|token)/i;
/** Names that look like secrets but are prices or token counts (max_tokens, input_cost_per_token, ...). */
const NOT_SECRET = /(cost|^max_|_tokens$)/i;

/**
 * Whether a litellm_params entry is a secret (api_key, aws_secret_access_key, vertex_credentials, azure_ad_token,
 * ...): write-only, encrypted at rest, never answered. When in doubt a name counts as secret.
 */
export function isSecretParam(name: string): boolean {
  return SECRET.test(name) && !NOT_SECRET.test(name);
}

/** litellm_params without secrets, plus the names of the secrets that are set. */
export function publicParams(params: Readonly<Record<string, unknown>>): { params: Record<string, unknown>; secretNames: string[] } {
  const visible: Record<string, unknown> = {};
  const secretNames: string[] = [];
  for (const [name, value] of Object.entries(params)) {
    if (isSecretParam(name)) {
      if (value !== undefined && value !== null && value !== '') secretNames.push(name);
    } else visible[name] = value;
  }
  return { params: visible, secretNames: secretNames.sort() };
}
