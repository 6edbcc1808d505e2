import { z } from './zod';

/** The 400 body of `POST /send_message` exactly as the spec publishes it. */
export const SendMessageErrorBodySchema = z.looseObject({
  code: z.string(),
  message: z.string(),
  hint: z.optional(z.string()),
  statusCode: z.number(),
});

/**
 * Any error body from Mateo, the sandbox or our proxy, normalised to one shape. The spec names
 * the HTTP status `statusCode`; Mateo's introduction page (and PostgREST) name it `status`, and
 * PostgREST sends `hint: null` and `details`. Both spellings are accepted; the output always
 * carries `statusCode`, and `hint`/`details` only when they are strings.
 */
export const ApiErrorSchema = z.pipe(
  z
    .looseObject({
      code: z.pipe(z.union([z.string(), z.number()]), z.transform(String)),
      message: z.string(),
      hint: z.nullish(z.string()),
      details: z.nullish(z.string()),
      statusCode: z.optional(z.int()),
      status: z.optional(z.int()),
    })
    .check(
      z.refine((body) => body.statusCode !== undefined || body.status !== undefined, {
        message: 'An error body needs statusCode or status',
        path: ['statusCode'],
      }),
    ),
  z.transform(({ code, message, hint, details, statusCode, status }) => ({
    code,
    message,
    ...(hint ? { hint } : {}),
    ...(details ? { details } : {}),
    statusCode: (statusCode ?? status) as number,
  })),
);
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
