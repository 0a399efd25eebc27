import { IsUUID } from 'class-validator';

/** `contact.accept` / `contact.decline` on /agent. */
export class ContactOfferRefDto {
  @IsUUID()
  conversationId: string;
}
