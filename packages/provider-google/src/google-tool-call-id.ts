import { randomBytes } from 'node:crypto';

/**
 * Gemini 3 rejects a conversation whose function calls come back without their thoughtSignature. OpenAI clients
 * round-trip tool call ids faithfully (a tool message must quote one), so the signature travels inside the id,
 * after this separator (the convention LiteLLM uses, so histories move between the two).
 */
const signatureSeparator = '__thought__';

/** Builds the OpenAI tool call id for a Gemini function call. */
export function encodeToolCallId(callId: string | undefined, thoughtSignature: string | undefined): string {
  const id = callId && !callId.includes(signatureSeparator) ? callId : `call_${randomBytes(12).toString('hex')}`;
  return thoughtSignature ? `${id}${signatureSeparator}${thoughtSignature}` : id;
}

/** Splits a tool call id into the caller-visible id and the thought signature it carries, if any. */
export function decodeToolCallId(id: string): { id: string; thoughtSignature: string | undefined } {
  const at = id.indexOf(signatureSeparator);
  if (at === -1) return { id, thoughtSignature: undefined };
  const thoughtSignature = id.slice(at + signatureSeparator.length);
  return { id: id.slice(0, at), thoughtSignature: thoughtSignature === '' ? undefined : thoughtSignature };
}
