/** A refusal by the workbook model, with the Office.js error code the API layer raises for it. */
export class ModelError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
