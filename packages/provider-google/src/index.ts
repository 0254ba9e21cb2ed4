export { createGemini, createVertex, googleFamily, googleCapabilities, type GoogleProviderSettings } from './google-provider.js';
export { defaultMediaPolicy, type GoogleMediaPolicy } from './convert-google-media.js';
export { cleanGoogleSchema, type CleanSchemaOptions } from './google-schema-cleaner.js';
export { mapGoogleFinishReason } from './map-google-finish-reason.js';
export { convertGoogleUsage } from './google-usage.js';
export { googleUpstreamError } from './google-error.js';
export type { GoogleGenerateContentRequest, GoogleGenerateContentResponse } from './google-api.js';
