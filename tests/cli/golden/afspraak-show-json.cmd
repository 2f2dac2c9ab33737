ambt afspraak show Q3WBHLZJ --format json --db DB
