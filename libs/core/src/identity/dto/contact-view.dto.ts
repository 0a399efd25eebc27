import { ApiProperty } from '@nestjs/swagger';

// Response shapes for the OpenAPI document (the web's generated types); the service returns ContactView.

export class ContactViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) companyId: string;
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
  @ApiProperty({ type: String, nullable: true }) phone: string | null;
  @ApiProperty({ enum: ['en', 'fr'], nullable: true, description: "null: the company's default" })
  language: 'en' | 'fr' | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class ContactPageDto {
  @ApiProperty({ type: [ContactViewDto] }) items: ContactViewDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
