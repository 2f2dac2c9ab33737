ambt samenwerking show XX --db DB
