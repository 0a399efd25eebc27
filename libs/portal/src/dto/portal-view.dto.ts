import { ApiProperty } from '@nestjs/swagger';
import { PortalColorsDto, PortalProactiveDto } from './portal.dto.js';

// Response shapes for the OpenAPI document (the web's generated types); the service returns PortalView.

export class PortalUrlsDto {
  @ApiProperty({ example: 'https://help.example.com/p/acme' }) path: string;
  @ApiProperty({ type: String, nullable: true, example: 'https://acme.help.example.com' }) subdomain: string | null;
}

export class PortalViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) companyId: string;
  @ApiProperty({ type: String, nullable: true }) companyName: string | null;
  @ApiProperty({ example: 'acme' }) subdomain: string;
  @ApiProperty({ enum: ['active', 'inactive'] }) status: 'active' | 'inactive';
  @ApiProperty() name: string;
  @ApiProperty({ type: PortalColorsDto }) colors: PortalColorsDto;
  @ApiProperty({ type: String, nullable: true }) logoUrl: string | null;
  @ApiProperty({ type: String, nullable: true }) welcomeText: string | null;
  @ApiProperty({ description: 'Technicians may ask visitors to share their screen' }) screenSharing: boolean;
  @ApiProperty({ type: PortalProactiveDto, nullable: true }) proactive: PortalProactiveDto | null;
  @ApiProperty({ enum: ['pool', 'queue'] }) routing: 'pool' | 'queue';
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) queueId: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) channelConfig: Record<string, unknown>;
  @ApiProperty({ type: PortalUrlsDto }) urls: PortalUrlsDto;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class PortalEmbedDto {
  @ApiProperty({ type: [String] }) standaloneUrls: string[];
  @ApiProperty({ description: 'A link that opens the chat in a popup window' }) popupSnippet: string;
  @ApiProperty({ description: 'The <script> tag for the launcher button' }) embedSnippet: string;
  @ApiProperty() scriptUrl: string;
}
