ambt backup kopie-bestaat.db --db DB >/dev/null && ambt restore kopie-bestaat.db --db DB
