ambt besluit list --organisatie GM0397 --db DB
