import type { ChatCompletionChunk } from '../chat/chat-completion-chunk.js';
import type { Usage } from '../chat/usage.js';
import type { ChatStreamPart } from './chat-result.js';

class JsonStreamPart implements ChatStreamPart {
  #chunk: ChatCompletionChunk | undefined;
  constructor(readonly json: string) {}

  get chunk(): ChatCompletionChunk {
    this.#chunk ??= JSON.parse(this.json) as ChatCompletionChunk;
    return this.#chunk;
  }

  get usage(): Usage | undefined {
    // Most chunks carry no usage; skip the parse for them. OpenAI ends every chunk with `"usage":null}` once usage
    // was asked for: a text ending so has a null top-level usage, told without scanning it.
    if (this.json.endsWith('"usage":null}')) return undefined;
    if (!this.json.includes('"usage":{') && !this.json.includes('"usage": {')) return undefined;
    return this.chunk.usage ?? undefined;
  }
}

class ObjectStreamPart implements ChatStreamPart {
  #json: string | undefined;
  constructor(readonly chunk: ChatCompletionChunk) {}

  get json(): string {
    this.#json ??= JSON.stringify(this.chunk);
    return this.#json;
  }

  get usage(): Usage | undefined {
    return this.chunk.usage ?? undefined;
  }
}

/** A stream part from the upstream's own JSON text (pass-through: parsed only if read). */
export function streamPartFromJson(json: string): ChatStreamPart {
  return new JsonStreamPart(json);
}

/** A stream part from a chunk a provider built (translation: serialised only if read). */
export function streamPartFromChunk(chunk: ChatCompletionChunk): ChatStreamPart {
  return new ObjectStreamPart(chunk);
}
