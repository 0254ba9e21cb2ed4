import { describe, expect, it } from 'vitest';
import { caughtError } from '../testing/caught-error.js';
import { parseDataUrl } from './data-url.js';

const pngBase64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

describe('parseDataUrl', () => {
  it('returns the media type and base64 payload of a base64 data URL', () => {
    expect(parseDataUrl(`data:image/png;base64,${pngBase64}`)).toEqual({ mediaType: 'image/png', base64: pngBase64 });
  });

  it('lower-cases the media type and drops its parameters', () => {
    expect(parseDataUrl('data:Image/JPEG;name=a.jpg;base64,AAAA').mediaType).toBe('image/jpeg');
  });

  it('re-encodes a percent-encoded payload as base64, byte for byte', () => {
    const parsed = parseDataUrl('data:text/plain,hello%20w%C3%B6rld%FF');
    expect(Buffer.from(parsed.base64, 'base64')).toEqual(Buffer.concat([Buffer.from('hello wörld'), Buffer.from([0xff])]));
  });

  it('defaults the media type to text/plain', () => {
    expect(parseDataUrl('data:,abc')).toEqual({ mediaType: 'text/plain', base64: Buffer.from('abc').toString('base64') });
  });

  it('ignores whitespace inside a base64 payload', () => {
    expect(parseDataUrl('data:image/gif;base64,R0lG\nODlh').base64).toBe('R0lGODlh');
  });

  it.each([
    ['https://example.com/a.png', 'Expected a data: URL.'],
    ['data:image/png;base64', 'The data: URL has no "," before its payload.'],
    ['data:image/png;base64,@@@@', 'The data: URL payload is not valid base64.'],
    ['data:image/png;base64,AAAAA', 'The data: URL payload is not valid base64.'],
    ['data:not a type;base64,AAAA', 'The data: URL has a malformed media type.'],
  ])('rejects %s with bad_request', (url, message) => {
    const error = caughtError(() => parseDataUrl(url));
    expect(error.kind).toBe('bad_request');
    expect(error.message).toBe(message);
  });
});
