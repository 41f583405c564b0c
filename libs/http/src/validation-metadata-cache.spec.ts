import { getMetadataStorage, IsInt, IsString, MinLength, validate } from 'class-validator';
import { createValidationPipe } from './validation';
import { cacheValidationMetadataLookups } from './validation-metadata-cache';

class Base {
  @IsString() name!: string;
}

const storage = getMetadataStorage();
const lookup = (target: object) => storage.getTargetValidationMetadatas(target as never, '', false, false, undefined);
const rulesOf = (target: object) => lookup(target).map((m) => `${m.propertyName}:${m.name ?? m.type}`).sort();

describe('cached class-validator metadata lookups', () => {
  beforeAll(() => cacheValidationMetadataLookups());

  it('hands out the same rules, once worked out, for the same class and options', () => {
    const original = Object.getPrototypeOf(storage).getTargetValidationMetadatas.call(storage, Base, '', false, false, undefined);
    expect(lookup(Base)).toBe(lookup(Base));
    expect(lookup(Base)).toEqual(original);
    expect(storage.groupByPropertyName(lookup(Base))).toBe(storage.groupByPropertyName(lookup(Base)));
    // An array that is not one it handed out is grouped afresh every time (it may change).
    const foreign = [...lookup(Base)];
    expect(storage.groupByPropertyName(foreign)).not.toBe(storage.groupByPropertyName(foreign));
    // Installing twice wraps once.
    const installed = storage.getTargetValidationMetadatas;
    cacheValidationMetadataLookups();
    expect(storage.getTargetValidationMetadatas).toBe(installed);
  });

  it('hands out frozen arrays and groupings: a caller cannot change the rules every later request is checked by', () => {
    const rules = lookup(Base);
    const grouped = storage.groupByPropertyName(rules);
    expect(Object.isFrozen(rules)).toBe(true);
    expect(Object.isFrozen(grouped)).toBe(true);
    expect(Object.values(grouped).every((byProperty) => Object.isFrozen(byProperty))).toBe(true);
    // Modules are strict: the write throws rather than quietly dropping a rule for every request.
    expect(() => (rules as unknown[]).pop()).toThrow(TypeError);
    expect(() => {
      (grouped as Record<string, unknown>).name = [];
    }).toThrow(TypeError);
    expect(rulesOf(Base)).toEqual(['name:isString']);
  });

  it('forgets what it kept when a rule is registered later (a subclass, a rule added to a known class)', async () => {
    expect(rulesOf(Base)).toEqual(['name:isString']);
    class Later extends Base {
      @IsInt() count!: number;
    }
    expect(rulesOf(Later)).toEqual(['count:isInt', 'name:isString']);
    MinLength(3)(Base.prototype, 'name');
    expect(rulesOf(Base)).toEqual(['name:isString', 'name:minLength']);
    expect(rulesOf(Later)).toEqual(['count:isInt', 'name:isString', 'name:minLength']);
    const short = Object.assign(new Later(), { name: 'ab', count: 1 });
    expect((await validate(short)).map((e) => Object.keys(e.constraints ?? {}))).toEqual([['minLength']]);
  });

  it('still refuses unknown fields and wrong types through the api\'s pipe', async () => {
    class Body {
      @IsString() title!: string;
    }
    const pipe = createValidationPipe();
    await expect(pipe.transform({ title: 'ok' }, { type: 'body', metatype: Body })).resolves.toEqual({ title: 'ok' });
    await expect(pipe.transform({ title: 'ok', admin: true }, { type: 'body', metatype: Body })).rejects.toMatchObject({ problemStatus: 400 });
    await expect(pipe.transform({ title: 3 }, { type: 'body', metatype: Body })).rejects.toMatchObject({ problemStatus: 400 });
  });
});
