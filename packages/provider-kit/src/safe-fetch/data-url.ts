import { SwitchyardError } from '@switchyard/core';

export interface DataUrl {
  /** The media type without parameters, lower-cased, for example "image/png"; "text/plain" when the URL names none. */
  mediaType: string;
  /** The payload as base64 (percent-encoded payloads are re-encoded). */
  base64: string;
}

const base64Pattern = /^[A-Za-z0-9+/]*={0,2}$/;
const mediaTypePattern = /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/;

/** Parses a `data:` URL (RFC 2397). Throws bad_request when the text is not a well-formed data URL. */
export function parseDataUrl(url: string): DataUrl {
  if (!/^data:/i.test(url)) throw new SwitchyardError('bad_request', 'Expected a data: URL.');
  const comma = url.indexOf(',');
  if (comma === -1) throw new SwitchyardError('bad_request', 'The data: URL has no "," before its payload.');
  const parameters = url.slice(5, comma).split(';').map((part) => part.trim());
  const isBase64 = parameters.length > 1 && parameters[parameters.length - 1]?.toLowerCase() === 'base64';
  const declaredType = (parameters[0] ?? '').toLowerCase();
  if (declaredType !== '' && !mediaTypePattern.test(declaredType)) {
    throw new SwitchyardError('bad_request', 'The data: URL has a malformed media type.');
  }
  const payload = url.slice(comma + 1);
  return { mediaType: declaredType === '' ? 'text/plain' : declaredType, base64: payloadToBase64(payload, isBase64) };
}

function payloadToBase64(payload: string, isBase64: boolean): string {
  if (isBase64) {
    const compact = payload.replace(/\s+/g, '');
    if (compact.length % 4 === 1 || !base64Pattern.test(compact)) {
      throw new SwitchyardError('bad_request', 'The data: URL payload is not valid base64.');
    }
    return compact;
  }
  return percentDecode(payload).toString('base64');
}

const escapePattern = /^%[0-9A-Fa-f]{2}$/;

/** Percent-decodes to bytes (a lone "%" stays literal, as browsers do). */
function percentDecode(text: string): Buffer {
  const pieces = text.split(/(%[0-9A-Fa-f]{2})/);
  return Buffer.concat(
    pieces.map((piece) => (escapePattern.test(piece) ? Buffer.from([parseInt(piece.slice(1), 16)]) : Buffer.from(piece, 'utf8'))),
  );
}
