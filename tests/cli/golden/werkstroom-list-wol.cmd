ambt werkstroom list --samenwerking WOL --db DB
