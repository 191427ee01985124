import { describe, expect, it } from 'vitest';
import { importSizeProblem, MAX_IMPORT_BYTES } from './word-files';

describe('importSizeProblem', () => {
  it('lets a file of the limit through and tells what to do with a larger one', () => {
    expect(importSizeProblem({ size: MAX_IMPORT_BYTES })).toBeNull();
    expect(importSizeProblem({ size: MAX_IMPORT_BYTES + 1 })).toMatch(/større end 20 MB\. Fjern billeder, eller del dokumentet op/);
  });
});
