import { readFileSync } from 'node:fs';
import path from 'node:path';
import { get_dmmf as getDmmf } from '@prisma/prisma-schema-wasm';

/**
 * Reads schema.prisma through Prisma's own parser (the WASM build of prisma-fmt, which works
 * offline) and returns the parts of the DMMF datamodel we use: models with fields, enums and
 * indexes. The generated client's runtime data model lacks nullability and indexes, so tools
 * that need the whole shape (migration drafting, the drift test, enum checks) use this.
 */

export const defaultSchemaPath = path.resolve(__dirname, '../schema.prisma');

export type DmmfNativeType = [name: string, args: string[]];

export type DmmfFieldDefault = string | number | boolean | { name: string; args: unknown[] };

export type DmmfField = {
  name: string;
  dbName?: string | null;
  kind: 'scalar' | 'enum' | 'object' | 'unsupported';
  isList: boolean;
  isRequired: boolean;
  isUnique: boolean;
  isId: boolean;
  isUpdatedAt: boolean;
  hasDefaultValue: boolean;
  default?: DmmfFieldDefault;
  type: string;
  nativeType?: DmmfNativeType | null;
  relationName?: string;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
  relationOnUpdate?: string;
};

export type DmmfModel = {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
  primaryKey: { name: string | null; fields: string[] } | null;
};

export type DmmfEnum = {
  name: string;
  dbName?: string | null;
  values: { name: string; dbName: string | null }[];
};

export type DmmfIndex = {
  model: string;
  type: 'id' | 'unique' | 'normal' | 'fulltext';
  isDefinedOnField: boolean;
  name?: string | null;
  dbName?: string | null;
  fields: { name: string }[];
};

export type Datamodel = {
  models: DmmfModel[];
  enums: DmmfEnum[];
  indexes: DmmfIndex[];
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Shallow shape check: the DMMF is produced by Prisma, we only guard against a format change. */
function isDatamodel(value: unknown): value is Datamodel {
  return (
    isRecord(value) &&
    Array.isArray(value.models) &&
    Array.isArray(value.enums) &&
    Array.isArray(value.indexes) &&
    value.models.every((model: unknown) => isRecord(model) && typeof model.name === 'string' && Array.isArray(model.fields))
  );
}

export function parseDatamodel(schemaText: string): Datamodel {
  const dmmf: unknown = JSON.parse(getDmmf(JSON.stringify({ prismaSchema: [['schema.prisma', schemaText]] })));
  const datamodel = isRecord(dmmf) ? dmmf.datamodel : undefined;
  if (!isDatamodel(datamodel)) throw new Error('Unexpected DMMF format from @prisma/prisma-schema-wasm');
  return datamodel;
}

export function readDatamodel(schemaPath: string = defaultSchemaPath): Datamodel {
  return parseDatamodel(readFileSync(schemaPath, 'utf8'));
}

export function tableName(model: DmmfModel): string {
  return model.dbName ?? model.name;
}

export function columnName(field: DmmfField): string {
  return field.dbName ?? field.name;
}

/** Fields stored as columns (scalars and enums; relation fields are not columns). */
export function columnFields(model: DmmfModel): DmmfField[] {
  return model.fields.filter((field) => field.kind === 'scalar' || field.kind === 'enum');
}

/** Relation fields that hold the foreign key (the side with `fields: [...]`). */
export function foreignKeyFields(model: DmmfModel): DmmfField[] {
  return model.fields.filter((field) => field.kind === 'object' && (field.relationFromFields?.length ?? 0) > 0);
}

export function findModel(datamodel: Datamodel, name: string): DmmfModel {
  const model = datamodel.models.find((candidate) => candidate.name === name);
  if (!model) throw new Error(`Model ${name} is not in the schema`);
  return model;
}

export function findField(model: DmmfModel, name: string): DmmfField {
  const field = model.fields.find((candidate) => candidate.name === name);
  if (!field) throw new Error(`Field ${model.name}.${name} is not in the schema`);
  return field;
}

/** Enum name → its values as stored in the database (respecting @map on values). */
export function enumValues(datamodel: Datamodel): Map<string, string[]> {
  return new Map(datamodel.enums.map((dmmfEnum) => [dmmfEnum.name, dmmfEnum.values.map((value) => value.dbName ?? value.name)]));
}
