import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { ACCOUNT_ROLES, type AccountRole } from '../../access/principal.js';
import { ACCOUNT_PERMISSIONS, SIGNATURE_MAX, type AccountPermission } from '../account.entity.js';
import { LANGUAGES, type Language } from '../language.js';

export class CreateAccountDto {
  @ApiProperty({ example: 'Tom Technician' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: 'tom@helpdesk.example' })
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(320)
  email: string;

  @ApiProperty({
    minLength: 12,
    maxLength: 200,
    description: 'at least 12 characters; common passwords, keyboard patterns and repetitions are refused',
  })
  @IsString()
  @MinLength(12, { message: 'password must be at least 12 characters' })
  @MaxLength(200, { message: 'password must be at most 200 characters' })
  password: string;

  @ApiProperty({ enum: ACCOUNT_ROLES })
  @IsIn(ACCOUNT_ROLES as AccountRole[], { message: `role must be one of: ${ACCOUNT_ROLES.join(', ')}` })
  role: AccountRole;

  @ApiPropertyOptional({ default: true, description: 'false restricts the account to companyIds' })
  @IsOptional()
  @IsBoolean()
  allCompanies?: boolean;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  companyIds?: string[];

  @ApiPropertyOptional({
    type: [String],
    enum: ACCOUNT_PERMISSIONS,
    description: 'Extra permissions, e.g. pii.reveal (see masked PII in clear, audited)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsIn(ACCOUNT_PERMISSIONS as unknown as AccountPermission[], {
    each: true,
    message: `permissions must be among: ${ACCOUNT_PERMISSIONS.join(', ')}`,
  })
  permissions?: AccountPermission[];
}

export class UpdateAccountDto extends PartialType(CreateAccountDto) {
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class AvailabilityDto {
  @ApiProperty({ description: 'true: "Available for chat requests"' })
  @IsBoolean()
  available: boolean;
}

export class SignatureDto {
  @ApiProperty({
    type: String,
    nullable: true,
    maxLength: SIGNATURE_MAX,
    description: 'Plain text, line breaks kept; empty or null: sign with the name',
  })
  @IsOptional()
  @MaxLength(SIGNATURE_MAX, { message: `signature must be at most ${SIGNATURE_MAX} characters` })
  @IsString({ message: 'signature must be text' })
  signature: string | null;
}

export class UpdateMeDto {
  @ApiProperty({
    enum: LANGUAGES,
    nullable: true,
    description: "The console's language; null: follow the browser's",
  })
  @IsIn([...LANGUAGES, null], {
    message: `language must be one of: ${LANGUAGES.join(', ')} (or null for the browser's)`,
  })
  language: Language | null;
}
