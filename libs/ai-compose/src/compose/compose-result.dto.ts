import { ApiProperty } from '@nestjs/swagger';

export class ComposeResultDto {
  @ApiProperty({ description: 'The draft for the reply box; nothing is sent' }) text!: string;
}

export class AiCapabilitiesDto {
  @ApiProperty({ description: 'A compose provider is enabled (the reply box shows Compose with AI)' })
  compose!: boolean;

  @ApiProperty({ description: 'A sentiment provider is enabled' }) sentiment!: boolean;
}
