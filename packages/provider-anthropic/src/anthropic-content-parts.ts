import { SwitchyardError, type UserContentPart } from '@switchyard/core';
import { parseDataUrl } from '@switchyard/provider-kit';
import type { AnthropicRequestBlock } from './anthropic-api.js';
import { errorWithParam, resolveImageSource, type AnthropicMediaOptions } from './anthropic-images.js';

/** State shared while one request's messages are converted. */
export interface ConversionContext {
  media: AnthropicMediaOptions;
  /** Image downloads started during conversion; each fills in its block's `source`. */
  pending: Array<Promise<void>>;
  betas: Set<string>;
}

/** The `cache_control` a message or content part carries (LiteLLM's convention), if it is an object. */
export function cacheControlOf(value: unknown): Record<string, unknown> | undefined {
  const cacheControl = (value as { cache_control?: unknown } | null | undefined)?.cache_control;
  return typeof cacheControl === 'object' && cacheControl !== null && !Array.isArray(cacheControl)
    ? (cacheControl as Record<string, unknown>)
    : undefined;
}

export function withCacheControl(block: AnthropicRequestBlock, source: unknown): AnthropicRequestBlock {
  const cacheControl = cacheControlOf(source);
  return cacheControl ? { ...block, cache_control: cacheControl } : block;
}

/** A text block, or undefined for empty text (the API refuses empty text blocks). */
export function textBlock(text: string, source?: unknown): AnthropicRequestBlock | undefined {
  return text === '' ? undefined : withCacheControl({ type: 'text', text }, source);
}

function imageBlock(url: string, part: unknown, param: string, context: ConversionContext): AnthropicRequestBlock {
  const block = withCacheControl({ type: 'image', source: undefined }, part);
  const task = resolveImageSource(url, context.media, param).then((source) => {
    block.source = source;
  });
  // Awaited with the others once every message is converted; until then a failure must not go unhandled.
  task.catch(() => undefined);
  context.pending.push(task);
  return block;
}

function parseFileData(fileData: string, param: string) {
  try {
    return parseDataUrl(fileData.startsWith('data:') ? fileData : `data:application/pdf;base64,${fileData}`);
  } catch (error) {
    throw errorWithParam(error, param);
  }
}

function fileBlock(part: Extract<UserContentPart, { type: 'file' }>, param: string, context: ConversionContext) {
  const { file_data: fileData, file_id: fileId, filename } = part.file;
  const title = filename ? { title: filename } : {};
  if (fileData) {
    const { mediaType, base64 } = parseFileData(fileData, param);
    if (mediaType.startsWith('image/')) return imageBlock(`data:${mediaType};base64,${base64}`, part, param, context);
    if (mediaType === 'application/pdf') {
      return withCacheControl({ type: 'document', source: { type: 'base64', media_type: mediaType, data: base64 }, ...title }, part);
    }
    if (mediaType === 'text/plain') {
      const data = Buffer.from(base64, 'base64').toString('utf8');
      return withCacheControl({ type: 'document', source: { type: 'text', media_type: mediaType, data }, ...title }, part);
    }
    throw new SwitchyardError('bad_request', `Anthropic accepts PDF and plain-text documents, not ${mediaType}.`, { param });
  }
  if (fileId) {
    context.betas.add('files-api-2025-04-14');
    return withCacheControl({ type: 'document', source: { type: 'file', file_id: fileId }, ...title }, part);
  }
  throw new SwitchyardError('bad_request', 'A file content part needs file_data or file_id.', { param });
}

/** Converts one part of a user message; undefined for a part that carries nothing (empty text). */
export function convertUserPart(part: UserContentPart, param: string, context: ConversionContext): AnthropicRequestBlock | undefined {
  switch (part.type) {
    case 'text':
      return textBlock(part.text, part);
    case 'image_url':
      return imageBlock(part.image_url.url, part, `${param}.image_url.url`, context);
    case 'file':
      return fileBlock(part, `${param}.file`, context);
    case 'input_audio':
      throw new SwitchyardError('bad_request', 'Anthropic models do not accept audio input.', { param });
  }
}
