import { ApiProperty } from '@nestjs/swagger';

// Response shape for the OpenAPI document (the web's generated types); the service returns QuickReplyView.
export class QuickReplyViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true, description: 'French name (null: show name)' }) nameFr: string | null;
  @ApiProperty() body: string;
  @ApiProperty({ type: String, nullable: true, description: 'French text (null: body for everyone)' })
  bodyFr: string | null;
  @ApiProperty({ description: 'Visible to every technician (else only to its owner)' }) shared: boolean;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) ownerId: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}
