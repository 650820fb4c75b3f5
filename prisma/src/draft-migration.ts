import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { defaultSchemaPath, readDatamodel } from './dmmf';
import { type ColumnShape, describeTables, type ForeignKeyShape, type IndexShape, type TableShape } from './table-shape';

/**
 * Drafts the SQL that `prisma migrate diff --from-empty --to-schema schema.prisma --script`
 * would print for MySQL, for machines where Prisma's schema engine cannot run. The draft is a
 * starting point: review it and commit it as prisma/migrations/<timestamp>_<name>/migration.sql.
 * Only whole-schema (from empty) drafts are supported; write later migrations by hand and let
 * tests/db/schema-drift.test.ts prove they match the schema.
 *
 *   tsx prisma/src/draft-migration.ts                 # print to stdout
 *   tsx prisma/src/draft-migration.ts --out file.sql  # write a file
 */

const quote = (identifier: string): string => `\`${identifier}\``;
const columnList = (columns: string[]): string => columns.map(quote).join(', ');

function renderColumn(column: ColumnShape): string {
  const parts = [quote(column.name), column.sqlType, column.isNullable ? 'NULL' : 'NOT NULL'];
  if (column.defaultSql !== null) parts.push(`DEFAULT ${column.defaultSql}`);
  if (column.isAutoIncrement) parts.push('AUTO_INCREMENT');
  return parts.join(' ');
}

function renderIndex(index: IndexShape): string {
  return `${index.isUnique ? 'UNIQUE INDEX' : 'INDEX'} ${quote(index.name)}(${columnList(index.columns)})`;
}

function renderCreateTable(table: TableShape): string {
  const columns = table.columns.map(renderColumn);
  const constraints = [...table.indexes.map(renderIndex), `PRIMARY KEY (${columnList(table.primaryKey)})`];
  return [
    '-- CreateTable',
    `CREATE TABLE ${quote(table.name)} (`,
    `    ${columns.join(',\n    ')},`,
    '',
    `    ${constraints.join(',\n    ')}`,
    ') DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;',
  ].join('\n');
}

function renderForeignKey(table: TableShape, foreignKey: ForeignKeyShape): string {
  return [
    '-- AddForeignKey',
    `ALTER TABLE ${quote(table.name)} ADD CONSTRAINT ${quote(foreignKey.name)} FOREIGN KEY (${columnList(foreignKey.columns)}) ` +
      `REFERENCES ${quote(foreignKey.referencedTable)}(${columnList(foreignKey.referencedColumns)}) ` +
      `ON DELETE ${foreignKey.onDelete} ON UPDATE ${foreignKey.onUpdate};`,
  ].join('\n');
}

/** Prisma's layout: every CREATE TABLE first (schema order), then every foreign key. */
export function draftInitialMigration(schemaPath: string = defaultSchemaPath): string {
  const tables = describeTables(readDatamodel(schemaPath));
  const statements = [
    ...tables.map(renderCreateTable),
    ...tables.flatMap((table) => table.foreignKeys.map((foreignKey) => renderForeignKey(table, foreignKey))),
  ];
  return `${statements.join('\n\n')}\n`;
}

function option(argv: string[], name: string): string | undefined {
  const index = argv.indexOf(name);
  return index >= 0 ? argv[index + 1] : undefined;
}

function main(argv: string[]): void {
  const schema = option(argv, '--schema');
  const sql = draftInitialMigration(schema ? path.resolve(schema) : defaultSchemaPath);
  const out = option(argv, '--out');
  if (out) {
    writeFileSync(path.resolve(out), sql);
    console.error(`[draft-migration] wrote ${path.resolve(out)}`);
  } else {
    process.stdout.write(sql);
  }
}

if (require.main === module) main(process.argv.slice(2));
