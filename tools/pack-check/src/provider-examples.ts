/** How to run one provider README's example against the mock: the credentials it reads and the route it calls. */
export interface ProviderExample {
  /** Environment variables the example needs (test credentials only; nothing real). */
  env: Record<string, string>;
  /** The path the mock must record, as sent (percent-encoded), without the query string. */
  path: string;
}

/** One entry per provider package; the pack check fails for a provider missing here. */
export const providerExamples: Readonly<Record<string, ProviderExample>> = {
  '@switchyard/provider-openai': {
    env: { OPENAI_API_KEY: 'sk-pack-check' },
    path: '/v1/chat/completions',
  },
  '@switchyard/provider-anthropic': {
    env: { ANTHROPIC_API_KEY: 'sk-ant-pack-check' },
    path: '/v1/messages',
  },
  '@switchyard/provider-google': {
    env: { GEMINI_API_KEY: 'pack-check-key' },
    path: '/v1beta/models/gemini-2.5-flash:generateContent',
  },
  '@switchyard/provider-bedrock': {
    // AWS's documented example key pair.
    env: { AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' },
    path: '/model/us.anthropic.claude-sonnet-4-5-20250929-v1%3A0/converse',
  },
};
