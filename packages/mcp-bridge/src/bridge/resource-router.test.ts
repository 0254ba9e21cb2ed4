import { describe, expect, it } from 'vitest';
import { ResourceRouter } from './resource-router.js';

describe('ResourceRouter', () => {
  const router = new ResourceRouter();
  router.remember('everything', ['demo://resource/static/document/architecture.md']);
  router.rememberTemplates('everything', ['demo://resource/dynamic/text/{resourceId}']);
  router.rememberTemplates('files', ['file:///{path}', 'file:///data/{name}']);

  it('routes listed URIs and template matches to their server', () => {
    expect(router.route('demo://resource/static/document/architecture.md', ['everything', 'files'])).toBe('everything');
    expect(router.route('demo://resource/dynamic/text/7', ['everything', 'files'])).toBe('everything');
    expect(router.route('file:///data/x.csv', ['everything', 'files'])).toBe('files');
  });

  it('never routes to a server outside the candidates', () => {
    expect(router.route('demo://resource/dynamic/text/7', ['files'])).toBe('files');
    expect(router.route('demo://resource/dynamic/text/7', ['memory', 'files'])).toBeUndefined();
  });

  it('gives an unknown URI to the only candidate', () => {
    expect(router.route('test://watched-resource', ['everything'])).toBe('everything');
    expect(router.route('test://watched-resource', [])).toBeUndefined();
  });
});
