import type { Connection, RowDataPacket } from 'mysql2/promise';
import type { Datamodel } from './dmmf';
import { type ColumnShape, describeTables, type TableShape } from './table-shape';

/**
 * Compares a migrated database with schema.prisma and lists every difference in words: missing
 * or extra tables, columns, indexes and foreign keys, and columns whose type, nullability or
 * default differ. An empty list means the migrations produce exactly what the schema describes.
 */

type ColumnRow = RowDataPacket & {
  TABLE_NAME: string;
  COLUMN_NAME: string;
  COLUMN_DEFAULT: string | null;
  IS_NULLABLE: 'YES' | 'NO';
  DATA_TYPE: string;
  COLUMN_TYPE: string;
  CHARACTER_MAXIMUM_LENGTH: number | string | null;
  NUMERIC_PRECISION: number | string | null;
  NUMERIC_SCALE: number | string | null;
  DATETIME_PRECISION: number | string | null;
  EXTRA: string;
};

type StatisticRow = RowDataPacket & { TABLE_NAME: string; INDEX_NAME: string; NON_UNIQUE: number | string; COLUMN_NAME: string };

type ForeignKeyRow = RowDataPacket & {
  TABLE_NAME: string;
  CONSTRAINT_NAME: string;
  COLUMN_NAME: string;
  REFERENCED_TABLE_NAME: string;
  REFERENCED_COLUMN_NAME: string;
  DELETE_RULE: string;
  UPDATE_RULE: string;
};

type TableRow = RowDataPacket & { TABLE_NAME: string; ENGINE: string | null; TABLE_COLLATION: string | null };

type CheckRow = RowDataPacket & { TABLE_NAME: string; CHECK_CLAUSE: string };

type DatabaseIndex = { isUnique: boolean; columns: string[] };
type DatabaseForeignKey = { columns: string[]; referencedTable: string; referencedColumns: string[]; onDelete: string; onUpdate: string };

/** Tables that belong to the tooling, not to the schema. */
const toolingTables = new Set(['_prisma_migrations']);

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const name = key(row);
    groups.set(name, [...(groups.get(name) ?? []), row]);
  }
  return groups;
}

/** The column type as a comparable string: varchar(32), int, tinyint(1), datetime(3), enum('A','B'), json … */
export function normaliseSqlType(sqlType: string): string {
  const type = sqlType.trim().toLowerCase();
  if (type === 'integer') return 'int';
  if (type === 'boolean') return 'tinyint(1)';
  if (type.startsWith('enum(')) return type.replace(/',\s+'/g, "','");
  return type.replace(/\s+/g, ' ');
}

function actualSqlType(row: ColumnRow, jsonColumns: Set<string>): string {
  const dataType = row.DATA_TYPE.toLowerCase();
  const columnType = row.COLUMN_TYPE.toLowerCase();
  const unsigned = columnType.includes('unsigned') ? ' unsigned' : '';
  switch (dataType) {
    case 'varchar':
    case 'char':
    case 'bit':
      return `${dataType}(${row.CHARACTER_MAXIMUM_LENGTH ?? /\((\d+)\)/.exec(columnType)?.[1] ?? ''})`;
    case 'datetime':
    case 'timestamp':
    case 'time':
      return `${dataType}(${row.DATETIME_PRECISION ?? 0})`;
    case 'decimal':
      return `decimal(${row.NUMERIC_PRECISION},${row.NUMERIC_SCALE})`;
    case 'tinyint':
      return columnType.startsWith('tinyint(1)') && !unsigned ? 'tinyint(1)' : `tinyint${unsigned}`;
    case 'enum':
      return columnType;
    // MariaDB implements JSON as LONGTEXT with a json_valid() CHECK constraint.
    case 'longtext':
      return jsonColumns.has(`${row.TABLE_NAME}.${row.COLUMN_NAME}`) ? 'json' : 'longtext';
    default:
      return `${dataType}${unsigned}`;
  }
}

/** Defaults as comparable strings; MariaDB quotes string literals and reports 'NULL' for no default. */
export function normaliseDefault(value: string | null): string | null {
  if (value === null || value.toUpperCase() === 'NULL') return null;
  let text = value.trim();
  const quoted = /^'(.*)'$/s.exec(text);
  if (quoted) text = (quoted[1] ?? '').replace(/''/g, "'").replace(/\\\\/g, '\\');
  const lower = text.toLowerCase();
  if (lower === 'true') return '1';
  if (lower === 'false') return '0';
  if (lower === 'current_timestamp()') return 'current_timestamp';
  return lower;
}

function compareColumn(table: string, expected: ColumnShape, actual: ColumnRow, jsonColumns: Set<string>): string[] {
  const differences: string[] = [];
  const where = `${table}.${expected.name}`;
  const expectedType = normaliseSqlType(expected.sqlType);
  const actualType = actualSqlType(actual, jsonColumns);
  if (expectedType !== actualType) differences.push(`column ${where}: type is ${actualType}, schema says ${expectedType}`);
  const isNullable = actual.IS_NULLABLE === 'YES';
  if (isNullable !== expected.isNullable) {
    differences.push(`column ${where}: is ${isNullable ? 'NULL' : 'NOT NULL'}, schema says ${expected.isNullable ? 'NULL' : 'NOT NULL'}`);
  }
  const expectedDefault = normaliseDefault(expected.defaultSql);
  const actualDefault = normaliseDefault(actual.COLUMN_DEFAULT);
  if (expectedDefault !== actualDefault) {
    differences.push(`column ${where}: default is ${actualDefault ?? 'none'}, schema says ${expectedDefault ?? 'none'}`);
  }
  const isAutoIncrement = actual.EXTRA.toLowerCase().includes('auto_increment');
  if (isAutoIncrement !== expected.isAutoIncrement) {
    differences.push(`column ${where}: ${isAutoIncrement ? 'is' : 'is not'} AUTO_INCREMENT, schema says the opposite`);
  }
  return differences;
}

function compareTable(expected: TableShape, database: DatabaseShape): string[] {
  const table = expected.name;
  const differences: string[] = [];

  const info = database.tables.get(table);
  if (info?.ENGINE && info.ENGINE.toLowerCase() !== 'innodb') differences.push(`table ${table}: engine is ${info.ENGINE}, expected InnoDB`);
  if (info?.TABLE_COLLATION && !info.TABLE_COLLATION.startsWith('utf8mb4')) {
    differences.push(`table ${table}: collation is ${info.TABLE_COLLATION}, expected utf8mb4`);
  }

  const columns = new Map((database.columns.get(table) ?? []).map((row) => [row.COLUMN_NAME, row]));
  for (const column of expected.columns) {
    const actual = columns.get(column.name);
    if (!actual) differences.push(`column ${table}.${column.name} (field ${expected.model}.${column.field}) is missing`);
    else differences.push(...compareColumn(table, column, actual, database.jsonColumns));
  }
  const expectedColumns = new Set(expected.columns.map((column) => column.name));
  for (const name of columns.keys()) {
    if (!expectedColumns.has(name)) differences.push(`column ${table}.${name} is in the database but not in the schema`);
  }

  const indexes = database.indexes.get(table) ?? new Map<string, DatabaseIndex>();
  const expectedIndexes = [{ name: 'PRIMARY', isUnique: true, columns: expected.primaryKey }, ...expected.indexes];
  for (const index of expectedIndexes) {
    const actual = indexes.get(index.name);
    const describe = (isUnique: boolean, cols: string[]): string => `${isUnique ? 'unique ' : ''}(${cols.join(', ')})`;
    if (!actual) {
      differences.push(`index ${table}.${index.name} ${describe(index.isUnique, index.columns)} is missing`);
    } else if (actual.isUnique !== index.isUnique || actual.columns.join(',') !== index.columns.join(',')) {
      differences.push(`index ${table}.${index.name} is ${describe(actual.isUnique, actual.columns)}, schema says ${describe(index.isUnique, index.columns)}`);
    }
  }
  const expectedIndexNames = new Set(expectedIndexes.map((index) => index.name));
  for (const [name, index] of indexes) {
    if (!expectedIndexNames.has(name)) {
      differences.push(`index ${table}.${name} (${index.columns.join(', ')}) is in the database but not in the schema`);
    }
  }

  const foreignKeys = database.foreignKeys.get(table) ?? new Map<string, DatabaseForeignKey>();
  for (const foreignKey of expected.foreignKeys) {
    const actual = foreignKeys.get(foreignKey.name);
    const target = `${foreignKey.referencedTable}(${foreignKey.referencedColumns.join(', ')})`;
    if (!actual) {
      differences.push(`foreign key ${table}.${foreignKey.name} (relation ${expected.model}.${foreignKey.relationField} → ${target}) is missing`);
      continue;
    }
    const actualTarget = `${actual.referencedTable}(${actual.referencedColumns.join(', ')})`;
    if (actual.columns.join(',') !== foreignKey.columns.join(',') || actualTarget !== target) {
      differences.push(`foreign key ${table}.${foreignKey.name} is (${actual.columns.join(', ')}) → ${actualTarget}, schema says (${foreignKey.columns.join(', ')}) → ${target}`);
    }
    if (actual.onDelete !== foreignKey.onDelete || actual.onUpdate !== foreignKey.onUpdate) {
      differences.push(
        `foreign key ${table}.${foreignKey.name} is ON DELETE ${actual.onDelete} ON UPDATE ${actual.onUpdate}, ` +
          `schema says ON DELETE ${foreignKey.onDelete} ON UPDATE ${foreignKey.onUpdate}`,
      );
    }
  }
  const expectedForeignKeys = new Set(expected.foreignKeys.map((foreignKey) => foreignKey.name));
  for (const name of foreignKeys.keys()) {
    if (!expectedForeignKeys.has(name)) differences.push(`foreign key ${table}.${name} is in the database but not in the schema`);
  }
  return differences;
}

type DatabaseShape = {
  tables: Map<string, TableRow>;
  columns: Map<string, ColumnRow[]>;
  indexes: Map<string, Map<string, DatabaseIndex>>;
  foreignKeys: Map<string, Map<string, DatabaseForeignKey>>;
  jsonColumns: Set<string>;
};

async function readDatabaseShape(connection: Connection, schemaName: string): Promise<DatabaseShape> {
  const [tableRows] = await connection.query<TableRow[]>(
    "SELECT TABLE_NAME, ENGINE, TABLE_COLLATION FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE'",
    [schemaName],
  );
  const [columnRows] = await connection.query<ColumnRow[]>(
    `SELECT TABLE_NAME, COLUMN_NAME, COLUMN_DEFAULT, IS_NULLABLE, DATA_TYPE, COLUMN_TYPE, CHARACTER_MAXIMUM_LENGTH,
            NUMERIC_PRECISION, NUMERIC_SCALE, DATETIME_PRECISION, EXTRA
       FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, ORDINAL_POSITION`,
    [schemaName],
  );
  const [statisticRows] = await connection.query<StatisticRow[]>(
    `SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME FROM information_schema.STATISTICS
      WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX`,
    [schemaName],
  );
  const [foreignKeyRows] = await connection.query<ForeignKeyRow[]>(
    `SELECT k.TABLE_NAME, k.CONSTRAINT_NAME, k.COLUMN_NAME, k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME, r.DELETE_RULE, r.UPDATE_RULE
       FROM information_schema.KEY_COLUMN_USAGE k
       JOIN information_schema.REFERENTIAL_CONSTRAINTS r
         ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME AND r.TABLE_NAME = k.TABLE_NAME
      WHERE k.TABLE_SCHEMA = ? AND k.REFERENCED_TABLE_NAME IS NOT NULL
      ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION`,
    [schemaName],
  );
  const [checkRows] = await connection.query<CheckRow[]>(
    'SELECT TABLE_NAME, CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ?',
    [schemaName],
  );

  const jsonColumns = new Set<string>();
  for (const check of checkRows) {
    const column = /^json_valid\(`([^`]+)`\)$/i.exec(check.CHECK_CLAUSE.trim())?.[1];
    if (column) jsonColumns.add(`${check.TABLE_NAME}.${column}`);
  }

  const indexes = new Map<string, Map<string, DatabaseIndex>>();
  for (const [table, rows] of groupBy(statisticRows, (row) => row.TABLE_NAME)) {
    const byName = new Map<string, DatabaseIndex>();
    for (const [name, indexRows] of groupBy(rows, (row) => row.INDEX_NAME)) {
      byName.set(name, { isUnique: Number(indexRows[0]?.NON_UNIQUE) === 0, columns: indexRows.map((row) => row.COLUMN_NAME) });
    }
    indexes.set(table, byName);
  }

  const foreignKeys = new Map<string, Map<string, DatabaseForeignKey>>();
  for (const [table, rows] of groupBy(foreignKeyRows, (row) => row.TABLE_NAME)) {
    const byName = new Map<string, DatabaseForeignKey>();
    for (const [name, keyRows] of groupBy(rows, (row) => row.CONSTRAINT_NAME)) {
      const first = keyRows[0];
      if (!first) continue;
      byName.set(name, {
        columns: keyRows.map((row) => row.COLUMN_NAME),
        referencedTable: first.REFERENCED_TABLE_NAME,
        referencedColumns: keyRows.map((row) => row.REFERENCED_COLUMN_NAME),
        onDelete: first.DELETE_RULE,
        onUpdate: first.UPDATE_RULE,
      });
    }
    foreignKeys.set(table, byName);
  }

  return {
    tables: new Map(tableRows.map((row) => [row.TABLE_NAME, row])),
    columns: groupBy(columnRows, (row) => row.TABLE_NAME),
    indexes,
    foreignKeys,
    jsonColumns,
  };
}

/** Lists the differences between the database the connection is using and the schema. */
export async function findSchemaDrift(connection: Connection, datamodel: Datamodel): Promise<string[]> {
  const [current] = await connection.query<(RowDataPacket & { name: string | null })[]>('SELECT DATABASE() AS name');
  const schemaName = current[0]?.name;
  if (!schemaName) throw new Error('findSchemaDrift: the connection has no current database');

  const database = await readDatabaseShape(connection, schemaName);
  const expectedTables = describeTables(datamodel);
  const differences: string[] = [];
  for (const table of expectedTables) {
    if (!database.tables.has(table.name)) differences.push(`table ${table.name} (model ${table.model}) is missing`);
    else differences.push(...compareTable(table, database));
  }
  const expectedNames = new Set(expectedTables.map((table) => table.name));
  for (const name of database.tables.keys()) {
    if (!expectedNames.has(name) && !toolingTables.has(name)) differences.push(`table ${name} is in the database but not in the schema`);
  }
  return differences;
}

/** Foreign keys whose columns do not lead any index of the schema (MySQL would add a hidden one). */
export function findUnindexedForeignKeys(datamodel: Datamodel): string[] {
  return describeTables(datamodel).flatMap((table) => {
    const indexColumns = [table.primaryKey, ...table.indexes.map((index) => index.columns)];
    return table.foreignKeys
      .filter((foreignKey) => !indexColumns.some((columns) => foreignKey.columns.every((column, position) => columns[position] === column)))
      .map((foreignKey) => `${table.model}.${foreignKey.relationField} (${foreignKey.columns.join(', ')})`);
  });
}
