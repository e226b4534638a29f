-- Command-line sessions: `dtrack login` checks the password once (argon2id, slow on purpose)
-- and hands out a random token that later commands present instead. Only the token's
-- sha256 is kept here, so a copy of the database does not let anyone sign in.
CREATE TABLE sessions (
  id         INTEGER PRIMARY KEY,
  user_id    INTEGER NOT NULL REFERENCES users(id),
  token_hash TEXT NOT NULL UNIQUE,   -- hex sha256 of the 32 random bytes
  created_at TEXT NOT NULL,          -- UTC, ISO 8601 to the second
  expires_at TEXT NOT NULL,
  revoked    INTEGER NOT NULL DEFAULT 0 CHECK (revoked IN (0, 1))
);
CREATE INDEX sessions_by_user ON sessions(user_id);
