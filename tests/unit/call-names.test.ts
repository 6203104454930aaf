import { describe, expect, it } from 'vitest';
import { CALL_NAMES } from '../../src/shared/api';
import { CALL_NAME_LIST } from '../../src/shared/call-names';

describe('the preload call-name list', () => {
  it('names exactly the calls of the contract, so the preload exposes every call and no other', () => {
    expect([...CALL_NAME_LIST].sort()).toEqual([...CALL_NAMES].sort());
  });
});
