/** Exit code for bad input of any kind (argument, file, JSON path): the guide's contract. */
export const EXIT_BAD_INPUT = 2;

/** A bad command-line argument; the message names it. */
export class ArgumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ArgumentError';
  }
}
