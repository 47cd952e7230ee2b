/** A message that is not a request of the protocol. */
export class BadRequestError extends Error {
  override name = 'BadRequestError';
  readonly code = 'bad-request';
}
