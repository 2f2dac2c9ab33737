ambt uren afwijkingen --samenwerking WOL --db DB
