/*
 * qmatic.h - the Qmatic calendar surface that Open Formulieren's Qmatic
 * plugin speaks, under QMATIC_BASE, mapped onto the locations, products,
 * roster and booking of the front office (docs/design/qmatic.md). Not
 * part of our own API: its paths, names and error format are Qmatic's.
 */
#ifndef AMBT_HTTP_QMATIC_H
#define AMBT_HTTP_QMATIC_H

#include "http.h"

/*
 * Take the matrix parameters (";servicePublicId=a;numberOfCustomers=1")
 * off the last segment of rq->path into rq->matrix, before routing.
 * Malformed: ST_INVALID.
 */
enum status qmatic_matrix(struct request *rq, struct err *e);

/* An error as the surface gives it: `status`, the Dutch text in the
 * error_message header and a small JSON body. */
void qmatic_fout(struct request *rq, struct response *rs, unsigned status,
		 const char *detail, const struct err *e);

enum status qmatic_services(struct request *, struct response *, struct err *);
enum status qmatic_services_groups(struct request *, struct response *,
				   struct err *);
enum status qmatic_service_branches(struct request *, struct response *,
				    struct err *);
enum status qmatic_branches(struct request *, struct response *, struct err *);
enum status qmatic_branch(struct request *, struct response *, struct err *);
enum status qmatic_branch_services(struct request *, struct response *,
				   struct err *);
enum status qmatic_branch_groups(struct request *, struct response *,
				 struct err *);
enum status qmatic_dates(struct request *, struct response *, struct err *);
enum status qmatic_times(struct request *, struct response *, struct err *);
enum status qmatic_book(struct request *, struct response *, struct err *);
enum status qmatic_appointment_get(struct request *, struct response *,
				   struct err *);
enum status qmatic_appointment_delete(struct request *, struct response *,
				      struct err *);

#endif
