-- A user's full name ("Nguyễn Thị Lan"), shown in the history beside the sign-in name, so a
-- clerk reads who changed what. Empty for users added before it (the sign-in name is shown).
ALTER TABLE users ADD COLUMN full_name TEXT NOT NULL DEFAULT '';
