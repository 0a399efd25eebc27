import { ApiProperty } from '@nestjs/swagger';

// Response shape for the OpenAPI document (the web's generated types); the service returns TicketStatusView.
export class TicketStatusViewDto {
  @ApiProperty({ example: 'in_progress' }) key: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true, description: 'French label (null: show name)' }) nameFr: string | null;
  @ApiProperty({ enum: ['open', 'pending', 'done'] }) category: 'open' | 'pending' | 'done';
  @ApiProperty({ description: 'Shipped with the product (cannot be deleted)' }) builtIn: boolean;
  @ApiProperty() position: number;
}
