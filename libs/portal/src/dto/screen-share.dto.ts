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
