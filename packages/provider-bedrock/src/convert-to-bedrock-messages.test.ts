import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SwitchyardError, type ChatMessage } from '@switchyard/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultImageFetchPolicy, safeUrlFetcher, sniffImageFormat, type ImageFetchPolicy } from './bedrock-media.js';
import { convertToBedrockMessages } from './convert-to-bedrock-messages.js';

// A 1x1 PNG and a GIF header, served from a real loopback server.
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
let server: Server;
let origin: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/cat.png') res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(png);
    else if (req.url === '/big.png') res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.concat([png, Buffer.alloc(4096)]));
    else res.writeHead(200, { 'content-type': 'text/html' }).end('<html></html>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function convert(messages: ChatMessage[], policy: Partial<ImageFetchPolicy> = {}) {
  return convertToBedrockMessages(messages, { fetcher: safeUrlFetcher, imagePolicy: { ...defaultImageFetchPolicy, ...policy } });
}

function imageMessage(url: string): ChatMessage {
  return { role: 'user', content: [{ type: 'image_url', image_url: { url } }] };
}

async function failure(promise: Promise<unknown>): Promise<SwitchyardError> {
  const error = await promise.then(() => undefined, (thrown: unknown) => thrown);
  expect(SwitchyardError.isInstance(error)).toBe(true);
  return error as SwitchyardError;
}

describe('images from http(s) URLs', () => {
  it('fetches the image and recognises its format from the bytes when the server says octet-stream', async () => {
    const converted = await convert([imageMessage(`${origin}/cat.png`)], { allowPrivate: true });
    expect(converted.messages).toEqual([{ role: 'user', content: [{ image: { format: 'png', source: { bytes: png.toString('base64') } } }] }]);
  });

  it('refuses loopback and private addresses unless allowed', async () => {
    const error = await failure(convert([imageMessage(`${origin}/cat.png`)]));
    expect(error.kind).toBe('bad_request');
  });

  it('refuses an image over the size cap and content that is not an image', async () => {
    expect((await failure(convert([imageMessage(`${origin}/big.png`)], { allowPrivate: true, maxBytes: 1000 }))).kind).toBe('bad_request');
    const notImage = await failure(convert([imageMessage(`${origin}/page`)], { allowPrivate: true }));
    expect(notImage.message).toContain('png, jpeg, gif and webp');
    expect(notImage.param).toBe('messages[0].content[0]');
  });
});

describe('content Bedrock cannot take', () => {
  it('rejects audio, unsupported image types, other URL schemes and file ids, naming the part', async () => {
    const audio = await failure(convert([{ role: 'user', content: [{ type: 'text', text: 'x' }, { type: 'input_audio', input_audio: { data: 'AAAA', format: 'wav' } }] }]));
    expect([audio.kind, audio.param]).toEqual(['bad_request', 'messages[0].content[1]']);
    expect((await failure(convert([imageMessage('data:image/bmp;base64,Qk0=')]))).message).toContain('image/bmp');
    expect((await failure(convert([imageMessage('file:///etc/passwd')]))).message).toContain('data: URL or an http(s) URL');
    expect((await failure(convert([{ role: 'user', content: [{ type: 'file', file: { file_id: 'file-1' } }] }]))).message).toContain('file_id');
  });

  it('rejects tool call arguments that are not JSON and legacy function messages', async () => {
    const badArguments = await failure(
      convert([{ role: 'assistant', content: null, tool_calls: [{ id: 'c', type: 'function', function: { name: 'f', arguments: '{oops' } }] }]),
    );
    expect(badArguments.param).toBe('messages[0].tool_calls[0].function.arguments');
    expect((await failure(convert([{ role: 'function', name: 'f', content: 'x' }]))).param).toBe('messages[0].role');
  });
});

describe('turn shaping', () => {
  it('drops an assistant turn left empty and keeps the alternation', async () => {
    const converted = await convert([
      { role: 'user', content: 'a' },
      { role: 'assistant', content: '' },
      { role: 'user', content: 'b' },
    ]);
    expect(converted.messages).toEqual([{ role: 'user', content: [{ text: 'a' }, { text: 'b' }] }]);
  });

  it('sends refusal parts of an assistant turn as text', async () => {
    const converted = await convert([{ role: 'assistant', content: [{ type: 'refusal', refusal: 'I cannot.' }] }]);
    expect(converted.messages).toEqual([{ role: 'assistant', content: [{ text: 'I cannot.' }] }]);
  });
});

describe('sniffImageFormat', () => {
  it('recognises png, jpeg, gif and webp signatures', () => {
    expect(sniffImageFormat(png)).toBe('png');
    expect(sniffImageFormat(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpeg');
    expect(sniffImageFormat(Buffer.from('GIF89a'))).toBe('gif');
    expect(sniffImageFormat(Buffer.from('RIFF\0\0\0\0WEBPVP8 '))).toBe('webp');
    expect(sniffImageFormat(Buffer.from('<html>'))).toBeUndefined();
  });
});
