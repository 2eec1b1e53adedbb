/**
 * A package that can never be imported as it is: the message (Indonesian)
 * tells the uploader what to fix. The job fails without retrying.
 */
export class ScormRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScormRefusal';
  }
}
