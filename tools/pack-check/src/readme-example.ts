/**
 * The first TypeScript code block of a README (```ts … ```), which for a provider package is its in-process
 * example; undefined when there is none.
 */
export function firstTsBlock(readme: string): string | undefined {
  const match = /^```ts\r?\n([\s\S]*?)^```/m.exec(readme);
  return match?.[1];
}
