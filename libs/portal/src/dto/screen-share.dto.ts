import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min, ValidateIf } from 'class-validator';

export class ScreenRequestDto {
  @IsUUID()
  conversationId: string;
}

export class ScreenSessionRefDto {
  @IsUUID()
  sessionId: string;
}

export class ScreenDeclineDto {
  @IsUUID()
  sessionId: string;

  /** Set by the visitor's page when the browser has no screen capture (mobile): the log says why. */
  @IsOptional()
  @IsIn(['unsupported'])
  reason?: 'unsupported';
}

/** One WebRTC signal: an SDP (offer/answer) or an ICE candidate; relayed as is, so bounded here. */
export class ScreenSignalDto {
  @IsUUID()
  sessionId: string;

  @IsIn(['offer', 'answer', 'candidate'])
  type: 'offer' | 'answer' | 'candidate';

  @ValidateIf((o: ScreenSignalDto) => o.type !== 'candidate')
  @IsString()
  @Length(1, 100_000)
  sdp?: string;

  @ValidateIf((o: ScreenSignalDto) => o.type === 'candidate')
  @IsString()
  @MaxLength(2000)
  candidate?: string;

  @IsOptional()
  @IsString()
  @MaxLength(64)
  sdpMid?: string | null;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(64)
  sdpMLineIndex?: number | null;
}

/** POST /api/screen-sessions/:id/recording: the upload (POST /api/files) that is this session's recording. */
export class AttachScreenRecordingDto {
  @ApiProperty({ format: 'uuid', description: 'An upload of yours from POST /api/files (video/webm or video/mp4)' })
  @IsUUID()
  fileId: string;
}

export class ScreenRecordingViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: 'video/webm' }) contentType: string;
  @ApiProperty() size: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}
