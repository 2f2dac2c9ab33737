ambt besluit toevoegen --organisatie GM9999 --orgaan raad --datum 2021-01-01 --db DB
