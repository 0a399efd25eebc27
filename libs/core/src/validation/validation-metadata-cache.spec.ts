import { IsInt, IsString, MaxLength, registerDecorator } from 'class-validator';
import { validateDto } from './validate-dto.js';

class BaseDto {
  @IsString()
  name: string;
}

class ChildDto extends BaseDto {
  @IsInt()
  count: number;
}

describe('cached validation metadata', () => {
  it('keeps inherited rules and each class its own', async () => {
    await expect(validateDto(ChildDto, { name: 'a', count: 1 })).resolves.toBeInstanceOf(ChildDto);
    await expect(validateDto(ChildDto, { name: 1, count: 1 })).rejects.toMatchObject({
      fieldErrors: { name: [expect.any(String)] },
    });
    await expect(validateDto(BaseDto, { name: 'a', count: 1 })).rejects.toMatchObject({
      fieldErrors: { count: [expect.stringContaining('should not exist')] },
    });
  });

  it('sees rules registered after a class was first validated', async () => {
    class LateDto {
      @IsString()
      title: string;
    }
    await expect(validateDto(LateDto, { title: 'far too long a title' })).resolves.toBeInstanceOf(LateDto);
    MaxLength(5)(LateDto.prototype, 'title');
    registerDecorator({
      target: LateDto,
      propertyName: 'title',
      validator: { validate: (v: unknown) => v !== 'no', defaultMessage: () => 'title is refused' },
    });
    await expect(validateDto(LateDto, { title: 'far too long a title' })).rejects.toMatchObject({
      fieldErrors: { title: [expect.stringContaining('shorter')] },
    });
    await expect(validateDto(LateDto, { title: 'no' })).rejects.toMatchObject({
      fieldErrors: { title: ['title is refused'] },
    });
    await expect(validateDto(LateDto, { title: 'ok' })).resolves.toBeInstanceOf(LateDto);
  });
});
