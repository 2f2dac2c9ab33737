ambt samenwerking toon XX --db DB
