import { BoundedCache } from '../../reply/bounded-cache.js';
import { jsonReply, sseHeaders, type Reply } from '../../reply/reply-types.js';
import { answerKey, type MockAnswer } from '../../text/mock-answer.js';
import { geminiEvent } from './gemini-format.js';

const responseId = 'mock-response';
const chunkCache = new BoundedCache<string[]>();

function usageOf(answer: MockAnswer) {
  return {
    promptTokenCount: answer.promptTokens,
    candidatesTokenCount: answer.completionTokens,
    totalTokenCount: answer.promptTokens + answer.completionTokens,
    promptTokensDetails: [{ modality: 'TEXT', tokenCount: answer.promptTokens }],
  };
}

function finishReason(answer: MockAnswer): string {
  return answer.truncated ? 'MAX_TOKENS' : 'STOP';
}

/** Gemini sends a function call whole (with finishReason STOP), never in pieces. */
function partsOf(answer: MockAnswer, text: string): object[] {
  const call = answer.toolCall;
  return call === undefined ? [{ text }] : [{ functionCall: { name: call.name, args: call.input } }];
}

export function generatedContent(model: string, answer: MockAnswer): Reply {
  return jsonReply(200, {
    candidates: [{ content: { parts: partsOf(answer, answer.text), role: 'model' }, finishReason: finishReason(answer), index: 0 }],
    usageMetadata: usageOf(answer),
    modelVersion: model,
    responseId,
  });
}

/** One response per delta; the last carries finishReason and the usage. */
function chunks(model: string, answer: MockAnswer): string[] {
  const key = `${answerKey(answer)}|${answer.promptTokens}|${model}`;
  const pieces = answer.toolCall === undefined ? answer.pieces : [''];
  return chunkCache.get(key, () =>
    pieces.map((text, index) => {
      const last = index === pieces.length - 1;
      const candidate = { content: { parts: partsOf(answer, text), role: 'model' }, ...(last ? { finishReason: finishReason(answer) } : {}), index: 0 };
      return JSON.stringify({
        candidates: [candidate],
        ...(last ? { usageMetadata: usageOf(answer) } : {}),
        modelVersion: model,
        responseId,
      });
    }),
  );
}

/** With `alt=sse` an event stream; without it Gemini answers one JSON array of the same responses. */
export function generatedContentStream(model: string, answer: MockAnswer, sse: boolean): Reply {
  const responses = chunks(model, answer);
  if (!sse) return jsonReply(200, `[${responses.join(',\n')}]`);
  return { kind: 'stream', status: 200, headers: sseHeaders, frames: responses.map(geminiEvent) };
}
