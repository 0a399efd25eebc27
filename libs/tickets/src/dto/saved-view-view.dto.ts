import { ApiProperty } from '@nestjs/swagger';
import { SavedViewFiltersDto } from './saved-view.dto.js';

// Response shapes for the OpenAPI document (the web's generated types); the services return SavedViewView.
export class SavedViewViewDto {
  @ApiProperty({ description: 'a built-in view key (mine, unassigned, waiting, open) or the saved view id' })
  id: string;
  @ApiProperty({ description: 'English name (the web translates built-in ones by id)' }) name: string;
  @ApiProperty({ description: 'Built-in: cannot be renamed or deleted' }) builtIn: boolean;
  @ApiProperty({ type: SavedViewFiltersDto }) filters: SavedViewFiltersDto;
  @ApiProperty() position: number;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) createdAt: string | null;
}

export class SavedViewWithCountDto extends SavedViewViewDto {
  @ApiProperty({
    description: 'Tickets the list shows with these filters, for the caller, up to SWITCHBOARD_VIEW_COUNT_LIMIT',
  })
  count: number;
  @ApiProperty({ description: 'More tickets than `count` match (the count stopped at its limit): show "1000+"' })
  countCapped: boolean;
}
