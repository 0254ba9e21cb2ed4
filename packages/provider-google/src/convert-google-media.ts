import { SwitchyardError } from '@switchyard/core';
import { fetchUrlSafely, parseDataUrl, type UrlAccessPolicy } from '@switchyard/provider-kit';
import type { GooglePart } from './google-api.js';

/** How http(s) media URLs in messages are fetched before they are sent inline to Gemini. */
export interface GoogleMediaPolicy extends UrlAccessPolicy {
  /** The largest file accepted, in bytes (Gemini takes about 20 MB of inline data per request). */
  maxBytes: number;
  timeoutMs: number;
}

export const defaultMediaPolicy: GoogleMediaPolicy = { maxBytes: 20 * 1024 * 1024, timeoutMs: 10_000 };

export interface MediaContext {
  policy: GoogleMediaPolicy;
  signal: AbortSignal | undefined;
}

const mimeTypesByExtension: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  gif: 'image/gif',
  heic: 'image/heic',
  heif: 'image/heif',
  pdf: 'application/pdf',
  txt: 'text/plain',
  mp3: 'audio/mp3',
  wav: 'audio/wav',
  flac: 'audio/flac',
  ogg: 'audio/ogg',
  mp4: 'video/mp4',
  mov: 'video/mov',
  webm: 'video/webm',
};

/** Guesses a media type from a URL's file extension. */
export function mimeTypeFromPath(url: string): string | undefined {
  const path = url.split(/[?#]/)[0] ?? '';
  const extension = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  return extension === undefined ? undefined : mimeTypesByExtension[extension];
}

function withParam(error: unknown, param: string): unknown {
  if (!SwitchyardError.isInstance(error) || error.kind !== 'bad_request') return error;
  return new SwitchyardError('bad_request', `${param}: ${error.message}`, { param, code: error.code, cause: error });
}

function isGeminiFileUri(url: URL): boolean {
  return url.hostname === 'generativelanguage.googleapis.com' && url.pathname.includes('/files/');
}

function fileData(fileUri: string, required: boolean): GooglePart {
  const mimeType = mimeTypeFromPath(fileUri);
  if (mimeType === undefined && required) {
    throw new SwitchyardError('bad_request', `cannot tell the media type of ${fileUri}; give the file a known extension`);
  }
  return { fileData: mimeType === undefined ? { fileUri } : { mimeType, fileUri } };
}

async function fetchInline(url: URL, context: MediaContext): Promise<GooglePart> {
  const fetched = await fetchUrlSafely(url, { ...context.policy, signal: context.signal });
  const declared = fetched.contentType?.split(';')[0]?.trim().toLowerCase();
  const mimeType = declared && declared !== 'application/octet-stream' ? declared : mimeTypeFromPath(url.pathname);
  if (!mimeType) throw new SwitchyardError('bad_request', `the content at ${url.hostname} has no recognisable media type`);
  return { inlineData: { mimeType, data: fetched.bytes.toString('base64') } };
}

/**
 * Converts a media URL from a message into a Gemini part: a data: URL becomes inlineData, gs:// and Gemini File
 * API URIs become fileData, and any other http(s) URL is fetched (size and time capped, non-public addresses
 * refused unless the policy allows them) and sent inline.
 */
export async function convertMediaUrl(url: string, param: string, context: MediaContext): Promise<GooglePart> {
  try {
    if (/^data:/i.test(url)) {
      const parsed = parseDataUrl(url);
      return { inlineData: { mimeType: parsed.mediaType, data: parsed.base64 } };
    }
    if (/^gs:\/\//i.test(url)) return fileData(url, true);
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new SwitchyardError('bad_request', 'the URL is not valid');
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      throw new SwitchyardError('bad_request', `URLs with the scheme ${parsed.protocol} are not supported`);
    }
    if (isGeminiFileUri(parsed)) return fileData(url, false);
    return await fetchInline(parsed, context);
  } catch (error) {
    throw withParam(error, param);
  }
}

/** Converts an OpenAI `input_audio` part ({data, format}) into inlineData. */
export function convertInputAudio(data: string, format: string): GooglePart {
  return { inlineData: { mimeType: `audio/${format.toLowerCase()}`, data } };
}
