/** Parameter rules for some of a vendor's models, matched on the upstream model id. */
export interface ModelParamRule {
  models: RegExp;
  /** Parameters these models answer HTTP 400 on. */
  unsupportedParams?: readonly string[];
  /** Parameters these models take under another name: `{ max_tokens: 'max_completion_tokens' }`. */
  renameParams?: Readonly<Record<string, string>>;
}

/** How a vendor differs from OpenAI's chat-completions wire format. */
export interface PresetQuirks {
  /** Parameters the vendor answers HTTP 400 on: dropped with `dropParams`, otherwise rejected before sending. */
  unsupportedParams?: readonly string[];
  /** Parameters the vendor takes under another name. */
  renameParams?: Readonly<Record<string, string>>;
  /** Parameters removed silently because the vendor already behaves as if they were set. */
  omitParams?: readonly string[];
  modelRules?: readonly ModelParamRule[];
  /** The message/delta field the vendor returns reasoning text in; renamed to `reasoning_content`. */
  reasoningField?: string;
  /** Usage that streams carry under `x_groq.usage` instead of `usage`. */
  streamUsageUnderXGroq?: boolean;
}

/**
 * How the API key travels: `bearer` (`Authorization: Bearer`), `api-key` (Azure's header), or
 * `api-key-on-azure-hosts` (Azure AI Foundry: `api-key` for *.services.ai.azure.com and *.openai.azure.com,
 * Bearer elsewhere).
 */
export type PresetAuth = 'bearer' | 'api-key' | 'api-key-on-azure-hosts';

/**
 * One OpenAI-compatible vendor. `openai` builds `{baseURL}/chat/completions`; `azure` builds Azure OpenAI's
 * deployment URL `{baseURL}/openai/deployments/{model}/chat/completions?api-version=...`, or the v1 surface
 * `{baseURL}/chat/completions` when the base URL ends in `/openai/v1`.
 */
export interface OpenAICompatiblePreset {
  /** The `<provider>` in `<provider>/<model>`; LiteLLM's name when it has one. */
  id: string;
  /** The default base URL; absent when every deployment must give its own. */
  baseURL?: string;
  /** Environment variables read for the base URL when none is configured, first found wins. */
  baseURLEnv?: readonly string[];
  /** Environment variables read for the API key, first found wins; the first is the documented one. */
  apiKeyEnv?: readonly string[];
  apiKeyRequired: boolean;
  auth?: PresetAuth;
  layout?: 'openai' | 'azure';
  /** Whether the vendor serves `/embeddings`. */
  embeddings?: boolean;
  /** Capabilities that differ from the defaults (tools, vision, reasoning and json_schema all on). */
  capabilities?: { tools?: boolean; vision?: boolean; reasoning?: boolean; jsonSchema?: boolean };
  quirks?: PresetQuirks;
}
