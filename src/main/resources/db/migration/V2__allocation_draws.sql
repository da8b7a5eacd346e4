-- Random allocation of ordinary cases (随机分案): append-only, hash-chained draw records.

-- One row: the end of the chain. Appends lock it (SELECT ... FOR UPDATE) so that concurrent
-- jobs on several nodes append one after the other and the chain never forks. Deleting the
-- newest draws is caught by comparing the chain's end with this row.
CREATE TABLE allocation_chain_head (
  id        INTEGER     NOT NULL PRIMARY KEY,
  last_id   BIGINT      NOT NULL,
  last_hash VARCHAR(64) NOT NULL,
  CONSTRAINT allocation_chain_head_one_row CHECK (id = 1)
);

INSERT INTO allocation_chain_head (id, last_id, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

CREATE TABLE allocation_draw (
  id                  BIGINT                   NOT NULL PRIMARY KEY,
  case_number         VARCHAR(100)             NOT NULL,
  process_instance_id VARCHAR(64),
  candidates          VARCHAR(2000)            NOT NULL,
  excluded            VARCHAR(4000)            NOT NULL,
  draw_value          INTEGER                  NOT NULL,
  chosen_team         VARCHAR(64)              NOT NULL,
  drawn_at            TIMESTAMP WITH TIME ZONE NOT NULL,
  previous_hash       VARCHAR(64)              NOT NULL,
  hash                VARCHAR(64)              NOT NULL,
  -- A case is drawn once only: a retried or repeated allocation reuses this record.
  CONSTRAINT allocation_draw_case_unique UNIQUE (case_number),
  CONSTRAINT allocation_draw_hash_unique UNIQUE (hash)
);
