import { ApiError } from '../../../shared/api';

/** A file that is not an acceptable photo. The message completes "The photo was refused: …". */
export class MediaRejectedError extends ApiError {
  override name = 'MediaRejectedError';
  constructor(readonly reason: string) {
    super('invalid_input', reason);
  }
}

/** The sentence shown to the reporter for a refused file. */
export function rejectionMessage(fileName: string, reason: string): string {
  const name = fileName ? `“${fileName}”` : 'The file';
  return `${name} was not added: ${reason}.`;
}
