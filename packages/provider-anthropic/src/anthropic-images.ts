import { SwitchyardError } from '@switchyard/core';
import { fetchUrlSafely, parseDataUrl } from '@switchyard/provider-kit';

/** How image and document URLs in messages are handled. */
export interface AnthropicMediaOptions {
  /**
   * `fetch` (the default) downloads http(s) URLs here and sends the bytes; `forward` sends the URL and lets
   * Anthropic download it.
   */
  urlMode: 'fetch' | 'forward';
  maxBytes: number;
  timeoutMs: number;
  allowPrivate: boolean;
  allowedHosts: readonly string[] | undefined;
}

export const defaultMediaOptions: AnthropicMediaOptions = {
  urlMode: 'fetch',
  maxBytes: 5 * 1024 * 1024,
  timeoutMs: 10_000,
  allowPrivate: false,
  allowedHosts: undefined,
};

export type AnthropicImageSource =
  | { type: 'base64'; media_type: string; data: string }
  | { type: 'url'; url: string };

const imageMediaTypes = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp']);

/** Recognises the four image formats Anthropic accepts by their first bytes. */
export function sniffImageMediaType(bytes: Buffer): string | undefined {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  const head = bytes.subarray(0, 6).toString('latin1');
  if (head === 'GIF87a' || head === 'GIF89a') return 'image/gif';
  if (bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  return undefined;
}

/** The same SwitchyardError naming the request field it is about; anything else unchanged. */
export function errorWithParam(error: unknown, param: string): unknown {
  if (!SwitchyardError.isInstance(error)) return error;
  return new SwitchyardError(error.kind, error.message, {
    ...(error.code === null ? {} : { code: error.code }),
    param,
    cause: error,
  });
}

function unsupported(mediaType: string, param: string): SwitchyardError {
  return new SwitchyardError(
    'bad_request',
    `Anthropic accepts JPEG, PNG, GIF and WebP images, not ${mediaType}.`,
    { param, code: 'unsupported_image_type' },
  );
}

async function fetchImage(url: string, options: AnthropicMediaOptions, param: string): Promise<AnthropicImageSource> {
  const fetched = await fetchUrlSafely(url, {
    maxBytes: options.maxBytes,
    timeoutMs: options.timeoutMs,
    allowPrivate: options.allowPrivate,
    allowedHosts: options.allowedHosts,
  });
  const declared = fetched.contentType?.split(';')[0]?.trim().toLowerCase();
  const mediaType = declared && imageMediaTypes.has(declared) ? declared : sniffImageMediaType(fetched.bytes);
  if (!mediaType) throw unsupported(declared || 'an unrecognised format', param);
  return { type: 'base64', media_type: mediaType, data: fetched.bytes.toString('base64') };
}

/** The `source` of an image block for an OpenAI `image_url` (a data: URL or an http(s) URL). */
export async function resolveImageSource(url: string, options: AnthropicMediaOptions, param: string): Promise<AnthropicImageSource> {
  try {
    if (/^data:/i.test(url)) {
      const { mediaType, base64 } = parseDataUrl(url);
      if (!imageMediaTypes.has(mediaType)) throw unsupported(mediaType, param);
      return { type: 'base64', media_type: mediaType, data: base64 };
    }
    if (!/^https?:\/\//i.test(url)) {
      throw new SwitchyardError('bad_request', 'An image URL must be a data: URL or an http(s) URL.', { param });
    }
    if (options.urlMode === 'forward') return { type: 'url', url };
    return await fetchImage(url, options, param);
  } catch (error) {
    throw errorWithParam(error, param);
  }
}
