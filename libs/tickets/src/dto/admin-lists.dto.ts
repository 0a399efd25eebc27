import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { OptionalFrenchLabel } from '@switchboard/core';
import { STATUS_CATEGORIES, StatusCategory } from '../ticket.types.js';

export class CreateStatusDto {
  @ApiProperty({ example: 'waiting_on_vendor' })
  @Matches(/^[a-z][a-z0-9_]{1,39}$/, {
    message: 'key must be 2-40 characters: lower-case letters, digits and _ (starting with a letter)',
  })
  key: string;

  @ApiProperty({ example: 'Waiting on vendor' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name: string;

  @OptionalFrenchLabel(100)
  nameFr?: string | null;

  @ApiProperty({ enum: STATUS_CATEGORIES })
  @IsIn(STATUS_CATEGORIES, { message: 'category must be one of: open, pending, done' })
  category: StatusCategory;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10000)
  position?: number;
}

export class UpdateStatusDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name?: string;

  @OptionalFrenchLabel(100)
  nameFr?: string | null;

  @ApiPropertyOptional({ enum: STATUS_CATEGORIES })
  @IsOptional()
  @IsIn(STATUS_CATEGORIES, { message: 'category must be one of: open, pending, done' })
  category?: StatusCategory;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10000)
  position?: number;
}

export class ProductFamilyDto {
  @ApiProperty({ example: 'Printers' })
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(100)
  name: string;
}

export class CreateQuickReplyDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(100)
  name: string;

  @OptionalFrenchLabel(100, 'French name shown to French technicians')
  nameFr?: string | null;

  @ApiProperty({ example: 'Hi {{contact.firstName}}, ...' })
  @IsString()
  @IsNotEmpty({ message: 'body must not be empty' })
  @MaxLength(20000)
  body: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'French text, rendered for requesters who read French; null or empty removes it',
  })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  bodyFr?: string | null;

  @ApiPropertyOptional({ description: 'shared with every technician (admins only)' })
  @IsOptional()
  @IsBoolean()
  shared?: boolean;
}

export class UpdateQuickReplyDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name?: string;

  @OptionalFrenchLabel(100, 'French name shown to French technicians')
  nameFr?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(20000)
  body?: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'French text, rendered for requesters who read French; null or empty removes it',
  })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  bodyFr?: string | null;
}

export class RenderQuickReplyDto {
  @ApiProperty({ example: 42 })
  @IsInt({ message: 'ticketNumber must be a ticket number' })
  @Min(1)
  ticketNumber: number;
}
