/** Response headers as undici and node:http give them: lower-case names, repeated headers as arrays. */
export type ResponseHeaders = Readonly<Record<string, string | string[] | undefined>>;

/** The value of a response header, the first one when it was repeated. */
export function headerValue(headers: ResponseHeaders | undefined, name: string): string | undefined {
  const value = headers?.[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The headers whose (lower-case) name `keep` accepts: the rate-limit state and request ids a caller may care about. */
export function pickHeaders(headers: ResponseHeaders, keep: RegExp | ((name: string) => boolean)): Record<string, string | string[] | undefined> {
  const accepts = typeof keep === 'function' ? keep : (name: string) => keep.test(name);
  const picked: Record<string, string | string[] | undefined> = {};
  for (const [name, value] of Object.entries(headers)) if (accepts(name)) picked[name] = value;
  return picked;
}
