import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { CcEntryDto } from './cc-entry.dto.js';

export class CreateCommentDto {
  @ApiProperty({ maxLength: 65536 })
  @IsString()
  @IsNotEmpty({ message: 'body must not be empty' })
  @MaxLength(65536, { message: 'body must be at most 65536 characters' })
  body: string;

  @ApiPropertyOptional({ enum: ['public', 'internal'], description: 'default: the tickets.defaultReplyType setting' })
  @IsOptional()
  @IsIn(['public', 'internal'], { message: 'visibility must be public or internal' })
  visibility?: 'public' | 'internal';

  @ApiPropertyOptional({ description: 'set the ticket status on send' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z][a-z0-9_]{1,39}$/, { message: 'status must be a status key' })
  status?: string;

  @ApiPropertyOptional({ type: [CcEntryDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CcEntryDto)
  cc?: CcEntryDto[];

  @ApiPropertyOptional({ type: [String], description: 'account ids to @notify (internal notes only)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: 'notify must contain account ids' })
  notify?: string[];

  @ApiPropertyOptional({
    type: [String],
    description: 'ids of files uploaded with POST /api/files; at most 20 MB in total',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true, message: 'attachmentIds must contain file ids' })
  attachmentIds?: string[];
}
