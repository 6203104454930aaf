import { ApiError } from '../../../shared/api';
import { rejectionMessage } from '../../../shared/media';

/**
 * A file that is not an acceptable photo. `reason` completes "… was not added: …";
 * given the file's name, the message is the whole sentence shown to the reporter.
 */
export class MediaRejectedError extends ApiError {
  override name = 'MediaRejectedError';
  constructor(
    readonly reason: string,
    fileName?: string,
  ) {
    super('invalid_input', fileName === undefined ? reason : rejectionMessage(fileName, reason));
  }
}
