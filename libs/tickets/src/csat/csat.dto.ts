import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/** The requester's answer: a whole score from 1 to 5 and an optional comment. */
export class CsatAnswerDto {
  @ApiProperty({ minimum: 1, maximum: 5, example: 4 })
  @IsInt({ message: 'score must be a whole number from 1 to 5' })
  @Min(1, { message: 'score must be a whole number from 1 to 5' })
  @Max(5, { message: 'score must be a whole number from 1 to 5' })
  score: number;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

export class CsatLanguageQueryDto {
  @ApiPropertyOptional({ enum: ['en', 'fr'], description: 'Else the Accept-Language header' })
  @IsOptional()
  @IsIn(['en', 'fr'])
  lang?: 'en' | 'fr';
}

export class CsatTicketRefDto {
  @ApiProperty() number: number;
  @ApiProperty() title: string;
}

export class CsatSurveyViewDto {
  @ApiProperty({ example: 'How did we do?' }) question: string;
  @ApiProperty({ type: CsatTicketRefDto }) ticket: CsatTicketRefDto;
  @ApiProperty({ enum: ['pending', 'answered', 'superseded'] }) state: 'pending' | 'answered' | 'superseded';
  @ApiProperty({ type: Number, nullable: true }) score: number | null;
  @ApiProperty({ type: String, nullable: true }) comment: string | null;
}

export class CsatAnsweredDto {
  @ApiProperty({ enum: ['answered'] }) state: 'answered';
  @ApiProperty() score: number;
}

export class CsatReportQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 365, default: 30 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(365)
  days?: number;
}

export class CsatStatsDto {
  @ApiProperty() responses: number;
  @ApiProperty({ description: 'Average score, one decimal' }) average: number;
  @ApiProperty({ description: 'Share of 4 and 5 answers (whole percent)' }) satisfiedPercent: number;
}

export class CsatReportRowDto extends CsatStatsDto {
  @ApiProperty({ type: String, nullable: true, description: 'Technician or company id (null: unassigned)' })
  id: string | null;
  @ApiProperty() name: string;
}

export class CsatReportDto {
  @ApiProperty() days: number;
  @ApiProperty({ format: 'date-time' }) since: string;
  @ApiProperty({ type: CsatStatsDto }) total: CsatStatsDto;
  @ApiProperty({ type: [CsatReportRowDto] }) technicians: CsatReportRowDto[];
  @ApiProperty({ type: [CsatReportRowDto] }) companies: CsatReportRowDto[];
}
