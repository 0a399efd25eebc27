import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

export class CreateQueueDto {
  @ApiProperty({ example: 'Acme first line' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;

  @ApiProperty({ type: [String], description: 'Companies whose portal chats this queue takes' })
  @IsArray()
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  companyIds: string[];

  @ApiPropertyOptional({ type: [String], description: 'Technician accounts that answer this queue' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  memberIds?: string[];

  @ApiPropertyOptional({ default: 20, minimum: 5, maximum: 600 })
  @IsOptional()
  @IsInt()
  @Min(5)
  @Max(600)
  offerTimeoutSeconds?: number;

  @ApiPropertyOptional({ default: 600, minimum: 30, maximum: 86400 })
  @IsOptional()
  @IsInt()
  @Min(30)
  @Max(86400)
  maxWaitSeconds?: number;
}

export class UpdateQueueDto extends PartialType(CreateQueueDto) {}
