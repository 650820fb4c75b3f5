import { prismaEnumSchemas } from '@govpocket/shared';
import { enumValues, readDatamodel } from '../../prisma/src/dmmf';

/** The zod enums in shared/src/enums.ts must list exactly the values of the Prisma enums. */
describe('shared enums mirror the Prisma enums', () => {
  const prismaEnums = enumValues(readDatamodel());
  const shared = new Map<string, readonly string[]>(Object.entries(prismaEnumSchemas).map(([name, schema]) => [name, schema.options]));

  it('has one shared enum for every Prisma enum and no other', () => {
    expect([...shared.keys()].sort()).toEqual([...prismaEnums.keys()].sort());
  });

  it.each([...prismaEnums.entries()])('%s has the same values in the same order', (name, values) => {
    expect(shared.get(name)).toEqual(values);
  });
});
