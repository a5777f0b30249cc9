-- Accounts, role grants, personal access tokens, single-use mail links and sign-in throttling.

CREATE TABLE account
(
  id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username      TEXT        NOT NULL,
  -- NFKC + lower case: the form two spellings of one name share (Ｚｈａｎｇ and zhang)
  username_key  TEXT        NOT NULL,
  email         TEXT        NOT NULL,
  email_key     TEXT        NOT NULL,
  display_name  TEXT        NOT NULL,
  password_hash TEXT        NOT NULL,
  verified      BOOLEAN     NOT NULL DEFAULT FALSE,
  created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
  CONSTRAINT account_username_key_unique UNIQUE (username_key),
  CONSTRAINT account_email_key_unique UNIQUE (email_key)
);

CREATE TABLE role_grant
(
  account_id BIGINT      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
  role       TEXT        NOT NULL CHECK (role IN ('ENTERPRISE', 'EXPERT', 'MANAGER', 'STATION_ADMIN', 'REVIEWER', 'OPERATOR')),
  -- the station a station admin runs (a plain id: stations belong to another module); null for every other role
  station_id BIGINT,
  granted_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  CONSTRAINT role_grant_station CHECK ((role = 'STATION_ADMIN') = (station_id IS NOT NULL)),
  CONSTRAINT role_grant_unique UNIQUE NULLS NOT DISTINCT (account_id, role, station_id)
);
CREATE INDEX role_grant_by_station ON role_grant (station_id) WHERE station_id IS NOT NULL;

CREATE TABLE access_token
(
  id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id   BIGINT      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
  name         TEXT        NOT NULL,
  -- SHA-256 of the token; the token itself is shown once and never stored
  token_hash   BYTEA       NOT NULL UNIQUE,
  created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
  last_used_at TIMESTAMPTZ,
  revoked_at   TIMESTAMPTZ
);
CREATE INDEX access_token_by_account ON access_token (account_id);

-- links sent by mail: e-mail verification and password reset
CREATE TABLE mail_link
(
  id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id BIGINT      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
  purpose    TEXT        NOT NULL CHECK (purpose IN ('VERIFY_EMAIL', 'RESET_PASSWORD')),
  token_hash BYTEA       NOT NULL UNIQUE,
  created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  expires_at TIMESTAMPTZ NOT NULL,
  used_at    TIMESTAMPTZ
);
CREATE INDEX mail_link_by_account ON mail_link (account_id, purpose);

-- failed sign-ins per username key (whether or not such an account exists)
CREATE TABLE sign_in_failure
(
  username_key TEXT        NOT NULL,
  failed_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX sign_in_failure_by_key ON sign_in_failure (username_key, failed_at);

CREATE TABLE sign_in_lock
(
  username_key TEXT PRIMARY KEY,
  locked_until TIMESTAMPTZ NOT NULL
);
