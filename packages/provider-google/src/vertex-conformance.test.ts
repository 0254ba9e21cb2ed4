import { runProviderConformance, type ChatConformanceCase } from '@switchyard/provider-kit/testing';
import { expect } from 'vitest';
import { geminiCases } from './google-conformance-cases.test-utils.js';
import { createVertex } from './google-provider.js';

const vertexToken = 'ya29.vertex-conformance-token';

// The streamed-arguments fixtures were recorded on Vertex; every case runs here too, with Vertex's URL and auth.
const vertexCases: ChatConformanceCase[] = geminiCases.map((testCase) => ({
  ...testCase,
  assertRequest: (request) => {
    const method = testCase.stream ?? testCase.request.stream ? 'streamGenerateContent?alt=sse' : 'generateContent';
    expect(request.url).toBe(`/v1/projects/conformance-project/locations/us-central1/publishers/google/models/${testCase.request.model}:${method}`);
    expect(request.headers['authorization']).toBe(`Bearer ${vertexToken}`);
  },
}));

runProviderConformance({
  name: '@switchyard/provider-google (Vertex AI)',
  createProvider: (baseURL) =>
    createVertex({ baseURL, env: {}, options: { vertex_project: 'conformance-project', vertex_access_token: vertexToken } }),
  chatCases: vertexCases,
  secrets: [vertexToken],
});
