import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';

export class NotificationPreferencesDto {
  @ApiPropertyOptional({ description: 'Notifications in the web UI' })
  @IsOptional()
  @IsBoolean()
  inApp?: boolean;

  @ApiPropertyOptional({ description: 'Browser notifications' })
  @IsOptional()
  @IsBoolean()
  browser?: boolean;

  @ApiPropertyOptional({ description: 'Emails' })
  @IsOptional()
  @IsBoolean()
  email?: boolean;

  @ApiPropertyOptional({ description: 'A chime for new chats' })
  @IsOptional()
  @IsBoolean()
  sound?: boolean;
}
