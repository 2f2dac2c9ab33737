ambt uren totalen --samenwerking HB --db DB
