// The error responses a route documents: each status with what it means and, as a named
// component, the error codes an answer with that status can carry.
import { errorBodySchema, errorCodeSchema } from '../../shared/errors';
import { codesForStatus } from '../plugins/error-handler';
import { componentRegistry } from './components';

const CLIENT_ERRORS = {
  400: {
    id: 'BadRequestError',
    description:
      'The request is not valid: a field, the query, the path or the JSON itself, or an upload key that was not presigned',
  },
  401: {
    id: 'UnauthorizedError',
    description:
      'No valid bearer token (missing, malformed or expired), or wrong credentials; sign in again',
  },
  403: { id: 'ForbiddenError', description: 'Signed in, but not allowed to do this' },
  404: {
    id: 'NotFoundError',
    description: "No such item among those you may see (another user's image is a 404 too)",
  },
  409: {
    id: 'ConflictError',
    description:
      'Conflicts with what exists: the email is taken, the key was already used, or the upload has not arrived',
  },
  413: {
    id: 'PayloadTooLargeError',
    description: 'The body or the file is larger than this server accepts',
  },
  415: {
    id: 'UnsupportedMediaTypeError',
    description: 'The Content-Type of the request, or the type of the image, is not accepted',
  },
  422: {
    id: 'UnprocessableError',
    description:
      'The upload does not match what was presigned, or the image cannot be read or is too large in pixels',
  },
  429: { id: 'TooManyRequestsError', description: 'Too many requests; wait and try again' },
} as const;

export type ClientErrorStatus = keyof typeof CLIENT_ERRORS;

const SERVER_ERROR = {
  id: 'ServerError',
  description:
    'The server or its storage failed; the message is generic and the details are in the server log',
};

/** The shared error body with `code` narrowed to what the server sends with these statuses. */
function errorSchemaFor(status: ClientErrorStatus | '5xx') {
  const [first, ...rest] = codesForStatus(status);
  return errorBodySchema.extend({
    error: errorBodySchema.shape.error.extend({ code: errorCodeSchema.extract([first!, ...rest]) }),
  });
}

function response(schema: ReturnType<typeof errorSchemaFor>, description: string) {
  // The content form carries the description; the schema itself becomes a $ref.
  return { description, content: { 'application/json': { schema } } };
}

const clientErrors = Object.fromEntries(
  Object.entries(CLIENT_ERRORS).map(([status, { id, description }]) => {
    const schema = errorSchemaFor(Number(status) as ClientErrorStatus);
    componentRegistry.add(schema, { id, description });
    return [status, response(schema, description)];
  }),
) as Record<ClientErrorStatus, ReturnType<typeof response>>;

const serverErrorSchema = errorSchemaFor('5xx');
componentRegistry.add(serverErrorSchema, SERVER_ERROR);
// Lower-case: Fastify looks a status range up as "5xx" when it serializes an answer.
const serverErrors = { '5xx': response(serverErrorSchema, SERVER_ERROR.description) };

/**
 * The listed client errors, each with its meaning and codes, plus the 5xx answer every route
 * can give. List a status only where the route can really answer with it.
 */
export function errorResponses<S extends ClientErrorStatus>(
  ...statuses: S[]
): Record<S, ReturnType<typeof response>> & typeof serverErrors {
  const picked = Object.fromEntries(statuses.map((status) => [status, clientErrors[status]]));
  return { ...(picked as Record<S, ReturnType<typeof response>>), ...serverErrors };
}
