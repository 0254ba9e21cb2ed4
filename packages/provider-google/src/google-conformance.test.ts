import { runProviderConformance } from '@switchyard/provider-kit/testing';
import { geminiCases, geminiTestKey } from './google-conformance-cases.test-utils.js';
import { createGemini } from './google-provider.js';

runProviderConformance({
  name: '@switchyard/provider-google (Gemini API)',
  createProvider: (baseURL) => createGemini({ apiKey: geminiTestKey, baseURL, env: {} }),
  chatCases: geminiCases,
  secrets: [geminiTestKey],
});
