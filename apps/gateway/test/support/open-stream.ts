/** A streaming chat request whose first chunk has arrived; `rest()` reads the others and returns the whole text. */
export interface OpenStream {
  status: number;
  rest(): Promise<string>;
}

export async function openChatStream(url: string, model: string): Promise<OpenStream> {
  const response = await fetch(`${url}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model, stream: true, messages: [{ role: 'user', content: 'hi' }] }),
  });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = decoder.decode((await reader.read()).value, { stream: true });
  return {
    status: response.status,
    async rest() {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return text;
        text += decoder.decode(value, { stream: true });
      }
    },
  };
}

/** The `data:` events of an SSE text. */
export function sseEvents(text: string): string[] {
  return text.split('\n\n').filter((event) => event.startsWith('data: '));
}
