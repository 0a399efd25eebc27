import { ApiProperty } from '@nestjs/swagger';

// Response shapes for the OpenAPI document (the web's generated types); the service returns AccountView.

export class AccountViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: ['admin', 'technician'] }) role: 'admin' | 'technician';
  @ApiProperty({ enum: ['available', 'unavailable'] }) availability: 'available' | 'unavailable';
  @ApiProperty({ type: String, nullable: true, description: 'Sign-off under email replies; null: the name' })
  signature: string | null;
  @ApiProperty({ enum: ['en', 'fr'], nullable: true, description: 'Chosen console language; null: the browser’s' })
  language: 'en' | 'fr' | null;
  @ApiProperty({ description: 'Sees every company (companyIds is then empty)' }) allCompanies: boolean;
  @ApiProperty({ type: [String] }) companyIds: string[];
  @ApiProperty({ type: [String] }) permissions: string[];
  @ApiProperty() active: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

/** The account with the language the console should speak now (`GET`/`PUT /api/me`). */
export class AccountLanguageViewDto extends AccountViewDto {
  @ApiProperty({ enum: ['en', 'fr'], description: 'The language to use: the chosen one, else the browser’s' })
  declare language: 'en' | 'fr';
  @ApiProperty({ enum: ['account', 'browser'], description: 'Whether the account chose it or it follows the browser' })
  languageSource: 'account' | 'browser';
}

export class AccountPageDto {
  @ApiProperty({ type: [AccountViewDto] }) items: AccountViewDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
