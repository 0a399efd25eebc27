import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';

/** "My tickets": where to mail the sign-in link. */
export class PortalSignInRequestDto {
  @ApiProperty()
  @IsEmail()
  @MaxLength(320)
  email: string;

  @ApiPropertyOptional({ enum: ['en', 'fr'], description: 'Language of the mail (else Accept-Language)' })
  @IsOptional()
  @IsIn(['en', 'fr'])
  language?: 'en' | 'fr';
}

/** The token of the mailed link. */
export class PortalSessionRequestDto {
  @ApiProperty()
  @IsString()
  @Length(20, 100)
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'token must be the value of the link' })
  token: string;
}

export class PortalSessionDto {
  @ApiProperty({ description: 'Also set as the httpOnly sb_portal cookie; `Authorization: Portal <token>`' })
  accessToken: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
}

export class PortalSignInAcceptedDto {
  @ApiProperty({ description: 'Always true: the answer does not say whether the address is known' })
  accepted: boolean;
}
