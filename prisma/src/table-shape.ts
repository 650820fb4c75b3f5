import { columnFields, columnName, type Datamodel, type DmmfField, type DmmfModel, enumValues, findField, findModel, foreignKeyFields, tableName } from './dmmf';

/**
 * The MySQL tables a Prisma schema stands for, following Prisma's MySQL conventions: String →
 * VARCHAR(191) unless @db.*, Int → INTEGER, DateTime → DATETIME(3), Json → JSON, enums →
 * ENUM(...), default index names `<Table>_<columns>_idx|_key`, foreign keys
 * `<Table>_<columns>_fkey`. Used to draft migrations and by the drift test to check them.
 */

export type ColumnShape = {
  field: string;
  name: string;
  /** DDL type as Prisma writes it, e.g. VARCHAR(32), DATETIME(3), ENUM('A', 'B'). */
  sqlType: string;
  isNullable: boolean;
  /** DDL default expression (e.g. `0`, `'A'`, CURRENT_TIMESTAMP(3)), or null for none. */
  defaultSql: string | null;
  isAutoIncrement: boolean;
};

export type IndexShape = { name: string; isUnique: boolean; columns: string[] };

export type ReferentialAction = 'CASCADE' | 'RESTRICT' | 'SET NULL' | 'NO ACTION' | 'SET DEFAULT';

export type ForeignKeyShape = {
  name: string;
  relationField: string;
  columns: string[];
  referencedTable: string;
  referencedColumns: string[];
  onDelete: ReferentialAction;
  onUpdate: ReferentialAction;
};

export type TableShape = {
  model: string;
  name: string;
  columns: ColumnShape[];
  primaryKey: string[];
  /** Unique and normal indexes, in the order Prisma declares them (not the primary key). */
  indexes: IndexShape[];
  foreignKeys: ForeignKeyShape[];
};

/** MySQL's identifier limit; Prisma would truncate longer default names, we refuse them instead. */
const maxIdentifierLength = 64;

const scalarSqlTypes: Record<string, string> = {
  String: 'VARCHAR(191)',
  Int: 'INTEGER',
  BigInt: 'BIGINT',
  Float: 'DOUBLE',
  Decimal: 'DECIMAL(65,30)',
  Boolean: 'BOOLEAN',
  DateTime: 'DATETIME(3)',
  Json: 'JSON',
  Bytes: 'LONGBLOB',
};

const nativeSqlTypes: Record<string, (args: string[]) => string> = {
  VarChar: ([length]) => `VARCHAR(${length})`,
  Char: ([length]) => `CHAR(${length})`,
  Text: () => 'TEXT',
  TinyText: () => 'TINYTEXT',
  MediumText: () => 'MEDIUMTEXT',
  LongText: () => 'LONGTEXT',
  Date: () => 'DATE',
  DateTime: ([precision]) => `DATETIME(${precision ?? 0})`,
  Timestamp: ([precision]) => `TIMESTAMP(${precision ?? 0})`,
  Time: ([precision]) => `TIME(${precision ?? 0})`,
  TinyInt: () => 'TINYINT',
  UnsignedTinyInt: () => 'TINYINT UNSIGNED',
  SmallInt: () => 'SMALLINT',
  UnsignedSmallInt: () => 'SMALLINT UNSIGNED',
  MediumInt: () => 'MEDIUMINT',
  UnsignedMediumInt: () => 'MEDIUMINT UNSIGNED',
  Int: () => 'INT',
  UnsignedInt: () => 'INT UNSIGNED',
  BigInt: () => 'BIGINT',
  UnsignedBigInt: () => 'BIGINT UNSIGNED',
  Double: () => 'DOUBLE',
  Float: () => 'FLOAT',
  Decimal: ([precision, scale]) => `DECIMAL(${precision},${scale})`,
  Json: () => 'JSON',
  Bit: ([length]) => `BIT(${length})`,
  LongBlob: () => 'LONGBLOB',
};

const referentialActions: Record<string, ReferentialAction> = {
  Cascade: 'CASCADE',
  Restrict: 'RESTRICT',
  SetNull: 'SET NULL',
  NoAction: 'NO ACTION',
  SetDefault: 'SET DEFAULT',
};

function referentialAction(model: DmmfModel, relation: DmmfField, action: string): ReferentialAction {
  const sql = referentialActions[action];
  if (!sql) throw new Error(`${model.name}.${relation.name}: unknown referential action ${action}`);
  return sql;
}

function quoteString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

function columnSqlType(model: DmmfModel, field: DmmfField, enums: Map<string, string[]>): string {
  if (field.kind === 'enum') {
    const values = enums.get(field.type);
    if (!values) throw new Error(`${model.name}.${field.name}: unknown enum ${field.type}`);
    return `ENUM(${values.map(quoteString).join(', ')})`;
  }
  if (field.nativeType) {
    const [name, args] = field.nativeType;
    const render = nativeSqlTypes[name];
    if (!render) throw new Error(`${model.name}.${field.name}: native type @db.${name} is not supported by table-shape.ts`);
    return render(args);
  }
  const sqlType = scalarSqlTypes[field.type];
  if (!sqlType) throw new Error(`${model.name}.${field.name}: type ${field.type} is not supported by table-shape.ts`);
  return sqlType;
}

function columnDefault(model: DmmfModel, field: DmmfField, sqlType: string): { defaultSql: string | null; isAutoIncrement: boolean } {
  const value = field.default;
  if (value === undefined) return { defaultSql: null, isAutoIncrement: false };
  if (typeof value === 'object') {
    switch (value.name) {
      case 'now': {
        const precision = /\((\d+)\)/.exec(sqlType)?.[1];
        return { defaultSql: precision ? `CURRENT_TIMESTAMP(${precision})` : 'CURRENT_TIMESTAMP', isAutoIncrement: false };
      }
      case 'autoincrement':
        return { defaultSql: null, isAutoIncrement: true };
      case 'cuid':
      case 'uuid':
      case 'nanoid':
      case 'ulid':
        return { defaultSql: null, isAutoIncrement: false };
      case 'dbgenerated': {
        const [expression] = value.args;
        if (typeof expression !== 'string') throw new Error(`${model.name}.${field.name}: dbgenerated() needs an expression here`);
        return { defaultSql: expression, isAutoIncrement: false };
      }
      default:
        throw new Error(`${model.name}.${field.name}: default function ${value.name}() is not supported by table-shape.ts`);
    }
  }
  if (typeof value === 'boolean') return { defaultSql: value ? 'true' : 'false', isAutoIncrement: false };
  if (typeof value === 'number') return { defaultSql: String(value), isAutoIncrement: false };
  if (field.type === 'Json') throw new Error(`${model.name}.${field.name}: JSON defaults are not supported on MySQL`);
  return { defaultSql: quoteString(value), isAutoIncrement: false };
}

function constraintName(table: string, columns: string[], suffix: string): string {
  const name = `${table}_${columns.join('_')}_${suffix}`;
  if (name.length > maxIdentifierLength) {
    throw new Error(`Constraint name ${name} is longer than ${maxIdentifierLength} characters: give it a map: "..." name`);
  }
  return name;
}

function fieldColumns(model: DmmfModel, fieldNames: string[]): string[] {
  return fieldNames.map((name) => columnName(findField(model, name)));
}

function describeTable(datamodel: Datamodel, model: DmmfModel, enums: Map<string, string[]>): TableShape {
  const table = tableName(model);
  const columns = columnFields(model).map((field): ColumnShape => {
    const sqlType = columnSqlType(model, field, enums);
    return { field: field.name, name: columnName(field), sqlType, isNullable: !field.isRequired, ...columnDefault(model, field, sqlType) };
  });

  const modelIndexes = datamodel.indexes.filter((index) => index.model === model.name);
  const primary = modelIndexes.find((index) => index.type === 'id');
  if (!primary) throw new Error(`Model ${model.name} has no @id / @@id`);

  const indexes = modelIndexes
    .filter((index) => index.type === 'unique' || index.type === 'normal')
    .map((index): IndexShape => {
      const indexColumns = fieldColumns(
        model,
        index.fields.map((field) => field.name),
      );
      const isUnique = index.type === 'unique';
      return { name: index.dbName ?? constraintName(table, indexColumns, isUnique ? 'key' : 'idx'), isUnique, columns: indexColumns };
    });

  const foreignKeys = foreignKeyFields(model).map((relation): ForeignKeyShape => {
    const target = findModel(datamodel, relation.type);
    const fromColumns = fieldColumns(model, relation.relationFromFields ?? []);
    const isOptional = (relation.relationFromFields ?? []).some((name) => !findField(model, name).isRequired);
    const onDelete = relation.relationOnDelete ?? (isOptional ? 'SetNull' : 'Restrict');
    const onUpdate = relation.relationOnUpdate ?? 'Cascade';
    return {
      name: constraintName(table, fromColumns, 'fkey'),
      relationField: relation.name,
      columns: fromColumns,
      referencedTable: tableName(target),
      referencedColumns: fieldColumns(target, relation.relationToFields ?? []),
      onDelete: referentialAction(model, relation, onDelete),
      onUpdate: referentialAction(model, relation, onUpdate),
    };
  });

  return {
    model: model.name,
    name: table,
    columns,
    primaryKey: fieldColumns(
      model,
      primary.fields.map((field) => field.name),
    ),
    indexes,
    foreignKeys,
  };
}

export function describeTables(datamodel: Datamodel): TableShape[] {
  const enums = enumValues(datamodel);
  return datamodel.models.map((model) => describeTable(datamodel, model, enums));
}
