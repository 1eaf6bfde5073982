/** An id that names nothing known (a success measure, a contract, a run): the API answers 404. */
export class UnknownIdError extends Error {
  constructor(
    public readonly kind: string,
    public readonly id: string,
  ) {
    super(`unknown ${kind} '${id}'`);
    this.name = 'UnknownIdError';
  }
}

/** Input that breaks a domain rule, with every violated field path: the API answers 400. */
export class InvalidInputError extends Error {
  constructor(public readonly violations: { path: string; message: string }[]) {
    super(violations.map((v) => `${v.path}: ${v.message}`).join('; '));
    this.name = 'InvalidInputError';
  }
}
