/*
 * store_qmatic.h - the keys of the Qmatic calendar surface that Open
 * Formulieren speaks (docs/design/qmatic.md): one key per municipality,
 * kept as the hex SHA-256 of the key (as API tokens are), never the key.
 * Conventions as in store.h.
 */
#ifndef AMBT_STORE_QMATIC_H
#define AMBT_STORE_QMATIC_H

#include "../core/arena.h"
#include "../core/err.h"

struct store;

#define QMATIC_HASH_LEN 64 /* hex SHA-256 */

/*
 * Give municipality `gemeente` the key whose hex SHA-256 is `hash`,
 * replacing the key it had (which stops working at once). Audited
 * without the key or its hash. Not a municipality: ST_NOT_FOUND.
 */
enum status store_qmatic_sleutel_set(struct store *s, const char *gemeente,
				     const char *hash, struct err *e);

/* The municipality (CBS code, in `a`) whose key has hex SHA-256 `hash`;
 * ST_NOT_FOUND when no municipality has it. */
enum status store_qmatic_gemeente(struct store *s, const char *hash,
				  struct arena *a, const char **gemeente,
				  struct err *e);

#endif
