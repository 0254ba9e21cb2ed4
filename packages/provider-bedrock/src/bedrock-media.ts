import { SwitchyardError } from '@switchyard/core';
import { fetchUrlSafely, parseDataUrl, type FetchedUrl } from '@switchyard/provider-kit';
import type { BedrockContentBlock, BedrockImageFormat } from './bedrock-api.js';

/** How http(s) image URLs are fetched: Bedrock takes image bytes only, so Switchyard downloads them. */
export interface ImageFetchPolicy {
  maxBytes: number;
  timeoutMs: number;
  allowPrivate: boolean;
  allowedHosts: readonly string[] | undefined;
}

/** Bedrock's own per-image limit is 3.75 MB. */
export const defaultImageFetchPolicy: ImageFetchPolicy = {
  maxBytes: 3_750_000,
  timeoutMs: 10_000,
  allowPrivate: false,
  allowedHosts: undefined,
};

export type UrlFetcher = (url: string, policy: ImageFetchPolicy, signal: AbortSignal | undefined) => Promise<FetchedUrl>;

export const safeUrlFetcher: UrlFetcher = (url, policy, signal) =>
  fetchUrlSafely(url, {
    maxBytes: policy.maxBytes,
    timeoutMs: policy.timeoutMs,
    allowPrivate: policy.allowPrivate,
    allowedHosts: policy.allowedHosts,
    signal,
  });

const imageFormats: Readonly<Record<string, BedrockImageFormat>> = {
  'image/png': 'png',
  'image/jpeg': 'jpeg',
  'image/jpg': 'jpeg',
  'image/gif': 'gif',
  'image/webp': 'webp',
};

const documentFormats: Readonly<Record<string, string>> = {
  'application/pdf': 'pdf',
  'text/csv': 'csv',
  'application/msword': 'doc',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.ms-excel': 'xls',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'text/html': 'html',
  'text/plain': 'txt',
  'text/markdown': 'md',
};

/** Recognises an image by its first bytes, which beat a server's content-type. */
export function sniffImageFormat(bytes: Uint8Array): BedrockImageFormat | undefined {
  const starts = (...prefix: number[]) => prefix.every((byte, index) => bytes[index] === byte);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png';
  if (starts(0xff, 0xd8, 0xff)) return 'jpeg';
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'gif';
  if (starts(0x52, 0x49, 0x46, 0x46) && bytes[8] === 0x57 && bytes[9] === 0x45 && bytes[10] === 0x42 && bytes[11] === 0x50) {
    return 'webp';
  }
  return undefined;
}

function unsupportedImage(mediaType: string, param: string): SwitchyardError {
  return new SwitchyardError('bad_request', `Bedrock accepts png, jpeg, gif and webp images, not ${mediaType || 'this content'}.`, {
    param,
  });
}

/** An image content part as a Converse image block: data URLs decoded, http(s) URLs fetched safely. */
export async function imageBlock(
  url: string,
  param: string,
  fetcher: UrlFetcher,
  policy: ImageFetchPolicy,
  signal: AbortSignal | undefined,
): Promise<BedrockContentBlock> {
  if (/^data:/i.test(url)) {
    const data = parseDataUrl(url);
    const format = imageFormats[data.mediaType];
    if (!format) throw unsupportedImage(data.mediaType, param);
    return { image: { format, source: { bytes: data.base64 } } };
  }
  if (!/^https?:\/\//i.test(url)) {
    throw new SwitchyardError('bad_request', 'An image URL must be a data: URL or an http(s) URL.', { param });
  }
  const fetched = await fetcher(url, policy, signal);
  const declared = fetched.contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  const format = sniffImageFormat(fetched.bytes) ?? imageFormats[declared];
  if (!format) throw unsupportedImage(declared, param);
  return { image: { format, source: { bytes: fetched.bytes.toString('base64') } } };
}

/** Bedrock document names allow letters, digits, single spaces, hyphens, parentheses and square brackets. */
function documentName(filename: string | undefined, index: number): string {
  const base = (filename ?? '').replace(/\.[^.]*$/, '').replace(/[^A-Za-z0-9 ()[\]-]/g, '-').replace(/\s+/g, ' ').trim();
  return base === '' ? `document-${index}` : base.slice(0, 200);
}

/** A `file` content part (a base64 data URL in `file_data`) as a Converse document block. */
export function documentBlock(
  file: { file_data?: string | undefined; file_id?: string | undefined; filename?: string | undefined },
  index: number,
  param: string,
): BedrockContentBlock {
  if (!file.file_data) {
    throw new SwitchyardError('bad_request', 'Bedrock needs the file bytes as file_data; file_id references are not supported.', {
      param,
    });
  }
  const data = parseDataUrl(file.file_data);
  const format = documentFormats[data.mediaType];
  if (!format) {
    throw new SwitchyardError('bad_request', `Bedrock does not accept ${data.mediaType} documents.`, { param });
  }
  return { document: { format, name: documentName(file.filename, index), source: { bytes: data.base64 } } };
}
