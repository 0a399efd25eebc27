import { IsString, MaxLength } from 'class-validator';
import { ValidationFailedError } from '../errors/validation-failed.error.js';
import { validateDto } from './validate-dto.js';

class EmptyDto {}

class NamedDto {
  @IsString()
  @MaxLength(5)
  name: string;
}

describe('validateDto', () => {
  it('accepts {} for a payload class that declares nothing, and refuses any property', async () => {
    await expect(validateDto(EmptyDto, {})).resolves.toBeInstanceOf(EmptyDto);
    await expect(validateDto(EmptyDto, { sneaky: true })).rejects.toMatchObject({
      fieldErrors: { sneaky: [expect.stringContaining('should not exist')] },
    });
  });

  it('names the failing fields', async () => {
    const error = (await validateDto(NamedDto, { name: 'toolong', extra: 1 }).catch((e) => e)) as ValidationFailedError;
    expect(error).toBeInstanceOf(ValidationFailedError);
    expect(Object.keys(error.fieldErrors).sort()).toEqual(['extra', 'name']);
  });

  it('refuses what is not a JSON object', async () => {
    for (const input of [null, 'text', 42, [1, 2]])
      await expect(validateDto(NamedDto, input)).rejects.toThrow('expected a JSON object');
  });
});
