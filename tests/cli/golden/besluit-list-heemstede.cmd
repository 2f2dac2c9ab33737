ambt besluit lijst --organisatie GM0397 --db DB
