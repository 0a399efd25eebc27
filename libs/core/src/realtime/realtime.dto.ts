import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';

export class PingDto {
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  text?: string;
}

export class AvailabilityEventDto {
  @IsBoolean()
  available: boolean;
}
