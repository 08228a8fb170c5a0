"""This course's own tests: its words, its lessons' gates, its whole-course walk, its cards.

Everything under tests/course/ is about the couples course (docs/, exercises/, mkdocs.yml,
course-rules.toml) and goes with it: an author who replaces the content deletes this folder.
The engine's tests, everywhere else under tests/, use the fixture course (tests/fixture/)."""
