// Error responses every route documents, so the OpenAPI document shows the error shape too.
import { errorBodySchema } from '../../shared/errors';

export const errorResponses = {
  '4xx': errorBodySchema,
  '5xx': errorBodySchema,
} as const;

export const bearerAuth = [{ bearerAuth: [] }];
