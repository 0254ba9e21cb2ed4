import { embeddingRequestSchema, type EmbeddingRequest, type EmbeddingResponse } from '@switchyard/core';
import type { Router } from '@switchyard/router';
import { routeOptions } from './route-options.js';
import type { RequestOptions } from './switchyard-options.js';
import { validateRequest } from './validate-request.js';

/** `client.embeddings`: routed like chat. */
export class Embeddings {
  constructor(private readonly router: Router) {}

  async create(body: EmbeddingRequest, options?: RequestOptions): Promise<EmbeddingResponse> {
    const request = validateRequest(embeddingRequestSchema, body);
    const routed = await this.router.embed(request, routeOptions(options));
    return routed.result.response;
  }
}
