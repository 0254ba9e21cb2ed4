export { startMockProvider, type MockProvider, type MockProviderOptions } from './start-mock-provider.js';
export type { RecordedRequest } from './server/request-recorder.js';
export { faultNames, type FaultName } from './scenario/scenario.js';
export { mockText, defaultChunks, estimateTokens } from './text/mock-answer.js';
export { listedModels } from './formats/openai/openai-models.js';
