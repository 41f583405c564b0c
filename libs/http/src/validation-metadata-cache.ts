import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';

type Storage = ReturnType<typeof getMetadataStorage>;
type Lookup = Storage['getTargetValidationMetadatas'];

const CACHED = Symbol('gds.validationMetadataCache');

/**
 * class-validator finds a class's rules anew for every object it validates (nested ones too):
 * `getTargetValidationMetadatas` filters the class's rules and tests `instanceof` against every
 * class that has rules, which grows with the number of DTOs (1.2 % of the api's CPU under the
 * 200-user load, by itself), and `groupByPropertyName` then regroups them. The answer depends only
 * on its arguments and on the rules registered so far, so it is kept per argument set and every
 * entry is forgotten when a rule is registered (decorators run as classes load; @nestjs/swagger's
 * and mapped-types' PartialType, PickType … copy rules at load too). Callers only read the arrays
 * (class-validator's ValidationExecutor, mapped-types' inheritance copies each rule before adding
 * it, Nest's ValidationPipe only iterates), so the same array is handed out each time. Frozen, with
 * the groupings and their arrays: a caller that changed one would change validation for every later
 * request, so that write throws (strict mode) instead. Installed once per process; idempotent.
 */
export function cacheValidationMetadataLookups(storage: Storage = getMetadataStorage()): void {
  const marked = storage as Storage & { [CACHED]?: true };
  if (marked[CACHED]) return;
  marked[CACHED] = true;
  const lookup: Lookup = storage.getTargetValidationMetadatas.bind(storage);
  const group = storage.groupByPropertyName.bind(storage);
  const add = storage.addValidationMetadata.bind(storage);
  let lookups = new Map<unknown, Map<string, ValidationMetadata[]>>();
  // Groupings of the arrays handed out above only: an array of someone else's may change after.
  let groupings = new WeakMap<ValidationMetadata[], Record<string, ValidationMetadata[]> | null>();

  storage.addValidationMetadata = (metadata) => {
    lookups = new Map();
    groupings = new WeakMap();
    add(metadata);
  };
  storage.getTargetValidationMetadatas = (targetConstructor, targetSchema, always, strictGroups, groups) => {
    const key = `${targetSchema ?? ''}\u0000${always}\u0000${strictGroups}\u0000${groups?.length ? JSON.stringify(groups) : ''}`;
    let byArguments = lookups.get(targetConstructor);
    if (!byArguments) lookups.set(targetConstructor, (byArguments = new Map()));
    let metadatas = byArguments.get(key);
    if (!metadatas) {
      byArguments.set(key, (metadatas = Object.freeze(lookup(targetConstructor, targetSchema, always, strictGroups, groups)) as ValidationMetadata[]));
      groupings.set(metadatas, null);
    }
    return metadatas;
  };
  storage.groupByPropertyName = (metadatas) => {
    const grouped = groupings.get(metadatas);
    if (grouped) return grouped;
    if (grouped === undefined) return group(metadatas);
    const made = group(metadatas);
    for (const rules of Object.values(made)) Object.freeze(rules);
    groupings.set(metadatas, Object.freeze(made));
    return made;
  };
}
