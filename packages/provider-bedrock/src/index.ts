export { bedrockFamily, createBedrock, type BedrockDependencies, type BedrockSettings } from './bedrock-provider.js';
export { resolveBedrockConnection, type AwsCredentials, type BedrockAuth, type BedrockConnection } from './bedrock-credentials.js';
export { signRequest, type SignRequestInput } from './bedrock-sigv4.js';
export { EventStreamDecoder, decodeEventStream, type EventStreamFrame } from './bedrock-event-stream-decoder.js';
export { mapBedrockFinishReason } from './map-bedrock-finish-reason.js';
export { convertBedrockUsage } from './bedrock-usage.js';
export type { ImageFetchPolicy, UrlFetcher } from './bedrock-media.js';
