ambt uren totalen --per week --db DB
