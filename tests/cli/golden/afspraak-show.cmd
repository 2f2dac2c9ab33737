ambt afspraak toon Q3WBHLZJ --db DB
