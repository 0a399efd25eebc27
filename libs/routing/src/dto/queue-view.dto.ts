import { ApiProperty } from '@nestjs/swagger';

// Response shapes for the OpenAPI document (the web's generated types); the service returns QueueView.

export class QueueViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: [String] }) companyIds: string[];
  @ApiProperty({ type: [String] }) memberIds: string[];
  @ApiProperty() offerTimeoutSeconds: number;
  @ApiProperty() maxWaitSeconds: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}
