import type { DeploymentInput } from '../../api/models-api';
import { optionalNumber, optionalText } from '../../lib/form-values';

/**
 * The deployment form as `/model/new` and `/model/update` take it. The API key is sent only when typed: it is
 * write-only, and an empty field on edit keeps the stored one.
 */
export function deploymentInputFrom(form: FormData): DeploymentInput {
  const modelName = optionalText(form, 'model_name');
  const model = optionalText(form, 'model');
  if (modelName === undefined) throw new Error('Give the model a public name.');
  if (model === undefined || !model.includes('/')) throw new Error('The provider model must look like provider/model, e.g. openai/gpt-4o-mini.');
  const apiBase = optionalText(form, 'api_base');
  if (apiBase !== undefined && !/^https?:\/\/[^\s]+$/.test(apiBase)) throw new Error('The API base must be an http(s) URL.');
  const params: DeploymentInput['litellm_params'] = { model };
  if (apiBase !== undefined) params.api_base = apiBase;
  const apiKey = optionalText(form, 'api_key');
  if (apiKey !== undefined) params.api_key = apiKey;
  const rpm = optionalNumber(form, 'rpm', 'Requests per minute', { integer: true });
  if (rpm !== undefined) params.rpm = rpm;
  const tpm = optionalNumber(form, 'tpm', 'Tokens per minute', { integer: true });
  if (tpm !== undefined) params.tpm = tpm;
  return { model_name: modelName, litellm_params: params };
}
