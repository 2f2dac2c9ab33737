ambt eenheid lijst --samenwerking WOL --op 2008-06-01 --db DB
