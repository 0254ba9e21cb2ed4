import { z } from 'zod';

export const functionToolSchema = z.looseObject({
  type: z.literal('function'),
  function: z.looseObject({
    name: z.string().min(1).max(128),
    description: z.string().optional(),
    parameters: z.record(z.string(), z.unknown()).optional(),
    strict: z.boolean().nullish(),
  }),
});

/** A tool that is not a plain function (for example `{"type": "mcp", ...}`); features downstream decide. */
export const otherToolSchema = z.looseObject({
  type: z.string().refine((type) => type !== 'function', 'function tools need a "function" object'),
});

export const chatToolSchema = z.union([functionToolSchema, otherToolSchema]);

export const toolChoiceSchema = z.union([
  z.enum(['none', 'auto', 'required']),
  z.looseObject({ type: z.literal('function'), function: z.looseObject({ name: z.string() }) }),
  z.looseObject({ type: z.string() }),
]);

export type FunctionTool = z.infer<typeof functionToolSchema>;
export type ChatTool = z.infer<typeof chatToolSchema>;
export type ToolChoice = z.infer<typeof toolChoiceSchema>;
