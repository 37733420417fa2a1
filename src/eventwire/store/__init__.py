"""Store: coded articles in one SQLite file, created and migrated by recorded migrations."""
