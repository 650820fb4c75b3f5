/** A misuse of the control API (unknown order, unknown template …): 4xx with `{error: {code, message}}`. */
export class ControlError extends Error {
  constructor(
    readonly status: 400 | 404 | 409,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
