import { defaultMetadataStorage as transformerStorage } from 'class-transformer/cjs/storage.js';
import { getMetadataStorage, ValidationTypes, type ValidationArguments } from 'class-validator';
import { validationMetadataGeneration } from './validation-metadata-cache.js';

type Condition = (object: object, value: unknown) => boolean;
interface Rule {
  constraints: unknown[];
  validators: Array<{ validate(value: unknown, args: ValidationArguments): unknown }>;
}
interface Property {
  name: string;
  conditions: Condition[];
  rules: Rule[];
}
interface Plan {
  cls: new () => object;
  names: Set<string>;
  properties: Property[];
}
/** Only for classes the precheck can decide alone; null: always take the full path. */
type Compiled = Plan | null;

/** class-transformer's TransformationType.PLAIN_TO_CLASS. */
const PLAIN_TO_CLASS = 0;

/**
 * The fast path for flat DTOs (socket payloads first of all: every chat message is one).
 * plainToInstance + validate() allocate a transformer, an executor, error objects and metadata
 * groupings per call: about a fifth of the server's allocations per chat message (bench/portal).
 * For a payload whose values are all primitives and a class with only synchronous, non-`each`
 * rules and `@IsOptional`-style conditions (no @Type/@Transform/@Expose/@Exclude, no nesting), the
 * same checks run here: the same constraint validators with the same arguments, the same
 * whitelist. Anything else, and every payload that fails a check, takes the full path, which
 * produces the error messages: the precheck only ever answers "valid, here is the instance".
 */
export class DtoPrecheck {
  private plans = new Map<Function, Compiled>();
  private generation = validationMetadataGeneration();

  /** The DTO instance when the payload passes every rule; null when the full path must decide. */
  run<T extends object>(cls: new () => T, input: Record<string, unknown>): T | null {
    // Rules registered later (plugins, late decorators) invalidate every plan.
    if (this.generation !== validationMetadataGeneration()) {
      this.plans = new Map();
      this.generation = validationMetadataGeneration();
    }
    let plan = this.plans.get(cls);
    if (plan === undefined) this.plans.set(cls, (plan = compile(cls)));
    if (!plan) return null;
    for (const key in input) {
      if (!Object.prototype.hasOwnProperty.call(input, key)) continue;
      if (!plan.names.has(key)) return null;
      const value = input[key];
      // Nested values are copied and typed by class-transformer: full path.
      if (value !== null && typeof value === 'object') return null;
    }
    const instance = new plan.cls() as Record<string, unknown>;
    for (const key in input) if (Object.prototype.hasOwnProperty.call(input, key)) instance[key] = input[key];
    for (const p of plan.properties) {
      const value = instance[p.name];
      let applies = true;
      for (const c of p.conditions) applies = c(instance, value) && applies;
      if (!applies) continue;
      for (const rule of p.rules) {
        const args: ValidationArguments = {
          targetName: cls.name,
          property: p.name,
          object: instance,
          value,
          constraints: rule.constraints,
        };
        for (const v of rule.validators) if (v.validate(value, args) !== true) return null;
      }
    }
    return instance as T;
  }
}

function compile(cls: new () => object): Compiled {
  const storage = getMetadataStorage();
  // The same lookup ValidationExecutor makes (no schema, no groups, not "always").
  const metadatas = storage.getTargetValidationMetadatas(cls, undefined as unknown as string, false, false, undefined);
  if (!metadatas.length) return null;
  if (
    transformerStorage.getStrategy(cls) !== 'none' ||
    transformerStorage.getExposedMetadatas(cls).length ||
    transformerStorage.getExcludedMetadatas(cls).length
  )
    return null;
  const grouped = storage.groupByPropertyName(metadatas);
  const properties: Property[] = [];
  for (const [name, list] of Object.entries(grouped)) {
    if (
      name === '__proto__' ||
      transformerStorage.findTypeMetadata(cls, name) ||
      transformerStorage.findTransformMetadatas(cls, name, PLAIN_TO_CLASS).length
    )
      return null;
    const property: Property = { name, conditions: [], rules: [] };
    for (const m of list) {
      if (m.type === ValidationTypes.CONDITIONAL_VALIDATION) {
        property.conditions.push(m.constraints[0] as Condition);
      } else if (m.type === ValidationTypes.CUSTOM_VALIDATION && !m.each && !m.validateIf) {
        const constraints = storage.getTargetValidatorConstraints(m.constraintCls);
        if (!constraints.length || constraints.some((c) => c.async)) return null;
        property.rules.push({ constraints: m.constraints, validators: constraints.map((c) => c.instance) });
      } else {
        // @ValidateNested, @Allow, @IsDefined, promise validation, `each`, validateIf: full path.
        return null;
      }
    }
    properties.push(property);
  }
  const names = new Set(properties.map((p) => p.name));
  // Own properties a fresh instance has (field initialisers) must be declared too, as whitelist demands.
  if (Object.keys(new cls()).some((k) => !names.has(k))) return null;
  return { cls, names, properties };
}
