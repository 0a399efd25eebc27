import { Body, Controller, Headers, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentAccount } from '../access/current-account.decorator.js';
import type { AccountPrincipal } from '../access/principal.js';
import { AccountService } from './account.service.js';
import { AvailabilityDto, SignatureDto, UpdateMeDto } from './dto/account.dto.js';
import { Unmasked } from '../access/unmasked.decorator.js';
import { AccountLanguageViewDto, AccountViewDto } from './dto/account-view.dto.js';
import { withLanguage } from './language.js';

@ApiTags('me')
@ApiBearerAuth()
// Staff data (or no data): outbound PII masking does not apply.
@Unmasked()
@Controller('api/me')
export class MeController {
  constructor(private readonly accounts: AccountService) {}

  /** The account's own preferences: today the console's language. (GET /api/me is the routing lib's: it adds the agent state.) */
  @Put()
  @ApiOkResponse({ type: AccountLanguageViewDto })
  async update(
    @Body() dto: UpdateMeDto,
    @CurrentAccount() me: AccountPrincipal,
    @Headers('accept-language') acceptLanguage?: string,
  ): Promise<AccountLanguageViewDto> {
    return withLanguage(await this.accounts.setLanguage(me.id, dto.language), acceptLanguage);
  }

  @Put('availability')
  @ApiOkResponse({ type: AccountViewDto })
  setAvailability(@Body() dto: AvailabilityDto, @CurrentAccount() me: AccountPrincipal): Promise<AccountViewDto> {
    return this.accounts.setAvailability(me.id, dto.available ? 'available' : 'unavailable');
  }

  @Put('signature')
  @ApiOkResponse({ type: AccountViewDto })
  setSignature(@Body() dto: SignatureDto, @CurrentAccount() me: AccountPrincipal): Promise<AccountViewDto> {
    return this.accounts.setSignature(me.id, dto.signature ?? null);
  }
}
