/*
 * replay.c - run a fuzz target over its corpus without libFuzzer.
 *
 *   fuzz_replay_NAME DIR|FILE...
 *
 * Calls the target's LLVMFuzzerTestOneInput once on every file of the
 * directories (names starting with '.' are skipped; files in name order)
 * and on every file named directly, and reports TAP: "1..N", then
 * "ok K - <file>" or "not ok K - <file>" per input. No input at all is
 * a failure.
 *
 * The inputs run in this process, one after the other, as with libFuzzer
 * -runs=0: an input that fails a check or crashes stops the run with
 * "not ok K - <file>" and "Bail out!"; a leak is reported by
 * LeakSanitizer at exit (exit status non-zero). With FUZZ_REPLAY_FORK=1
 * every input runs in a child process instead, so that each failure and
 * each leak is reported for its own file and the others still run (slow
 * under ASan: LeakSanitizer then checks at every child's exit).
 * The exit status is 1 when an input failed.
 */
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fuzz.h"
#include "../src/banned.h"

struct list {
	char **items;
	size_t n, cap;
};

static void
add(struct list *l, const char *dir, const char *name)
{
	size_t len = (dir ? strlen(dir) + 1 : 0) + strlen(name) + 1;
	char *p = malloc(len);

	if (!p || (l->n == l->cap &&
		   !(l->items = realloc(l->items, (l->cap = l->cap * 2 + 16) *
							  sizeof(char *))))) {
		fprintf(stderr, "replay: out of memory\n");
		exit(2);
	}
	if (dir)
		snprintf(p, len, "%s/%s", dir, name);
	else
		snprintf(p, len, "%s", name);
	l->items[l->n++] = p;
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
collect(struct list *l, const char *arg)
{
	struct stat sb;
	DIR *d;
	struct dirent *de;
	size_t first = l->n;

	if (stat(arg, &sb) != 0) {
		fprintf(stderr, "replay: %s: %s\n", arg, strerror(errno));
		exit(2);
	}
	if (!S_ISDIR(sb.st_mode)) {
		add(l, NULL, arg);
		return;
	}
	d = opendir(arg);
	if (!d) {
		fprintf(stderr, "replay: %s: %s\n", arg, strerror(errno));
		exit(2);
	}
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		add(l, arg, de->d_name);
		if (stat(l->items[l->n - 1], &sb) != 0 || !S_ISREG(sb.st_mode))
			free(l->items[--l->n]);
	}
	closedir(d);
	qsort(l->items + first, l->n - first, sizeof(char *), by_name);
}

/* The file's bytes in a block of exactly its size (ASan sees overreads). */
static uint8_t *
slurp(const char *path, size_t *size)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf = NULL;
	size_t cap = 0, n = 0;
	char chunk[65536];
	size_t got;

	if (!f)
		return NULL;
	while ((got = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		uint8_t *nb = realloc(buf, cap = n + got);

		if (!nb) {
			free(buf);
			fclose(f);
			return NULL;
		}
		buf = nb;
		memcpy(buf + n, chunk, got);
		n += got;
	}
	if (ferror(f)) {
		free(buf);
		fclose(f);
		return NULL;
	}
	fclose(f);
	if (!buf)
		buf = malloc(1);
	*size = n;
	return buf;
}

/* 0 when the target returned normally for the file. */
static int
run_one(const char *path)
{
	size_t size = 0;
	uint8_t *data = slurp(path, &size);

	if (!data) {
		printf("# %s: cannot read\n", path);
		return 1;
	}
	LLVMFuzzerTestOneInput(data, size);
	free(data);
	return 0;
}

/*
 * In-process runs: when an input kills the process (a failed check
 * aborts, a sanitizer reports, a signal), say which one, in TAP.
 */
static char death_note[8192];
static size_t death_len;

static void
report_death(void)
{
	if (death_len && write(STDOUT_FILENO, death_note, death_len) < 0)
		death_len = 0;
	death_len = 0;
}

static void
on_fatal_signal(int sig)
{
	report_death();
	signal(sig, SIG_DFL);
	raise(sig);
}

/* Present when linked with ASan/UBSan (weak: NULL otherwise). */
void __sanitizer_set_death_callback(void (*callback)(void))
	__attribute__((weak));

static int
run_in_process(size_t k, const char *path)
{
	int n = snprintf(death_note, sizeof(death_note),
			 "not ok %zu - %s\nBail out! %s crashed\n", k, path,
			 path);

	death_len = n > 0 && (size_t)n < sizeof(death_note) ? (size_t)n : 0;
	n = run_one(path);
	death_len = 0;
	return n;
}

/* Each input in its own process: every failure is reported, leaks too. */
static int
run_forked(const char *path)
{
	pid_t pid = fork();
	int status;

	if (pid < 0) {
		perror("replay: fork");
		exit(2);
	}
	if (pid == 0)
		exit(run_one(path)); /* exit, not _exit: LeakSanitizer runs */
	if (waitpid(pid, &status, 0) != pid) {
		perror("replay: waitpid");
		exit(2);
	}
	if (WIFSIGNALED(status)) {
		printf("# killed by signal %d\n", WTERMSIG(status));
		return 1;
	}
	if (WEXITSTATUS(status) != 0) {
		printf("# exit status %d\n", WEXITSTATUS(status));
		return 1;
	}
	return 0;
}

int
main(int argc, char **argv)
{
	struct list l = { 0 };
	int forked = getenv("FUZZ_REPLAY_FORK") != NULL, failed = 0;
	static const int fatal[] = { SIGABRT, SIGSEGV, SIGBUS,
				     SIGFPE,  SIGILL,  SIGTRAP };

	if (argc < 2) {
		fprintf(stderr, "usage: %s DIR|FILE...\n", argv[0]);
		return 2;
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (!forked) {
		/*
		 * Under a sanitizer its own handlers report SEGV and the like
		 * and then call report_death; a failed check is an abort.
		 */
		size_t nfatal = sizeof(fatal) / sizeof(fatal[0]);

		if (__sanitizer_set_death_callback) {
			__sanitizer_set_death_callback(report_death);
			nfatal = 1;
		}
		for (size_t i = 0; i < nfatal; i++)
			signal(fatal[i], on_fatal_signal);
	}
	for (int i = 1; i < argc; i++)
		collect(&l, argv[i]);
	if (l.n == 0) {
		/* An empty corpus tests nothing: a plan of 1..0 would be
		 * skipped, and a skipped suite fails nothing. */
		printf("1..1\nnot ok 1 - no inputs in");
		for (int i = 1; i < argc; i++)
			printf(" %s", argv[i]);
		printf("\n");
		return 1;
	}
	printf("1..%zu\n", l.n);
	for (size_t i = 0; i < l.n; i++) {
		int bad;

		fflush(stdout);
		fflush(stderr);
		bad = forked ? run_forked(l.items[i])
			     : run_in_process(i + 1, l.items[i]);
		printf("%sok %zu - %s\n", bad ? "not " : "", i + 1, l.items[i]);
		failed |= bad;
		free(l.items[i]);
	}
	free(l.items);
	return failed;
}
