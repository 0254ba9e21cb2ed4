import { SwitchyardError } from '@switchyard/core';
import { afterAll, describe, expect, it } from 'vitest';
import { createHttpClient } from './http-client.js';
import { parseJsonBody, readJsonBody } from './parse-json-body.js';
import { readSuccessBytes } from './read-success-body.js';
import { caughtError, rejectedError } from './testing/caught-error.js';
import { useRecordedServer } from './testing/use-recorded-server.js';

describe('parseJsonBody', () => {
  it('parses JSON text', () => {
    expect(parseJsonBody('{"a":[1]}', 'acme')).toEqual({ a: [1] });
  });

  it('turns text that is not JSON into upstream_unavailable naming the provider, never a SyntaxError', () => {
    const error = caughtError(() => parseJsonBody('<html>', 'acme'));
    expect([error.kind, error.status, error.provider, error.message]).toEqual(['upstream_unavailable', 502, 'acme', 'acme answered with a body that is not JSON']);
  });

  it("uses the provider's own error when given one, with the parser's error as cause", () => {
    const causes: unknown[] = [];
    const notJson = (cause: unknown) => {
      causes.push(cause);
      return new SwitchyardError('upstream_unavailable', 'Acme sent a malformed response.', { status: 502 });
    };
    expect(caughtError(() => parseJsonBody('{', 'acme', notJson)).message).toBe('Acme sent a malformed response.');
    expect(causes[0]).toBeInstanceOf(SyntaxError);
  });
});

describe('readJsonBody and readSuccessBytes', () => {
  const http = createHttpClient();
  afterAll(() => http.close());
  const loopback = useRecordedServer();

  it('read a whole body cut into odd slices, as JSON or as the bytes received', async () => {
    loopback().enqueue({ body: '{"text":"héllo wörld"}' }, { body: '{"text":"héllo"}' });
    expect(await readJsonBody(await http.send({ url: loopback().origin }), 'acme')).toEqual({ text: 'héllo wörld' });
    const bytes = await readSuccessBytes(await http.send({ url: loopback().origin }), 'acme');
    expect(bytes.toString('utf8')).toBe('{"text":"héllo"}');
  });

  it('map a connection lost mid-body to upstream_unavailable', async () => {
    loopback().enqueue({ body: '{"text":', after: 'reset' }, { body: '{"text":', after: 'reset' });
    const json = await rejectedError(async () => readJsonBody(await http.send({ url: loopback().origin }), 'acme'));
    const bytes = await rejectedError(async () => readSuccessBytes(await http.send({ url: loopback().origin }), 'acme'));
    expect([json.kind, bytes.kind]).toEqual(['upstream_unavailable', 'upstream_unavailable']);
  });
});
