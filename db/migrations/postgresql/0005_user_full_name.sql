-- As SQLite's 0009: a user's full name, shown in the history beside the sign-in name.
ALTER TABLE users ADD COLUMN full_name text NOT NULL DEFAULT '';
