import { SwitchyardError, type ChatMessage, type UserContentPart } from '@switchyard/core';
import { convertAssistantParts } from './convert-google-assistant-parts.js';
import { convertInputAudio, convertMediaUrl, type MediaContext } from './convert-google-media.js';
import type { GoogleContent, GoogleGenerateContentRequest, GooglePart } from './google-api.js';
import { decodeToolCallId } from './google-tool-call-id.js';

export interface ConvertContentsOptions extends MediaContext {
  /** Gemini 3 needs thought signatures on the function calls in the history. */
  requireCallSignatures: boolean;
}

export type GooglePrompt = Pick<GoogleGenerateContentRequest, 'contents' | 'systemInstruction'>;

type TextContent = string | ReadonlyArray<{ type: 'text'; text: string }>;

function joinText(content: TextContent): string {
  return typeof content === 'string' ? content : content.map((part) => part.text).join('');
}

async function userPart(part: UserContentPart, param: string, options: ConvertContentsOptions): Promise<GooglePart | undefined> {
  switch (part.type) {
    case 'text':
      return part.text === '' ? undefined : { text: part.text };
    case 'image_url':
      return convertMediaUrl(part.image_url.url, `${param}.image_url.url`, options);
    case 'input_audio':
      return convertInputAudio(part.input_audio.data, part.input_audio.format);
    case 'file': {
      const { file_data: data, file_id: id } = part.file;
      if (data) return convertMediaUrl(data, `${param}.file.file_data`, options);
      if (id && /^(gs|https):\/\//i.test(id)) return convertMediaUrl(id, `${param}.file.file_id`, options);
      throw new SwitchyardError('bad_request', `${param}.file needs file_data or a gs:// or https file_id for Gemini`, { param: `${param}.file` });
    }
  }
}

async function userParts(content: string | UserContentPart[], param: string, options: ConvertContentsOptions): Promise<GooglePart[]> {
  if (typeof content === 'string') return content === '' ? [] : [{ text: content }];
  const parts = await Promise.all(content.map((part, index) => userPart(part, `${param}.content[${index}]`, options)));
  return parts.filter((part): part is GooglePart => part !== undefined);
}

/** Gemini's functionResponse.response must be an object: a JSON object result is sent as is, anything else wrapped. */
function functionResponse(name: string, text: string): GooglePart {
  let response: Record<string, unknown> = { content: text };
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) response = parsed as Record<string, unknown>;
  } catch {
    // not JSON: keep the text as content
  }
  return { functionResponse: { name, response } };
}

class ContentsBuilder {
  readonly contents: GoogleContent[] = [];
  readonly system: string[] = [];
  readonly #toolNames = new Map<string, string>();

  add(role: GoogleContent['role'], parts: GooglePart[]): void {
    if (parts.length === 0) return;
    const last = this.contents[this.contents.length - 1];
    // Gemini wants user and model turns to alternate: consecutive turns of one role become one turn.
    if (last && last.role === role) last.parts.push(...parts);
    else this.contents.push({ role, parts });
  }

  rememberToolCalls(calls: ReadonlyArray<{ id: string; function: { name: string } }>): void {
    for (const call of calls) {
      this.#toolNames.set(call.id, call.function.name);
      this.#toolNames.set(decodeToolCallId(call.id).id, call.function.name);
    }
  }

  toolName(toolCallId: string, param: string): string {
    const name = this.#toolNames.get(toolCallId) ?? this.#toolNames.get(decodeToolCallId(toolCallId).id);
    if (name === undefined) {
      throw new SwitchyardError('bad_request', `${param} does not match the id of a tool call in an earlier assistant message`, { param });
    }
    return name;
  }
}

async function addMessage(builder: ContentsBuilder, message: ChatMessage, index: number, options: ConvertContentsOptions): Promise<void> {
  const param = `messages[${index}]`;
  switch (message.role) {
    case 'system':
    case 'developer':
      builder.system.push(joinText(message.content));
      return;
    case 'user':
      builder.add('user', await userParts(message.content, param, options));
      return;
    case 'assistant':
      builder.add('model', convertAssistantParts(message, { param, requireCallSignatures: options.requireCallSignatures }));
      builder.rememberToolCalls(message.tool_calls ?? []);
      return;
    case 'tool':
      builder.add('user', [functionResponse(builder.toolName(message.tool_call_id, `${param}.tool_call_id`), joinText(message.content))]);
      return;
    case 'function':
      builder.add('user', [functionResponse(message.name, message.content ?? '')]);
      return;
  }
}

/**
 * Converts OpenAI messages into Gemini contents: system and developer messages (wherever they stand) become the
 * systemInstruction, assistant turns become `model` turns, tool results become functionResponse parts named
 * after the earlier tool call they answer, and consecutive turns of one role are merged. A conversation of
 * system messages only is sent as one user turn, since Gemini needs at least one content.
 */
export async function convertToGoogleContents(messages: readonly ChatMessage[], options: ConvertContentsOptions): Promise<GooglePrompt> {
  const builder = new ContentsBuilder();
  for (const [index, message] of messages.entries()) await addMessage(builder, message, index, options);
  const systemParts = builder.system.filter((text) => text !== '').map((text) => ({ text }));
  if (builder.contents.length === 0) {
    if (systemParts.length === 0) throw new SwitchyardError('bad_request', 'messages must contain some non-empty content', { param: 'messages' });
    return { contents: [{ role: 'user', parts: systemParts }] };
  }
  return systemParts.length === 0 ? { contents: builder.contents } : { contents: builder.contents, systemInstruction: { parts: systemParts } };
}
