import { z } from 'zod';

/** The 400 body of `POST /send_message` exactly as the spec publishes it. */
export const SendMessageErrorBodySchema = z.looseObject({
  code: z.string(),
  message: z.string(),
  hint: z.string().optional(),
  statusCode: z.number(),
});

/**
 * Any error body from Mateo, the sandbox or our proxy, normalised to one shape. The spec names
 * the HTTP status `statusCode`; Mateo's introduction page (and PostgREST) name it `status`, and
 * PostgREST sends `hint: null` and `details`. Both spellings are accepted; the output always
 * carries `statusCode`, and `hint`/`details` only when they are strings.
 */
export const ApiErrorSchema = z
  .looseObject({
    code: z.union([z.string(), z.number()]).transform(String),
    message: z.string(),
    hint: z.string().nullish(),
    details: z.string().nullish(),
    statusCode: z.number().int().optional(),
    status: z.number().int().optional(),
  })
  .refine((body) => body.statusCode !== undefined || body.status !== undefined, {
    message: 'An error body needs statusCode or status',
    path: ['statusCode'],
  })
  .transform(({ code, message, hint, details, statusCode, status }) => ({
    code,
    message,
    ...(hint ? { hint } : {}),
    ...(details ? { details } : {}),
    statusCode: (statusCode ?? status) as number,
  }));
export type ApiErrorBody = z.output<typeof ApiErrorSchema>;

/** Builds an error body in the normalised shape (used by the proxy and the sandbox). */
export function apiErrorBody(
  statusCode: number,
  code: string,
  message: string,
  hint?: string,
): ApiErrorBody {
  return { code, message, ...(hint ? { hint } : {}), statusCode };
}
