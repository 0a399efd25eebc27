import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { LANGUAGES, type Language } from '../language.js';

export class CreateContactDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  companyId: string;

  @ApiProperty({ example: 'Melissa', maxLength: 100 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  firstName: string;

  @ApiProperty({ example: 'Jones', maxLength: 100 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  lastName: string;

  @ApiProperty({ example: 'melissa@example.com' })
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(320)
  email: string;

  @ApiPropertyOptional({ example: '+33 6 12 34 56 78', type: String, nullable: true, description: 'null clears it' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  @Matches(/^[+()\d\s.-]{3,40}$/, { message: 'phone may contain digits, spaces, +, (, ), . and - only' })
  phone?: string | null;

  @ApiPropertyOptional({
    enum: LANGUAGES,
    nullable: true,
    description: "Language of the contact's mails and automatic texts; null: the company's default",
  })
  @IsOptional()
  @IsIn(LANGUAGES, { message: `language must be one of: ${LANGUAGES.join(', ')} (or null)` })
  language?: Language | null;
}

export class UpdateContactDto extends PartialType(OmitType(CreateContactDto, ['companyId'] as const)) {}
