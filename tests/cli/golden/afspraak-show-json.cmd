ambt afspraak toon Q3WBHLZJ --format json --db DB
