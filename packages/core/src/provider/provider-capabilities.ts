export interface ProviderCapabilities {
  streaming: boolean;
  embeddings: boolean;
  tools: boolean;
  vision: boolean;
  reasoning: boolean;
  /** Native structured output (`response_format: json_schema`). */
  jsonSchema: boolean;
  /** The provider speaks OpenAI's wire format, so bodies and stream bytes pass through untranslated. */
  passThrough: boolean;
}
