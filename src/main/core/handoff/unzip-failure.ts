import { printableName, type ZipProblem } from '../zip/capped-unzip';
import { HandoffError } from './format';

/** The package's sentence for each problem the shared zip reader finds. */
export function packageZipFailure(problem: ZipProblem): HandoffError {
  switch (problem.kind) {
    case 'unreadable':
      return new HandoffError(`the file is not a readable package (${problem.detail})`);
    case 'hidden':
      return new HandoffError(`entry "${printableName(problem.entry)}" is hidden from the zip's directory`);
    case 'twice':
      return new HandoffError(`entry "${printableName(problem.entry)}" appears twice in the package`);
    case 'missing':
      return new HandoffError(`entry "${printableName(problem.entry)}" could not be read from the package; it is damaged`);
    case 'damaged':
      return new HandoffError(`entry "${printableName(problem.entry)}" is damaged (${problem.detail})`);
    case 'overflow':
      return new HandoffError(`entry "${printableName(problem.entry)}" inflates to more than the ${problem.declared} bytes it declares; the package was refused as a decompression bomb`);
    case 'mismatch':
      return new HandoffError(`entry "${printableName(problem.entry)}" inflates to ${problem.actual} bytes but declares ${problem.declared}; the package is damaged`);
  }
}
