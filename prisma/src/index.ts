export { createPrismaClient, databasePoolStats, mariadbPoolOptions, PrismaClient, routeListReads, type DatabasePoolStats, type ListReads, type MariaDbPoolOptions, type PrismaClientOptions } from './client';
export { Prisma } from '../generated/client/client';
export * from '../generated/client/enums';
export { databaseTransportFromEnv, DatabaseTransportError, parseDatabaseUrl, withDatabase, type DatabaseTransport } from './database-url';
export { migrate, createDatabaseIfMissing, MigrationError } from './migrate';
export {
  allowsDevelopmentDefaults, appMode, blobKeyId, decryptPersonal, developmentModes, encryptPersonal, hashPersonal, newRecordId, parseKeyRing,
  personalDataColumns, PersonalDataKeyError, PersonalDataUnreadableError, readPersonal,
  type AppMode, type KeyRing, type PersonalDataField, type PersonalDataPlace,
} from './personal-data';
export { reencryptPersonalData, type ReencryptReport } from './reencrypt';
export { seedDemo, type SeedOptions, type SeedSummary } from './seed';
export { defaultSettings, type DefaultSetting } from './seed/settings';
export { readDatamodel, parseDatamodel, type Datamodel, type DmmfModel, type DmmfField, type DmmfEnum, type DmmfIndex } from './dmmf';
export { describeTables, type TableShape, type ColumnShape, type IndexShape, type ForeignKeyShape } from './table-shape';
export { findSchemaDrift, findUnindexedForeignKeys } from './schema-drift';
