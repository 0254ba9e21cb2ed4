import { readChunksFixture, readFixture, sseFromChunks } from '@switchyard/provider-kit/testing';

/** The package's recorded provider responses (see __fixtures__/ATTRIBUTION.md). */
export const fixtures = new URL('../__fixtures__/', import.meta.url);

/** A recorded JSON body, as text. */
export function jsonFixture(name: string): string {
  return readFixture(fixtures, name);
}

/** The payload lines of a recorded `.chunks.txt` stream. */
export function chunkLines(name: string): string[] {
  return readChunksFixture(fixtures, name);
}

/** A recorded stream framed the way OpenAI-compatible servers send it: `data: <json>` events, then `[DONE]`. */
export function openAIStreamBody(name: string): string {
  return sseFromChunks(chunkLines(name), { done: true });
}

/** The assistant text of a recorded stream, read straight from the fixture (the test's oracle). */
export function streamedContent(lines: readonly string[]): string {
  let text = '';
  for (const line of lines) {
    const chunk = JSON.parse(line) as { choices?: Array<{ delta?: { content?: unknown } }> };
    for (const choice of chunk.choices ?? []) {
      if (typeof choice.delta?.content === 'string') text += choice.delta.content;
    }
  }
  return text;
}

/** The assistant text of a recorded completion body. */
export function completionContent(body: string): string {
  return (JSON.parse(body) as { choices: Array<{ message: { content: string } }> }).choices[0]!.message.content;
}
