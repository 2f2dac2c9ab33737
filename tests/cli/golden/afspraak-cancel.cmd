ambt afspraak cancel Q3WBHLZJ --db DB && ambt afspraak show Q3WBHLZJ --db DB
