-- Disclosure to applicants (执行公开, issue 16): the query code given at filing, kept only as a
-- salted PBKDF2 hash. unprinted_code holds the plain code from filing until the filing unit
-- prints the acceptance notice once (then it is erased for good); a lost code is replaced by
-- issuing a new one, never shown again.
create table disclosure_query_code (
  case_number    varchar(64) not null primary key references case_file (case_number),
  salt           varchar(32) not null,
  code_hash      varchar(64) not null,
  iterations     integer     not null,
  unprinted_code varchar(16),
  issued_at      timestamp   not null,
  printed_at     timestamp
);
