import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DomainEventBus } from '../events/domain-event-bus.service.js';
import { SettingsService } from '../settings/settings.service.js';
import { MASKING_MODE_RANK, MASKING_MODES, MaskingMode } from './masking-engine.js';
import { maskPayloadWith } from './payload-walker.js';
import { PiiMaskingRegistry } from './pii-masking.registry.js';

export interface MaskingPolicy {
  mode: MaskingMode;
  /** Entity types to mask; undefined = all the engine knows. */
  types: readonly string[] | undefined;
}

/** Companies whose text is masked: all but `except` when `byDefault`, else only `except`. */
export interface MaskedScope {
  byDefault: boolean;
  except: string[];
}

interface Snapshot {
  global: MaskingPolicy;
  companies: Map<string, MaskingPolicy>;
  /** For payloads without a company scope: the strictest policy of any company (safe default). */
  fallback: MaskingPolicy;
}

export const MASKING_SETTING_KEYS = ['masking.mode', 'masking.types'] as const;
/** Background refresh period. With the query time, a setting changed on another instance applies here within 2 s. */
export const MASKING_REFRESH_MS = 1000;

/** Downloads read as text: masked on the way out. */
const TEXT_TYPE = /^(text\/|application\/(json|xml|csv|x-ndjson|rtf)|message\/rfc822)/i;

const OFF: MaskingPolicy = { mode: 'off', types: undefined };
const isMode = (v: unknown): v is MaskingMode =>
  typeof v === 'string' && (MASKING_MODES as readonly string[]).includes(v);
const isTypes = (v: unknown): v is string[] => Array.isArray(v) && v.every((t) => typeof t === 'string');

/**
 * The one place that decides what technicians, plugins and the database see of PII.
 *
 * Modes are resolved synchronously from an in-process snapshot of the `masking.*` settings:
 * loaded at boot, reloaded on `setting.changed` (this instance: effective before the settings
 * API answers) and every MASKING_REFRESH_MS in the background (changes made on another
 * instance: effective within 2 s). The hot path (socket emits, HTTP responses) never awaits.
 */
@Injectable()
export class PiiMasker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Masking');
  private snapshot: Snapshot = { global: OFF, companies: new Map(), fallback: OFF };
  private timer: ReturnType<typeof setInterval> | null = null;
  private unsubscribe: (() => void) | null = null;
  private loadSeq = 0;
  private appliedSeq = 0;

  constructor(
    private readonly registry: PiiMaskingRegistry,
    private readonly settings: SettingsService,
    private readonly events: DomainEventBus,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.unsubscribe = this.events.subscribe('setting.changed', async (p) => {
      if ((MASKING_SETTING_KEYS as readonly string[]).includes(p.key)) await this.refresh();
    });
    await this.refresh();
    this.timer = setInterval(() => void this.refresh().catch(() => undefined), MASKING_REFRESH_MS);
    this.timer.unref?.();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.unsubscribe?.();
  }

  /** Reload the settings snapshot now (tests, and after a change on this instance). */
  async refresh(): Promise<void> {
    const seq = ++this.loadSeq;
    let rows: { scopeKey: string; key: string; value: unknown }[];
    try {
      rows = await this.settings.overrides([...MASKING_SETTING_KEYS]);
    } catch (error) {
      this.logger.warn({ err: error }, 'Could not reload the masking settings; keeping the previous ones');
      return;
    }
    if (seq < this.appliedSeq) return; // a newer load already applied
    this.appliedSeq = seq;
    this.snapshot = build(rows);
  }

  policy(companyId: string | null | undefined): MaskingPolicy {
    if (!companyId) return this.snapshot.fallback;
    return this.snapshot.companies.get(companyId) ?? this.snapshot.global;
  }

  mode(companyId: string | null | undefined): MaskingMode {
    return this.policy(companyId).mode;
  }

  /**
   * Which companies' text technicians see masked, as "every company but `except`" (byDefault) or
   * "only `except`": the shape a query filter needs (search matches masked text there, #13.2).
   */
  maskedCompanies(): MaskedScope {
    const byDefault = this.snapshot.global.mode !== 'off';
    const except: string[] = [];
    for (const [id, p] of this.snapshot.companies) if ((p.mode !== 'off') !== byDefault) except.push(id);
    return { byDefault, except };
  }

  /** True when some company (or the global default) masks: otherwise payloads pass untouched. */
  get active(): boolean {
    return this.snapshot.fallback.mode !== 'off';
  }

  /** Outbound: text as a technician / plugin may see it (display and ingest modes). */
  maskText(text: string, companyId: string | null | undefined): string {
    const p = this.policy(companyId);
    return p.mode === 'off' ? text : this.registry.current.mask(text, p.types);
  }

  /**
   * Inbound: call on every write path of free text before it is stored, logged or published.
   * Masks only in `ingest` mode; the raw value then never reaches the database.
   */
  maskInbound(text: string, companyId: string | null | undefined): string;
  maskInbound(text: string | null, companyId: string | null | undefined): string | null;
  maskInbound(text: string | null, companyId: string | null | undefined): string | null {
    if (text == null) return text;
    const p = this.policy(companyId);
    return p.mode === 'ingest' ? this.registry.current.mask(text, p.types) : text;
  }

  /**
   * Whether `maskDownload` may change such a file: then it is read whole (at most 20 MB) and masked;
   * otherwise it streams from the storage as stored.
   */
  rewritesDownload(contentType: string, companyId: string | null | undefined): boolean {
    if (!companyId ? !this.active : this.mode(companyId) === 'off') return false;
    return TEXT_TYPE.test(contentType);
  }

  /**
   * Outbound: a file a technician downloads (attachment, chat file). Text formats are masked like any
   * other text (#13.3: downloads are written with @Res(), past the interceptor); binary formats cannot
   * be, and are served as stored.
   */
  maskDownload(contentType: string, data: Buffer, companyId: string | null | undefined): Buffer {
    if (!this.rewritesDownload(contentType, companyId)) return data;
    const text = data.toString('utf8');
    const masked = this.maskText(text, companyId);
    return masked === text ? data : Buffer.from(masked, 'utf8');
  }

  /**
   * Outbound: a masked copy of a JSON payload (HTTP responses to technicians, agent socket events,
   * plugin event payloads). Company scope: the nearest object with `companyId`, else `companyId`
   * given here, else the strictest policy of any company. Synchronous.
   */
  maskPayload<T>(payload: T, companyId: string | null = null): T {
    if (!this.active) return payload;
    return maskPayloadWith(payload, companyId, (text, scope) => this.maskText(text, scope)) as T;
  }
}

function build(rows: { scopeKey: string; key: string; value: unknown }[]): Snapshot {
  const global: MaskingPolicy = { mode: 'off', types: undefined };
  const overrides = new Map<string, { mode?: MaskingMode; types?: string[] }>();
  for (const r of rows) {
    if (r.scopeKey === 'global') {
      if (r.key === 'masking.mode' && isMode(r.value)) global.mode = r.value;
      if (r.key === 'masking.types' && isTypes(r.value)) global.types = r.value;
      continue;
    }
    if (!r.scopeKey.startsWith('company:')) continue;
    const id = r.scopeKey.slice('company:'.length);
    const o = overrides.get(id) ?? {};
    if (r.key === 'masking.mode' && isMode(r.value)) o.mode = r.value;
    if (r.key === 'masking.types' && isTypes(r.value)) o.types = r.value;
    overrides.set(id, o);
  }
  const companies = new Map<string, MaskingPolicy>();
  for (const [id, o] of overrides) companies.set(id, { mode: o.mode ?? global.mode, types: o.types ?? global.types });
  // Unknown scope: the strictest mode anywhere, masking the union of the types in use.
  const all = [global, ...companies.values()];
  const active = all.filter((p) => p.mode !== 'off');
  const mode = all.reduce<MaskingMode>(
    (m, p) => (MASKING_MODE_RANK[p.mode] > MASKING_MODE_RANK[m] ? p.mode : m),
    'off',
  );
  const types = active.some((p) => !p.types) ? undefined : [...new Set(active.flatMap((p) => p.types ?? []))];
  return { global, companies, fallback: { mode, types } };
}
