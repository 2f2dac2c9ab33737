/*
 * present.h - how the command line shows domain objects: JSON objects
 * (jansson, caller owns the returned reference) and short Dutch phrases.
 */
#ifndef AMBT_CLI_PRESENT_H
#define AMBT_CLI_PRESENT_H

#include <jansson.h>

#include "../core/besluit.h"
#include "../core/register.h"

/* "alle leden", the municipality's name, or the joint body's code. */
const char *present_voor_wie(const struct inrichting *r);

json_t *present_inrichting_json(const struct inrichting *r);
json_t *present_samenwerking_json(const struct samenwerking *sw);
/* A decision; with its status history when it has one. */
json_t *present_besluit_json(const struct besluit *b);

#endif
