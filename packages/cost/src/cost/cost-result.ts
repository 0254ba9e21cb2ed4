export type CostComponent = 'inputCost' | 'outputCost' | 'cacheReadCost' | 'cacheWriteCost' | 'reasoningCost';

/** The token counts each cost component was billed for. */
export interface BilledTokens {
  /** Prompt tokens neither read from nor written to the cache. */
  readonly input: number;
  readonly cacheRead: number;
  readonly cacheWrite: number;
  /** Completion tokens other than reasoning. */
  readonly output: number;
  readonly reasoning: number;
}

/** The USD rates that were applied, after tier selection and fallbacks. */
export interface AppliedRates {
  readonly input: number;
  readonly output: number;
  readonly cacheRead: number;
  readonly cacheWrite: number;
  readonly reasoning: number;
}

/**
 * A computed cost in USD. `exact` holds each amount as an exact decimal string; the numbers are the doubles
 * nearest to those, so `total` may differ from the float sum of the parts in the last bit.
 */
export type PricedCost = { readonly priced: true; readonly model: string; readonly currency: 'USD' } & Readonly<
  Record<CostComponent | 'total', number>
> & {
    readonly exact: Readonly<Record<CostComponent | 'total', string>>;
    readonly tokens: BilledTokens;
    /** Rates actually used; a rate is 0 only when the table or config says the tokens are free. */
    readonly rates: Partial<AppliedRates>;
    /** The tier threshold that applied, when the prompt was above one. */
    readonly tierAboveTokens?: number;
  };

export type NoPriceReason = 'unknown-model' | 'missing-rate' | 'invalid-usage';

/** No cost could be computed. It carries no amount, so a missing price can never pass for a free call. */
export interface NoPrice {
  readonly priced: false;
  readonly reason: NoPriceReason;
  readonly message: string;
}

export type CostResult = PricedCost | NoPrice;
