ambt werkstroom lijst --samenwerking WOL --db DB
