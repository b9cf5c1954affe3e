import { z } from 'zod';

/** Why a call failed; the renderer decides what to show by code, people read the message. */
export const ERROR_CODES = [
  'BAD_REQUEST', // arguments did not match the contract
  'UNKNOWN_METHOD',
  'TOO_LARGE',
  'UNAUTHORIZED',
  'NOT_FOUND',
  'STORAGE', // the database could not be read or written
  'UNAVAILABLE', // the host is gone or not connected
  'INTERNAL', // a bug: the handler threw or broke the contract
  'DOCKER_UNAVAILABLE', // no Docker engine answers: the message says what to do
  'CONFLICT', // the engine refused: the container is in the wrong state or the name is taken
  'PORT_IN_USE',
  'IMAGE_MISSING', // the image is not on this engine (pull it or build it)
  'FORBIDDEN', // a container the app did not create, without a person's explicit action
  'CANCELLED',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const errorPayloadSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  /** Where the problem is: a field path ("theme"), a file and line, a method name. */
  where: z.string().optional(),
});
export type ErrorPayload = z.infer<typeof errorPayloadSchema>;

/** The one error type that crosses the contract, on either transport. */
export class ContractError extends Error {
  readonly code: ErrorCode;
  readonly where: string | undefined;

  constructor(code: ErrorCode, message: string, where?: string) {
    super(message);
    this.name = 'ContractError';
    this.code = code;
    this.where = where;
  }

  toPayload(): ErrorPayload {
    return this.where === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, where: this.where };
  }

  static fromPayload(p: ErrorPayload): ContractError {
    return new ContractError(p.code, p.message, p.where);
  }
}

/** Turns zod issues into one line a person can read, naming each field path. */
export function describeIssues(error: z.ZodError, root: string): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => {
      const path = [root, ...issue.path.map(String)].filter(Boolean).join('.');
      return `${path}: ${issue.message}`;
    })
    .join('; ');
}
