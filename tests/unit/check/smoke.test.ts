import { describe, expect, it } from 'vitest';
import { LEVELS } from '../../../utils/check/types';

describe('levels', () => {
  it('orders suggestion < warning < error', () => {
    expect(LEVELS).toEqual(['suggestion', 'warning', 'error']);
  });
});
