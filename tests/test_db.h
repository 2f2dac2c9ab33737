/*
 * test_db.h - a database file on disk for a test: a fresh directory
 * under $TMPDIR (or /tmp) holding "test.db", and its removal with the
 * WAL and shared-memory files SQLite leaves beside it.
 */
#ifndef AMBT_TEST_DB_H
#define AMBT_TEST_DB_H

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* The instant the store tests run at: 22 November 2026, 10:30 in
 * Amsterdam (the store never reads the clock). */
#define NOW ((int64_t)1795339800)

/* Make the directory ("<prefix>-XXXXXX") and name the file; 0 on success. */
static inline int
test_db_make(char *dir, size_t dirsz, char *path, size_t pathsz,
	     const char *prefix)
{
	const char *tmp = getenv("TMPDIR");

	snprintf(dir, dirsz, "%s/%s-XXXXXX", tmp && *tmp ? tmp : "/tmp",
		 prefix);
	if (!mkdtemp(dir))
		return -1;
	snprintf(path, pathsz, "%s/test.db", dir);
	return 0;
}

/* Remove the file, its -wal and -shm companions, and the directory. */
static inline void
test_db_remove(const char *dir, const char *path)
{
	char buf[512];

	unlink(path);
	snprintf(buf, sizeof(buf), "%s-wal", path);
	unlink(buf);
	snprintf(buf, sizeof(buf), "%s-shm", path);
	unlink(buf);
	rmdir(dir);
}

#endif
