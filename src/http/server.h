/*
 * server.h - `ambt server`: the HTTP server (libmicrohttpd, thread pool
 * with poll), answering the JSON API under /api/v1 and the web pages.
 */
#ifndef AMBT_HTTP_SERVER_H
#define AMBT_HTTP_SERVER_H

#include <stdint.h>
#include <stdio.h>

struct server_config {
	const char *db_path;
	const char *address; /* IPv4 literal; default 127.0.0.1 */
	uint16_t port; /* 0: any free port (printed at start) */
	unsigned threads; /* worker threads; 0: number of cores */
	const char *cors; /* comma-separated allowed origins, or NULL */
	size_t max_body; /* largest request body accepted, bytes */
	size_t max_upload; /* the same for routes that take a file */
	FILE *access_log; /* one JSON line per request; NULL: none */
	const char *melding; /* a line printed after the address, or NULL */
	/* Called once the address line (and melding) are out, before the
	 * first request is waited for: what logs to standard output starts
	 * here, so that the address stays the first line. NULL: nothing. */
	void (*luistert)(void *arg);
	void *luistert_arg;
};

/*
 * Serve until SIGTERM or SIGINT, then stop accepting connections, let the
 * requests in flight finish (up to 10 s) and return 0. Prints the address
 * it listens on to stdout once it does (its first line), and then
 * cfg->melding, and calls cfg->luistert. Returns 1 when it cannot start
 * (message on stderr).
 */
int server_run(const struct server_config *cfg);

#endif
