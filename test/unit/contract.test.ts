import { describe, expect, it } from 'vitest';
import { contract } from '../../shared/api';
import { METHOD_NAMES } from '../../shared/api/methods';
import { handlers } from '../../electron/core/api/handlers';

describe('contract', () => {
  it('the plain method list the preload uses equals the contract', () => {
    expect([...METHOD_NAMES].sort()).toEqual(Object.keys(contract).sort());
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(contract).sort());
  });
});
