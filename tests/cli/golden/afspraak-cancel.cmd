ambt afspraak annuleer Q3WBHLZJ --db DB && ambt afspraak toon Q3WBHLZJ --db DB
