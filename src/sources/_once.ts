import { StitchscanError } from '../errors';

/** Error for a second iteration of `batches()`: sources stream their input once. */
export function onceOnly(): StitchscanError {
  return new StitchscanError('E_INVALID_OPTION', 'Invalid use of a source: batches() can be iterated only once', {
    hint: 'Open the input again (openSource / fromRows) to read it a second time.',
  });
}
