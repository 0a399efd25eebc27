import { ApiProperty } from '@nestjs/swagger';

// Response shape for the OpenAPI document (the web's generated types); the service returns ProductFamilyView.
export class ProductFamilyViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}
