ambt afspraak show Q3WBHLZJ --db DB
