import { jsonReply, type BodyReply } from '../../reply/reply-types.js';
import { mockCreated } from './openai-generated-chat.js';

/** Model ids the mock lists; every route accepts any model id. */
export const listedModels = [
  'mock-model',
  'gpt-4o',
  'gpt-4o-mini',
  'gpt-4.1-nano',
  'text-embedding-3-small',
  'text-embedding-3-large',
] as const;

const modelList = jsonReply(200, {
  object: 'list',
  data: listedModels.map((id) => ({ id, object: 'model', created: mockCreated, owned_by: 'switchyard-mock' })),
});

/** `GET /v1/models`. */
export function handleListModels(): BodyReply {
  return modelList;
}
