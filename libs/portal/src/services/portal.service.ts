import { Injectable } from '@nestjs/common';
import {
  AccessPolicy,
  AppConfig,
  Clock,
  CompanyService,
  ConflictError,
  NotFoundError,
  ValidationFailedError,
  newId,
  type AccountPrincipal,
} from '@switchboard/core';
import { ChatAvailability, QueueService } from '@switchboard/routing';
import type { CreatePortalDto, PortalProactiveDto, UpdatePortalDto } from '../dto/portal.dto.js';
import { PortalEntity, type PortalProactive } from '../entities/portal.entity.js';
import { PORTAL_UNAVAILABLE_LINE } from '@switchboard/contracts';
import { type PortalView, type PublicPortalView } from '../portal.types.js';
import { type PortalLanguage } from '../sign-in/portal-sign-in.mail.js';
import { PortalRepository } from '../repositories/portal.repository.js';
import { PortalChannel } from './portal-channel.service.js';
import { normaliseSubdomain } from './subdomain.rules.js';

/** Portals: admin CRUD, the public view a visitor gets, embed snippets. */
@Injectable()
export class PortalService {
  constructor(
    private readonly portals: PortalRepository,
    private readonly companies: CompanyService,
    private readonly access: AccessPolicy,
    private readonly availability: ChatAvailability,
    private readonly channel: PortalChannel,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly queues: QueueService,
  ) {}

  /** Optional wildcard base domain (`<subdomain>.<base>`), SWITCHBOARD_PORTAL_BASE_DOMAIN=help.example.com. */
  get baseDomain(): string | null {
    return this.config.portalBaseDomain;
  }

  async create(dto: CreatePortalDto): Promise<PortalView> {
    const subdomain = normaliseSubdomain(dto.subdomain);
    if (!(await this.companies.exists(dto.companyId)))
      throw new ValidationFailedError('Unknown company', { companyId: [`company ${dto.companyId} does not exist`] });
    if (await this.portals.findByCompany(dto.companyId)) throw new ConflictError('This company already has a portal');
    await this.assertSubdomainFree(subdomain);
    const company = await this.companies.get(dto.companyId);
    const now = this.clock.now();
    const portal = Object.assign(new PortalEntity(), {
      id: newId(),
      companyId: dto.companyId,
      subdomain,
      status: dto.status,
      name: dto.name?.trim() || company.name,
      colors: { ...dto.colors },
      logoUrl: dto.logoUrl ?? null,
      welcomeText: dto.welcomeText ?? null,
      screenSharing: dto.screenSharing ?? false,
      proactive: proactiveRules(dto.proactive),
      channelConfig: this.checkedConfig(dto.channelConfig ?? {}),
      routing: dto.routing ?? 'pool',
      queueId: dto.queueId ?? null,
      createdAt: now,
      updatedAt: now,
    });
    await this.checkRouting(portal);
    await this.insertUnique(portal);
    return this.view(portal);
  }

  async list(companyId: string | undefined, viewer: AccountPrincipal): Promise<PortalView[]> {
    let filter = this.access.companyFilter(viewer);
    if (companyId) filter = filter ? filter.filter((c) => c === companyId) : [companyId];
    return Promise.all((await this.portals.list(filter)).map((p) => this.view(p)));
  }

  async get(id: string, viewer: AccountPrincipal): Promise<PortalView> {
    return this.view(await this.load(id, viewer));
  }

  async update(id: string, dto: UpdatePortalDto, viewer: AccountPrincipal): Promise<PortalView> {
    const portal = await this.load(id, viewer);
    if (dto.subdomain !== undefined) {
      const subdomain = normaliseSubdomain(dto.subdomain);
      if (subdomain !== portal.subdomain) await this.assertSubdomainFree(subdomain);
      portal.subdomain = subdomain;
    }
    if (dto.status !== undefined) portal.status = dto.status;
    if (dto.name !== undefined) portal.name = dto.name.trim();
    if (dto.colors !== undefined) portal.colors = { ...dto.colors };
    if (dto.logoUrl !== undefined) portal.logoUrl = dto.logoUrl;
    if (dto.welcomeText !== undefined) portal.welcomeText = dto.welcomeText;
    if (dto.screenSharing !== undefined) portal.screenSharing = dto.screenSharing;
    if (dto.proactive !== undefined) portal.proactive = proactiveRules(dto.proactive);
    if (dto.channelConfig !== undefined) portal.channelConfig = this.checkedConfig(dto.channelConfig);
    if (dto.routing !== undefined) portal.routing = dto.routing;
    if (dto.queueId !== undefined) portal.queueId = dto.queueId;
    await this.checkRouting(portal);
    portal.updatedAt = this.clock.now();
    await this.insertUnique(portal, true);
    return this.view(portal);
  }

  async remove(id: string, viewer: AccountPrincipal): Promise<void> {
    await this.load(id, viewer);
    await this.portals.deleteById(id);
  }

  async embed(id: string, viewer: AccountPrincipal, origin: string) {
    const portal = await this.load(id, viewer);
    const base = (this.config.publicUrl ?? origin).replace(/\/$/, '');
    const pathUrl = `${base}/p/${portal.subdomain}`;
    const subdomainUrl = this.subdomainUrl(portal.subdomain);
    const scriptUrl = `${pathUrl}/embed.js`;
    const windowName = `switchboard-${portal.subdomain}`;
    return {
      standaloneUrls: subdomainUrl ? [subdomainUrl, pathUrl] : [pathUrl],
      popupSnippet: `<a href="${pathUrl}" onclick="window.open(this.href,'${windowName}','width=420,height=640,resizable=yes');return false;">Chat with us</a>`,
      embedSnippet: `<script src="${scriptUrl}" async></script>`,
      scriptUrl,
    };
  }

  /**
   * What a visitor of `subdomain` gets: the chat form, the support-request form, or "unavailable"
   * (`view` is the stable code; `message` says why in the visitor's language, #16).
   */
  async publicView(subdomain: string, language: PortalLanguage = 'en'): Promise<PublicPortalView> {
    const portal = await this.bySubdomain(subdomain);
    const base = {
      name: portal.name,
      subdomain: portal.subdomain,
      colors: portal.colors ?? {},
      logoUrl: portal.logoUrl,
      welcomeText: portal.welcomeText,
      maxLength: this.channel.maxLength(),
    };
    if (!this.isOpen(portal)) return { ...base, view: 'unavailable', message: PORTAL_UNAVAILABLE_LINE[language] };
    // Pool: anyone serving the company; queue: a member who could take an offer now (libs/routing).
    const reachable = await this.availability.anyoneAvailable(
      portal.companyId,
      portal.routing === 'queue' ? portal.queueId : null,
    );
    return { ...base, view: reachable ? 'chat' : 'support_request' };
  }

  async bySubdomain(subdomain: string): Promise<PortalEntity> {
    const portal = await this.portals.findBySubdomain(String(subdomain).slice(0, 63));
    if (!portal) throw new NotFoundError('Portal', subdomain);
    return portal;
  }

  findById(id: string): Promise<PortalEntity | null> {
    return this.portals.findById(id);
  }

  /** Accepting submissions: active and the live chat channel plugin enabled. */
  isOpen(portal: PortalEntity): boolean {
    return portal.status === 'active' && this.channel.enabled();
  }

  private subdomainUrl(subdomain: string): string | null {
    return this.baseDomain ? `https://${subdomain}.${this.baseDomain}/` : null;
  }

  private checkedConfig(config: Record<string, unknown>): Record<string, unknown> {
    const result = this.channel.validateConfig(config);
    if (!result.valid) {
      const fieldErrors = Object.fromEntries(
        Object.entries(result.fieldErrors).map(([k, v]) => [`channelConfig.${k}`, v]),
      );
      throw new ValidationFailedError('Invalid live chat settings', fieldErrors);
    }
    return result.values;
  }

  /** Queue routing needs a queue that takes this portal's company (else its chats would reach nobody). */
  private async checkRouting(portal: PortalEntity): Promise<void> {
    if (portal.routing !== 'queue') return;
    if (!portal.queueId)
      throw new ValidationFailedError('Queue routing needs a queue', { queueId: ['required when routing is "queue"'] });
    const queue = await this.queues.findById(portal.queueId);
    if (!queue)
      throw new ValidationFailedError('Unknown queue', { queueId: [`queue ${portal.queueId} does not exist`] });
    if (!queue.companyIds.includes(portal.companyId))
      throw new ValidationFailedError('The queue does not serve this company', {
        queueId: [`queue "${queue.name}" does not take this portal's company`],
      });
  }

  private async assertSubdomainFree(subdomain: string): Promise<void> {
    if (await this.portals.findBySubdomain(subdomain))
      throw new ConflictError(`The subdomain "${subdomain}" is already taken`);
  }

  /** The unique indexes settle races between two admins: answer with the same clear 409. */
  private async insertUnique(portal: PortalEntity, update = false): Promise<void> {
    try {
      if (update) await this.portals.save(portal);
      else await this.portals.insert(portal);
    } catch (error) {
      const other = await this.portals.findBySubdomain(portal.subdomain);
      if (other && other.id !== portal.id)
        throw new ConflictError(`The subdomain "${portal.subdomain}" is already taken`);
      const sameCompany = await this.portals.findByCompany(portal.companyId);
      if (sameCompany && sameCompany.id !== portal.id) throw new ConflictError('This company already has a portal');
      throw error;
    }
  }

  private async load(id: string, viewer: AccountPrincipal): Promise<PortalEntity> {
    const portal = await this.portals.findById(id);
    if (!portal || !this.access.canAccessCompany(viewer, portal.companyId)) throw new NotFoundError('Portal', id);
    return portal;
  }

  private async view(p: PortalEntity): Promise<PortalView> {
    const company = await this.companies.get(p.companyId).catch(() => null);
    return {
      id: p.id,
      companyId: p.companyId,
      companyName: company?.name ?? null,
      subdomain: p.subdomain,
      status: p.status,
      name: p.name,
      colors: p.colors ?? {},
      logoUrl: p.logoUrl,
      welcomeText: p.welcomeText,
      screenSharing: p.screenSharing,
      proactive: p.proactive ?? null,
      routing: p.routing ?? 'pool',
      queueId: p.queueId ?? null,
      channelConfig: p.channelConfig ?? {},
      urls: { path: `/p/${p.subdomain}`, subdomain: this.subdomainUrl(p.subdomain) },
      createdAt: new Date(p.createdAt).toISOString(),
      updatedAt: new Date(p.updatedAt).toISOString(),
    };
  }
}

/** Stored as given, trimmed; blank texts fall back to the widget's default invitation. */
function proactiveRules(dto: PortalProactiveDto | null | undefined): PortalProactive | null {
  if (!dto) return null;
  const text = (value: string | null | undefined) => value?.trim() || null;
  return {
    delaySeconds: dto.delaySeconds,
    urlContains: [...new Set(dto.urlContains.map((u) => u.trim()).filter(Boolean))],
    message: text(dto.message),
    messageFr: text(dto.messageFr),
  };
}
