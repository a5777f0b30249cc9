-- Organizations (机构) and the resource connection stations (资源衔接站点) that give an organization its seat.
CREATE TABLE organization
(
  id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name             TEXT        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  -- Text.key(name): traditional/simplified and full/half-width forms collide here
  name_key         TEXT        NOT NULL,
  type             TEXT        NOT NULL CHECK (type IN ('ENTERPRISE', 'UNIVERSITY', 'INSTITUTE', 'NATIONAL_SOCIETY',
                                                        'LOCAL_CAST', 'PARK', 'FINANCIAL', 'SERVICE', 'THINK_TANK',
                                                        'EVALUATION', 'STANDARD_BODY', 'INTERNATIONAL')),
  sme              BOOLEAN     NOT NULL DEFAULT FALSE,
  credit_code      CHAR(18),
  region_code      VARCHAR(6),
  website          TEXT CHECK (length(website) <= 500),
  description      TEXT CHECK (length(description) <= 5000),
  contact_email    TEXT CHECK (length(contact_email) <= 254),
  contact_phone    TEXT CHECK (length(contact_phone) <= 40),
  discipline_group TEXT CHECK (discipline_group IN ('SCIENCE', 'ENGINEERING', 'AGRICULTURE', 'MEDICINE',
                                                    'INTERDISCIPLINARY')),
  station_id       BIGINT,
  source_system    TEXT,
  source_id        TEXT,
  import_batch     UUID,
  created          TIMESTAMPTZ NOT NULL,
  updated          TIMESTAMPTZ NOT NULL,
  version          INTEGER     NOT NULL DEFAULT 0,
  CONSTRAINT organization_name_key_unique UNIQUE (name_key),
  CONSTRAINT organization_credit_code_unique UNIQUE (credit_code),
  CONSTRAINT organization_source_unique UNIQUE (source_system, source_id),
  CONSTRAINT organization_sme_only_enterprise CHECK (NOT sme OR type = 'ENTERPRISE'),
  CONSTRAINT organization_group_only_society CHECK (discipline_group IS NULL OR type = 'NATIONAL_SOCIETY')
);

CREATE INDEX organization_type_idx ON organization (type);
-- region filters are prefix matches: a province's code prefix includes its cities and counties
CREATE INDEX organization_region_idx ON organization (region_code text_pattern_ops);
CREATE INDEX organization_station_idx ON organization (station_id);

CREATE TABLE station
(
  id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  organization_id BIGINT      NOT NULL REFERENCES organization (id),
  name            TEXT        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  code            TEXT        NOT NULL CHECK (code ~ '^[a-z0-9][a-z0-9-]{0,38}[a-z0-9]$'),
  status          TEXT        NOT NULL CHECK (status IN ('ACTIVE', 'SUSPENDED')),
  created         TIMESTAMPTZ NOT NULL,
  version         INTEGER     NOT NULL DEFAULT 0,
  CONSTRAINT station_one_per_organization UNIQUE (organization_id),
  CONSTRAINT station_code_unique UNIQUE (code)
);

ALTER TABLE organization
  ADD CONSTRAINT organization_station_fk FOREIGN KEY (station_id) REFERENCES station (id);
