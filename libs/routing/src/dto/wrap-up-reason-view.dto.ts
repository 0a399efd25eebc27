import { ApiProperty } from '@nestjs/swagger';

export class WrapUpReasonViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() label: string;
  @ApiProperty({ type: String, nullable: true, description: 'French label (null: show label)' }) labelFr: string | null;
  @ApiProperty() active: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}
