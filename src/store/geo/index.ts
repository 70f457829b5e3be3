/** Geography storage: the `geo_units` model, its repository, the CSV importer and the demo seed. */
export { geoUnitModel, type GeoKind, type GeoUnitDoc } from "./model.js";
export { createGeoRepository, type GeoRepository, type PageRequest } from "./repository.js";
export { importGeoCsv, GeoImportError, type ImportOptions, type ImportProgress, type ImportSummary, type LineError } from "./importer.js";
export { createProgressReporter, type ProgressReporter, type ProgressSink } from "./import-progress.js";
export { seedDemoGeography, type SeedResult } from "./demo/seed.js";
