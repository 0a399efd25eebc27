import { ApiProperty } from '@nestjs/swagger';

// Response shapes for the OpenAPI document (the web's generated types); the service returns CompanyView.

export class CompanyViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class CompanyPageDto {
  @ApiProperty({ type: [CompanyViewDto] }) items: CompanyViewDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
