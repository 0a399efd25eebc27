import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { OptionalFrenchLabel } from './optional-french-label.decorator.js';

class Sample {
  @OptionalFrenchLabel(5)
  nameFr?: string | null;
}

const check = (value: unknown) => {
  const dto = plainToInstance(Sample, { nameFr: value });
  return { value: dto.nameFr, errors: validateSync(dto).map((e) => e.property) };
};

describe('OptionalFrenchLabel', () => {
  it('takes a label (trimmed before its length counts), null or nothing', () => {
    expect(check('  Clos  ')).toEqual({ value: 'Clos', errors: [] });
    expect(check(null)).toEqual({ value: null, errors: [] });
    expect(check(undefined)).toEqual({ value: undefined, errors: [] });
  });

  it('refuses a longer label or another type, naming the field', () => {
    expect(check('Résolu').errors).toEqual(['nameFr']);
    expect(check(['x']).errors).toEqual(['nameFr']);
  });
});
